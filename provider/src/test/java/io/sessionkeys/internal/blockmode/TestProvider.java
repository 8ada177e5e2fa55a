package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.engine.testing.ReferenceAesEngine;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.config.Settings;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.ProviderContext;
import io.sessionkeys.internal.service.ServiceDefinition;
import java.security.Provider;
import java.time.Clock;
import java.util.Arrays;

/** A provider holding only the block-mode services, on an engine of the test's choosing. */
final class TestProvider extends Provider {

    private static final long serialVersionUID = 1L;

    final transient ProviderContext context;

    TestProvider(BlockCipherEngine engine, Clock clock) {
        super("BlockModeTest", "1", "block modes on a test engine");
        this.context = new ProviderContext(Settings.fromSystemProperties(), clock);
        for (ServiceDefinition d : BlockModeServices.definitions(engine)) {
            putService(new Service(this, d.type(), d.algorithm(), d.implementationName(), d.aliases(),
                    d.attributes()) {
                @Override
                public Object newInstance(Object parameter) {
                    return d.newInstance(context);
                }
            });
        }
    }

    TestProvider() {
        this(ReferenceAesEngine.INSTANCE, Clock.systemUTC());
    }

    /** A session key made from {@code bytes}, under {@code policy} (null for the default). */
    ManagedSessionKey key(byte[] bytes, KeyPolicy policy) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        try {
            return ManagedSessionKey.create("AES", bytes.length * 8, copy, 0, copy.length,
                    context.policyOrDefault(policy), null, context.clock());
        } finally {
            Zeroing.wipe(copy);
        }
    }

    ManagedSessionKey key(int bytes) {
        return key(new byte[bytes], null);
    }
}

package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.config.Settings;
import io.sessionkeys.internal.service.ProviderContext;
import io.sessionkeys.internal.service.ServiceDefinition;
import java.security.Provider;
import java.time.Clock;

/** The AEAD services on the test-only reference engines, reachable through JCA in white-box tests. */
final class ReferenceAeadProvider extends Provider {

    private static final long serialVersionUID = 1L;

    ReferenceAeadProvider() {
        super("SessionKeysAeadReference", "1", "SessionKeys AEAD SPIs on reference engines (tests only)");
        ProviderContext context = new ProviderContext(Settings.fromSystemProperties(), Clock.systemUTC());
        for (ServiceDefinition d : AeadServices.definitions(ReferenceGcmEngine.INSTANCE,
                ReferenceChaCha20Poly1305Engine.INSTANCE)) {
            putService(new Service(this, d.type(), d.algorithm(), d.implementationName(), d.aliases(), d.attributes()) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return d.newInstance(context);
                }
            });
        }
    }
}

package io.sessionkeys.tests.install.programs;

import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeysProvider;
import javax.crypto.KeyGenerator;

/**
 * Leaves a key alive at exit, and watches from a shutdown hook of its own (hooks run
 * concurrently) until the provider's hook has destroyed it; prints the reason it sees.
 */
public final class ShutdownProbe {

    private ShutdownProbe() {
    }

    public static void main(String[] args) throws Exception {
        SessionKey key = (SessionKey) KeyGenerator.getInstance("AES", new SessionKeysProvider()).generateKey();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long deadline = System.currentTimeMillis() + 10_000;
            while (!key.isDestroyed() && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            System.out.println("at.exit=" + key.destroyReason().map(Enum::name).orElse("still live"));
        }));
        System.out.println("live=" + key.state());
    }
}

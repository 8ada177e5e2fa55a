package io.sessionkeys.internal.cli;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeysProvider;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKeyFactory;

/**
 * The {@code --demo} walk-through: a session key made, inspected, bound to a scope, and destroyed,
 * with the error a destroyed key gets. Uses only the public API and standard JCA, as a user would.
 */
final class LifecycleDemo {

    private LifecycleDemo() {
    }

    static void run(PrintStream out) throws GeneralSecurityException {
        SessionKeysProvider provider = new SessionKeysProvider();
        out.println();
        out.println("Demo: the life of a session key");

        KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
        KeyPolicy policy = KeyPolicy.builder().encryptLifetime(Duration.ofMinutes(30))
                .decryptLifetime(Duration.ofHours(1)).maxEncryptions(1_000_000).build();
        generator.init(new SessionKeyGenParameterSpec(256, policy));
        SessionKey key = (SessionKey) generator.generateKey();
        out.println("  generated      " + key);
        out.println("  policy         " + key.policy());
        out.println("  getEncoded()   " + (key.getEncoded() == null ? "null (plaintext export is not allowed)" : "bytes"));

        try (KeyScope session = KeyScope.open()) {
            SessionKey scoped = session.bind((SessionKey) generator.generateKey());
            out.println("  in a scope     " + scoped);
            session.close();
            out.println("  scope closed   " + scoped + ", reason: " + scoped.destroyReason().orElseThrow());
        }

        key.destroy();
        out.println("  destroy()      " + key + ", reason: " + key.destroyReason().orElseThrow());
        try {
            SecretKeyFactory.getInstance("AES", provider).translateKey(key);
            out.println("  UNEXPECTED: a destroyed key was accepted");
        } catch (java.security.InvalidKeyException expected) {
            out.println("  using it now   InvalidKeyException: " + expected.getMessage());
        }
    }
}

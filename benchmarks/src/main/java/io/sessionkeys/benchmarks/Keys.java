package io.sessionkeys.benchmarks;

import java.security.Provider;
import java.security.SecureRandom;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes the key each provider is meant to be used with: a session key from SessionKeys' own
 * KeyGenerator for SessionKeys (its ciphers refuse anything else), a {@link SecretKeySpec} over
 * random bytes for every other provider (what applications hand them in practice).
 */
public final class Keys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    public static SecretKey newKey(ProviderUnderTest who, Provider provider, String algorithm, int bits)
            throws NotProvidedException {
        if (who.makesSessionKeys()) {
            KeyGenerator generator = JcaLookup.keyGenerator(provider, algorithm);
            generator.init(bits);
            return generator.generateKey();
        }
        return new SecretKeySpec(randomBytes(bits / 8), algorithm);
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

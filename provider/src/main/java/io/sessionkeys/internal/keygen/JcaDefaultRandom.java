package io.sessionkeys.internal.keygen;

import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.KeyGenerator;
import javax.crypto.KeyGeneratorSpi;
import javax.crypto.SecretKey;

/**
 * Tells a source of randomness the caller chose from the one the JCA passes when the caller chose
 * none. {@code KeyGenerator.init(int)} and {@code init(AlgorithmParameterSpec)} hand the
 * generator the JDK's shared default {@code SecureRandom}, always the same instance; it is found
 * once by asking a probe generator what it was given. A caller's own instance, even a plain
 * {@code new SecureRandom()}, is never that one, so it is always honoured. Should a JDK ever
 * pass a fresh instance each time, every source counts as the caller's: the safe side.
 */
final class JcaDefaultRandom {

    private JcaDefaultRandom() {
    }

    /** Whether {@code random} is no choice of the caller's: none at all, or the JCA's default. */
    static boolean isDefault(SecureRandom random) {
        return random == null || random == Holder.DEFAULT;
    }

    private static final class Holder {
        static final SecureRandom DEFAULT = find();
    }

    private static SecureRandom find() {
        Probe probe = new Probe();
        new KeyGenerator(probe, null, "probe") { }.init(128);
        return probe.given;
    }

    /** A generator that only records the source it is initialized with. */
    private static final class Probe extends KeyGeneratorSpi {
        SecureRandom given;

        @Override
        protected void engineInit(SecureRandom random) {
            given = random;
        }

        @Override
        protected void engineInit(AlgorithmParameterSpec params, SecureRandom random) {
            given = random;
        }

        @Override
        protected void engineInit(int keySize, SecureRandom random) {
            given = random;
        }

        @Override
        protected SecretKey engineGenerateKey() {
            throw new UnsupportedOperationException("a probe makes no keys");
        }
    }
}

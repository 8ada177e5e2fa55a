package io.sessionkeys.internal.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionkeys.SessionKeysProvider;
import java.security.AlgorithmParameters;
import java.security.Key;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The transformation a foreign key is passed on with is the one the caller asked for: a generic
 * service ("AES") on which JCA set a mode and a padding passes them on too.
 */
class RoutingCipherSpiTest {

    /** A generic AES service that takes any mode and padding, as SunJCE's "AES" does; it never sees a key here. */
    private static final class AnyModeCipher extends SessionKeysCipherSpi {
        @Override
        protected void engineSetMode(String mode) {
        }

        @Override
        protected void engineSetPadding(String padding) {
        }

        @Override
        protected int engineGetBlockSize() {
            return 16;
        }

        @Override
        protected int engineGetOutputSize(int inputLen) {
            throw new AssertionError("a foreign key never reaches this SPI");
        }

        @Override
        protected byte[] engineGetIV() {
            throw new AssertionError("a foreign key never reaches this SPI");
        }

        @Override
        protected AlgorithmParameters engineGetParameters() {
            throw new AssertionError("a foreign key never reaches this SPI");
        }

        @Override
        protected void engineInit(int opmode, Key key, SecureRandom random) {
            throw new AssertionError("a foreign key never reaches this SPI");
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random) {
            throw new AssertionError("a foreign key never reaches this SPI");
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random) {
            throw new AssertionError("a foreign key never reaches this SPI");
        }

        @Override
        protected byte[] engineUpdate(byte[] input, int inputOffset, int inputLen) {
            throw new AssertionError("a foreign key never reaches this SPI");
        }

        @Override
        protected int engineUpdate(byte[] input, int inputOffset, int inputLen, byte[] output, int outputOffset) {
            throw new AssertionError("a foreign key never reaches this SPI");
        }

        @Override
        protected byte[] engineDoFinal(byte[] input, int inputOffset, int inputLen) {
            throw new AssertionError("a foreign key never reaches this SPI");
        }

        @Override
        protected int engineDoFinal(byte[] input, int inputOffset, int inputLen, byte[] output, int outputOffset) {
            throw new AssertionError("a foreign key never reaches this SPI");
        }
    }

    /** A foreign key is SessionKeys' no work: the provider's checks never run for it. */
    private static final Readiness NEVER_READIED = () -> {
        throw new AssertionError("a foreign key ran SessionKeys' readiness checks");
    };

    @Test
    void genericService_modeAndPaddingSetByJca_areWhatTheNextProviderGets() throws Exception {
        RoutingCipherSpi routing = new RoutingCipherSpi(new AnyModeCipher(), new SessionKeysProvider(), "AES",
                NEVER_READIED);
        routing.engineSetMode("CBC");
        routing.engineSetPadding("ISO10126Padding");
        assertEquals("AES/CBC/ISO10126Padding", routing.transformation());

        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        IvParameterSpec iv = new IvParameterSpec(new byte[16]);
        routing.engineInit(Cipher.DECRYPT_MODE, key, iv, null);
        Cipher sun = Cipher.getInstance("AES/CBC/ISO10126Padding", "SunJCE");
        sun.init(Cipher.ENCRYPT_MODE, key, iv);
        byte[] message = {1, 2, 3, 4, 5, 6, 7};
        assertArrayEquals(message, routing.engineDoFinal(sun.doFinal(message), 0, 16));
    }

    @Test
    void fullTransformationService_keepsItsName() {
        RoutingCipherSpi routing = new RoutingCipherSpi(new AnyModeCipher(), new SessionKeysProvider(),
                "AES_256/GCM/NoPadding", NEVER_READIED);
        assertEquals("AES_256/GCM/NoPadding", routing.transformation());
    }
}

package io.sessionkeys.internal.keygen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.internal.config.Settings;
import io.sessionkeys.internal.engine.KeyBytesEngine;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Clock;
import java.util.Arrays;
import javax.crypto.KeyGenerator;
import javax.crypto.KeyGeneratorSpi;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/**
 * Where a generated key's bytes come from: the selected key-bytes engine when the caller names no
 * source of randomness (no {@code init}, or {@code init} without a {@code SecureRandom}), and the
 * caller's own {@code SecureRandom} whenever it passes one, even a plain {@code new SecureRandom()}.
 */
class KeyGeneratorRandomnessTest {

    private final ProviderContext context = new ProviderContext(Settings.fromSystemProperties(), Clock.systemUTC());
    private final PatternEngine engine = new PatternEngine((byte) 0xE1);

    @Test
    void theJcaDefaultSource_isToldFromTheCallersOwn() {
        assertTrue(JcaDefaultRandom.isDefault(null));
        assertTrue(JcaDefaultRandom.isDefault(sourceJcaPasses()), "the source KeyGenerator.init(int) passes");
        assertFalse(JcaDefaultRandom.isDefault(new SecureRandom()), "a caller's new SecureRandom()");
    }

    @Test
    void noInit_or_initWithoutRandom_takesTheEngine() {
        assertArrayEquals(pattern(0xE1, 32), bytesOf(keyFrom(newGenerator(engine))));
        assertArrayEquals(pattern(0xE1, 16), bytesOf(keyFrom(generator(engine, 128, sourceJcaPasses()))));
        assertEquals(2, engine.fills);
    }

    @Test
    void aCallersSecureRandom_isHonoured_andTheEngineNotAsked() {
        SecureRandom callers = new PatternRandom((byte) 0x3C);
        assertArrayEquals(pattern(0x3C, 32), bytesOf(keyFrom(generator(engine, 256, callers))));
        assertEquals(0, engine.fills);
    }

    @Test
    void noEngineSelected_drawsFromTheProvidersSecureRandom() {
        byte[] a = bytesOf(keyFrom(newGenerator(null)));
        byte[] b = bytesOf(keyFrom(newGenerator(null)));
        assertEquals(32, a.length);
        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(pattern(0xE1, 32), a));
    }

    @Test
    void aFailingEngine_makesNoKey() {
        KeyBytesEngine failing = new KeyBytesEngine() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void fill(ByteBuffer slot) {
                throw new ProviderException("the generator failed");
            }
        };
        assertThrows(ProviderException.class, () -> keyFrom(newGenerator(failing)));
    }

    private SessionKeyGenerator newGenerator(KeyBytesEngine selected) {
        return new SessionKeyGenerator(context, KeyAlgorithm.AES, () -> selected);
    }

    private SessionKeyGenerator generator(KeyBytesEngine selected, int bits, SecureRandom random) {
        SessionKeyGenerator g = newGenerator(selected);
        g.engineInit(bits, random);
        return g;
    }

    private static SecretKey keyFrom(SessionKeyGenerator g) {
        return g.engineGenerateKey();
    }

    private static byte[] bytesOf(SecretKey key) {
        return ((ManagedSessionKey) key).withMaterial(KeyUse.PROCESS, null, raw -> {
            byte[] copy = new byte[raw.remaining()];
            raw.duplicate().get(copy);
            return copy;
        });
    }

    private static byte[] pattern(int value, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** What a KeyGenerator initialized with a key size alone hands its SPI. */
    private static SecureRandom sourceJcaPasses() {
        SecureRandom[] given = new SecureRandom[1];
        KeyGeneratorSpi recorder = new KeyGeneratorSpi() {
            @Override
            protected void engineInit(SecureRandom random) {
                given[0] = random;
            }

            @Override
            protected void engineInit(AlgorithmParameterSpec params, SecureRandom random) {
                given[0] = random;
            }

            @Override
            protected void engineInit(int keySize, SecureRandom random) {
                given[0] = random;
            }

            @Override
            protected SecretKey engineGenerateKey() {
                return null;
            }
        };
        new KeyGenerator(recorder, null, "recorder") { }.init(256);
        return given[0];
    }

    private static final class PatternEngine implements KeyBytesEngine {
        private final byte value;
        int fills;

        PatternEngine(byte value) {
            this.value = value;
        }

        @Override
        public String name() {
            return "pattern";
        }

        @Override
        public void fill(ByteBuffer slot) {
            fills++;
            for (int i = 0; i < slot.limit(); i++) {
                slot.put(i, value);
            }
        }
    }

    /** A caller's deterministic source (as a test might pass for reproducible keys). */
    private static final class PatternRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte value;

        PatternRandom(byte value) {
            this.value = value;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, value);
        }
    }
}

package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * New keys' bytes through the real provider: OpenSSL's DRBG where the native engine runs (drawn
 * through a pool that many keys share), the caller's {@code SecureRandom} whenever it passes one.
 * A key is fingerprinted by encrypting a zero block with it, so its bytes are never read out.
 */
class KeyBytesEngineTest {

    private static final Provider SESSION_KEYS = new SessionKeysProvider();
    /** Enough keys to empty and refill the native pool (63 AES-256 keys a fill) dozens of times. */
    private static final int KEYS = 5_000;

    @Test
    void theSelectedSourceIsReported() throws Exception {
        KeyGenerator.getInstance("AES", SESSION_KEYS).generateKey();
        SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        String source = bean.getEngines().get("Key generation");
        boolean drbg = source != null && source.contains("DRBG (RAND_priv_bytes)");
        assertEquals(AeadEngineDifferentialTest.expectNative(), drbg, String.valueOf(source));
    }

    @Test
    void everyGeneratedKeyIsNew_acrossManyPoolRefills() throws Exception {
        for (int bits : new int[] {128, 256}) {
            KeyGenerator generator = KeyGenerator.getInstance("AES", SESSION_KEYS);
            generator.init(bits);
            Set<ByteBuffer> seen = new HashSet<>();
            for (int i = 0; i < KEYS; i++) {
                SecretKey key = generator.generateKey();
                assertTrue(seen.add(ByteBuffer.wrap(fingerprint(key, SESSION_KEYS))), "key " + i + " repeated");
                key.destroy();
            }
        }
    }

    @Test
    void aCallersSecureRandom_givesTheKeyItsBytes() throws Exception {
        byte[] expected = new byte[32];
        Arrays.fill(expected, (byte) 0x5A);
        KeyGenerator generator = KeyGenerator.getInstance("AES", SESSION_KEYS);
        generator.init(256, new FixedRandom((byte) 0x5A));
        SecretKey key = generator.generateKey();
        assertArrayEquals(fingerprint(new SecretKeySpec(expected, "AES"), null), fingerprint(key, SESSION_KEYS));
        key.destroy();
    }

    private static byte[] fingerprint(SecretKey key, Provider provider) throws Exception {
        Cipher ecb = provider == null ? Cipher.getInstance("AES/ECB/NoPadding", "SunJCE")
                : Cipher.getInstance("AES/ECB/NoPadding", provider);
        ecb.init(Cipher.ENCRYPT_MODE, key);
        return ecb.doFinal(new byte[16]);
    }

    /** A caller's deterministic source, as a test passes for reproducible keys. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte value;

        FixedRandom(byte value) {
            this.value = value;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, value);
        }
    }
}

package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The AEAD ciphers against SunJCE on whatever engine this run selects (the suite runs once with
 * {@code sessionkeys.engine=auto}, native here, and once with {@code java}): every AES key size,
 * GCM IVs from 1 to 128 bytes, truncated tags, messages across the native side's 128 KiB
 * pinning chunks, in-place operation, and tampered ciphertexts refused with nothing written.
 */
class AeadEngineDifferentialTest {

    private static final Provider SESSION_KEYS = new SessionKeysProvider();
    private static final int[] SIZES = {0, 1, 15, 16, 17, 64, 1024, 128 * 1024 - 1, 128 * 1024 + 17, 300_000};

    /** Whether this run must be on OpenSSL: auto or native on linux-x86_64. */
    static boolean expectNative() {
        String engine = System.getProperty("sessionkeys.engine", "auto");
        return !engine.equals("java") && System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").equals("amd64");
    }

    @Test
    void theSelectedEngineIsReported() throws Exception {
        SecretKey key = importKey("AES", new byte[16]);
        Cipher.getInstance("AES/GCM/NoPadding", SESSION_KEYS).init(Cipher.ENCRYPT_MODE, key);
        SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        Map<String, String> engines = bean.getEngines();
        for (String algorithm : new String[] {"AES-GCM", "ChaCha20-Poly1305"}) {
            String engine = engines.get(algorithm);
            assertTrue(engine != null, engines.toString());
            assertEquals(expectNative(), engine.startsWith("OpenSSL"), algorithm + ": " + engine);
            assertEquals(!expectNative(), engine.startsWith("Java"), algorithm + ": " + engine);
        }
    }

    @Test
    void aesGcm_matchesSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0x5e55);
        for (int keyLength : new int[] {16, 24, 32}) {
            for (int size : SIZES) {
                int ivLength = new int[] {12, 1, 16, 60, 128}[random.nextInt(5)];
                int tagBits = 96 + 8 * random.nextInt(5);
                byte[] iv = bytes(random, ivLength);
                check("AES/GCM/NoPadding", "AES", bytes(random, keyLength), new GCMParameterSpec(tagBits, iv),
                        bytes(random, random.nextInt(40)), bytes(random, size), random);
            }
        }
    }

    @Test
    void chaCha20Poly1305_matchesSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0xc4a);
        for (int size : SIZES) {
            check("ChaCha20-Poly1305", "ChaCha20", bytes(random, 32), new IvParameterSpec(bytes(random, 12)),
                    bytes(random, random.nextInt(40)), bytes(random, size), random);
        }
    }

    private static void check(String transformation, String algorithm, byte[] keyBytes, AlgorithmParameterSpec spec,
            byte[] aad, byte[] plain, SplittableRandom random) throws Exception {
        String what = transformation + " key " + keyBytes.length + " aad " + aad.length + " data " + plain.length;
        Cipher reference = Cipher.getInstance(transformation, "SunJCE");
        reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, algorithm), spec);
        reference.updateAAD(aad);
        byte[] expected = reference.doFinal(plain);

        SecretKey key = importKey(algorithm, keyBytes);
        Cipher ours = Cipher.getInstance(transformation, SESSION_KEYS);
        ours.init(Cipher.ENCRYPT_MODE, key, spec);
        ours.updateAAD(aad);
        // in place, with the data split at a random point between update and doFinal
        byte[] buffer = Arrays.copyOf(plain, expected.length);
        int split = plain.length == 0 ? 0 : random.nextInt(plain.length);
        int n = ours.update(buffer, 0, split, buffer, 0);
        ours.doFinal(buffer, split, plain.length - split, buffer, n);
        assertArrayEquals(expected, buffer, what + ": encryption");

        ours.init(Cipher.DECRYPT_MODE, key, spec);
        ours.updateAAD(aad);
        assertArrayEquals(plain, ours.doFinal(expected), what + ": decryption");

        byte[] tampered = expected.clone();
        tampered[random.nextInt(tampered.length)] ^= (byte) (1 << random.nextInt(8));
        byte[] out = new byte[plain.length];
        Arrays.fill(out, (byte) 0x5a);
        ours.init(Cipher.DECRYPT_MODE, key, spec);
        ours.updateAAD(aad);
        assertThrows(AEADBadTagException.class, () -> ours.doFinal(tampered, 0, tampered.length, out, 0), what);
        byte[] untouched = new byte[plain.length];
        Arrays.fill(untouched, (byte) 0x5a);
        assertArrayEquals(untouched, out, what + ": a refused decryption wrote to the output");
        key.destroy();
    }

    static SecretKey importKey(String algorithm, byte[] bytes) throws Exception {
        return SecretKeyFactory.getInstance(algorithm, SESSION_KEYS).generateSecret(SessionKeyImportSpec.builder()
                .key(new SecretKeySpec(bytes, algorithm)).policy(KeyPolicy.builtInDefaults()).build());
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}

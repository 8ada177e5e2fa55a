package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import java.security.Provider;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * AES-CTR, CBC and ECB against SunJCE on whatever engine this run selects (native in the
 * {@code auto} run on linux-x86_64, Java in the {@code java} run): every key size, messages cut
 * into several updates at random points (so the counter, the partial keystream block, the CBC
 * chain and buffered partial blocks are carried between calls), across the native side's 128 KiB
 * pinning chunks, in place, tampered padding, the counter wrapping at 2<sup>128</sup>, and padded decryption that
 * first meets a short buffer and then succeeds.
 */
class BlockModeEngineDifferentialTest {

    private static final Provider SESSION_KEYS = new SessionKeysProvider();
    private static final int[] SIZES = {0, 1, 15, 16, 17, 63, 64, 1024, 128 * 1024 - 1, 128 * 1024 + 17, 300_000};
    private static final String[] TRANSFORMATIONS = {"AES/CTR/NoPadding", "AES/CBC/NoPadding", "AES/CBC/PKCS5Padding",
        "AES/ECB/NoPadding", "AES/ECB/PKCS5Padding"};

    @Test
    void theSelectedEngineIsReported() throws Exception {
        SecretKey key = AeadEngineDifferentialTest.importKey("AES", new byte[16]);
        Cipher.getInstance("AES/CTR/NoPadding", SESSION_KEYS).init(Cipher.ENCRYPT_MODE, key);
        SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        String engine = bean.getEngines().get("AES/CTR, CBC, ECB");
        assertTrue(engine != null, bean.getEngines().toString());
        boolean expectNative = AeadEngineDifferentialTest.expectNative();
        assertEquals(expectNative, engine.startsWith("OpenSSL"), engine);
        assertEquals(!expectNative, engine.startsWith("Java"), engine);
    }

    @Test
    void everyMode_inSeveralUpdates_matchesSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0xb10c);
        for (String transformation : TRANSFORMATIONS) {
            boolean whole = transformation.endsWith("/NoPadding") && !transformation.contains("CTR");
            for (int keyLength : new int[] {16, 24, 32}) {
                for (int size : SIZES) {
                    int length = whole ? size / 16 * 16 : size;
                    check(transformation, bytes(random, keyLength), bytes(random, 16), bytes(random, length), random);
                }
            }
        }
    }

    /** The whole 16-byte counter block is one big-endian number: it carries into every byte and wraps to zero. */
    @Test
    void ctr_counterCarriesAndWrapsAsSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0xc7);
        byte[] allOnes = new byte[16];
        Arrays.fill(allOnes, (byte) 0xff);
        byte[] low32Full = new byte[16];
        Arrays.fill(low32Full, 12, 16, (byte) 0xff);
        low32Full[14] = (byte) 0xfe;
        for (byte[] iv : new byte[][] {allOnes, low32Full}) {
            check("AES/CTR/NoPadding", bytes(random, 32), iv, bytes(random, 16 * 600 + 5), random);
        }
    }

    /** A padded CBC decryption into a too-short buffer is refused and can be retried, as on SunJCE. */
    @Test
    void cbcPkcs5_shortBufferAtDoFinal_thenRetrySucceeds() throws Exception {
        SplittableRandom random = new SplittableRandom(0x5b);
        byte[] keyBytes = bytes(random, 16);
        byte[] iv = bytes(random, 16);
        byte[] plain = bytes(random, 100);
        Cipher reference = Cipher.getInstance("AES/CBC/PKCS5Padding", "SunJCE");
        reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"), new IvParameterSpec(iv));
        byte[] sealed = reference.doFinal(plain);
        SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
        Cipher ours = Cipher.getInstance("AES/CBC/PKCS5Padding", SESSION_KEYS);
        ours.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
        byte[] out = new byte[sealed.length];
        int n = ours.update(sealed, 0, 40, out, 0);
        byte[] tooShort = new byte[plain.length - n - 1];
        assertThrows(ShortBufferException.class, () -> ours.doFinal(sealed, 40, sealed.length - 40, tooShort, 0));
        n += ours.doFinal(sealed, 40, sealed.length - 40, out, n);
        assertArrayEquals(plain, Arrays.copyOf(out, n));
        key.destroy();
    }

    @Test
    void cbcPkcs5_badPadding_throwsBadPaddingExceptionAndReleasesNothing() throws Exception {
        SplittableRandom random = new SplittableRandom(0xbad);
        byte[] keyBytes = bytes(random, 32);
        byte[] iv = bytes(random, 16);
        Cipher reference = Cipher.getInstance("AES/CBC/NoPadding", "SunJCE");
        reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"), new IvParameterSpec(iv));
        byte[] plain = bytes(random, 64);
        plain[63] = 0x11; // no valid PKCS5 padding ends in 17
        byte[] sealed = reference.doFinal(plain);
        SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
        Cipher ours = Cipher.getInstance("AES/CBC/PKCS5Padding", SESSION_KEYS);
        ours.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
        byte[] out = new byte[64];
        assertThrows(BadPaddingException.class, () -> ours.doFinal(sealed, 0, sealed.length, out, 0));
        assertArrayEquals(new byte[64], out, "a refused padding check left plaintext in the output");
        key.destroy();
    }

    private static void check(String transformation, byte[] keyBytes, byte[] ivBytes, byte[] plain,
            SplittableRandom random) throws Exception {
        boolean ecb = transformation.contains("ECB");
        IvParameterSpec iv = ecb ? null : new IvParameterSpec(ivBytes);
        String what = transformation + " key " + keyBytes.length + " data " + plain.length;
        Cipher reference = Cipher.getInstance(transformation, "SunJCE");
        reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"), iv);
        byte[] expected = reference.doFinal(plain);

        SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
        Cipher ours = Cipher.getInstance(transformation, SESSION_KEYS);
        ours.init(Cipher.ENCRYPT_MODE, key, iv);
        assertArrayEquals(expected, inPieces(ours, plain, expected.length, random), what + ": encryption");
        ours.init(Cipher.DECRYPT_MODE, key, iv);
        assertArrayEquals(plain, inPieces(ours, expected, expected.length, random), what + ": decryption");
        ours.init(Cipher.DECRYPT_MODE, key, iv);
        assertArrayEquals(plain, ours.doFinal(expected), what + ": decryption in one call");

        byte[] inPlace = Arrays.copyOf(plain, expected.length);
        ours.init(Cipher.ENCRYPT_MODE, key, iv);
        assertEquals(expected.length, ours.doFinal(inPlace, 0, plain.length, inPlace, 0), what);
        assertArrayEquals(expected, inPlace, what + ": encryption in place");
        ours.init(Cipher.DECRYPT_MODE, key, iv);
        int half = expected.length / 32 * 16; // a block boundary: the update writes where it read
        int n = ours.update(inPlace, 0, half, inPlace, 0);
        n += ours.doFinal(inPlace, half, expected.length - half, inPlace, n);
        assertArrayEquals(plain, Arrays.copyOf(inPlace, n), what + ": decryption in place");
        key.destroy();
    }

    /** Runs {@code input} through up to four updates cut at random points, then doFinal. */
    private static byte[] inPieces(Cipher cipher, byte[] input, int outputLength, SplittableRandom random)
            throws Exception {
        byte[] buffer = Arrays.copyOf(input, Math.max(input.length, outputLength));
        int read = 0;
        int written = 0;
        for (int i = 0; i < 4 && read < input.length; i++) {
            int n = random.nextInt(input.length - read + 1);
            byte[] piece = Arrays.copyOfRange(buffer, read, read + n);
            written += cipher.update(piece, 0, n, buffer, written);
            read += n;
        }
        byte[] rest = Arrays.copyOfRange(buffer, read, input.length);
        written += cipher.doFinal(rest, 0, rest.length, buffer, written);
        return Arrays.copyOf(buffer, written);
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}

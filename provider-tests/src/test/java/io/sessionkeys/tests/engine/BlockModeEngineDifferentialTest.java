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
 * AES-CTR, CBC, ECB, CFB8, CFB128 and OFB against SunJCE on whatever engine this run selects
 * (native in the {@code auto} run on linux-x86_64, Java in the {@code java} run): every key size,
 * messages cut into several updates at random points (so the counter, the partial keystream
 * block, the CBC chain, the CFB and OFB shift register and buffered partial blocks are carried
 * between calls), short messages cut at every pair of points, across the native side's 128 KiB
 * pinning chunks, in place, tampered padding, the counter wrapping at 2<sup>128</sup>, and padded
 * decryption that first meets a short buffer and then succeeds.
 */
class BlockModeEngineDifferentialTest {

    private static final Provider SESSION_KEYS = new SessionKeysProvider();
    private static final int[] SIZES = {0, 1, 15, 16, 17, 63, 64, 1024, 128 * 1024 - 1, 128 * 1024 + 17, 300_000};
    private static final String[] TRANSFORMATIONS = {"AES/CTR/NoPadding", "AES/CBC/NoPadding", "AES/CBC/PKCS5Padding",
        "AES/ECB/NoPadding", "AES/ECB/PKCS5Padding", "AES/CFB8/NoPadding", "AES/CFB8/PKCS5Padding",
        "AES/CFB/NoPadding", "AES/CFB128/PKCS5Padding", "AES/OFB/NoPadding", "AES/OFB128/PKCS5Padding"};
    /** The modes the native engine runs whole on their own selection, under every name SunJCE gives them. */
    private static final String[] SEGMENT_TRANSFORMATIONS = {"AES/CFB8/NoPadding", "AES/CFB8/PKCS5Padding",
        "AES/CFB/NoPadding", "AES/CFB/PKCS5Padding", "AES/CFB128/NoPadding", "AES/OFB/NoPadding",
        "AES/OFB/PKCS5Padding", "AES/OFB128/NoPadding"};
    /** Padded modes whose decryption holds the last block back and can be retried after a short buffer. */
    private static final String[] PADDED = {"AES/CBC/PKCS5Padding", "AES/CFB8/PKCS5Padding", "AES/CFB/PKCS5Padding",
        "AES/OFB/PKCS5Padding"};

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
    void theSegmentModesReportTheSelectedEngine() throws Exception {
        SecretKey key = AeadEngineDifferentialTest.importKey("AES", new byte[16]);
        Cipher.getInstance("AES/CFB8/NoPadding", SESSION_KEYS).init(Cipher.ENCRYPT_MODE, key);
        SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        String engine = bean.getEngines().get("AES/CFB8, CFB, OFB");
        assertTrue(engine != null, bean.getEngines().toString());
        boolean expectNative = AeadEngineDifferentialTest.expectNative();
        assertEquals(expectNative, engine.startsWith("OpenSSL"), engine);
        assertEquals(!expectNative, engine.startsWith("Java"), engine);
    }

    /**
     * A 50-byte message (three blocks and a part) cut at every pair of points into three updates
     * and a doFinal, both ways: every way a segment or block can straddle calls.
     */
    @Test
    void segmentModes_everySplitIntoThreeUpdates_matchesSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0xcfb);
        for (String transformation : SEGMENT_TRANSFORMATIONS) {
            byte[] keyBytes = bytes(random, 16 + 8 * random.nextInt(3));
            IvParameterSpec iv = new IvParameterSpec(bytes(random, 16));
            byte[] plain = bytes(random, 50);
            Cipher reference = Cipher.getInstance(transformation, "SunJCE");
            reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"), iv);
            byte[] expected = reference.doFinal(plain);
            SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
            Cipher ours = Cipher.getInstance(transformation, SESSION_KEYS);
            for (int a = 0; a <= plain.length; a++) {
                for (int b = a; b <= plain.length; b++) {
                    String what = transformation + " cut at " + a + " and " + b;
                    ours.init(Cipher.ENCRYPT_MODE, key, iv);
                    assertArrayEquals(expected, cutAt(ours, plain, a, b), what + ": encryption");
                    int c = a * expected.length / plain.length; // padded: the ciphertext is longer
                    int d = b * expected.length / plain.length;
                    ours.init(Cipher.DECRYPT_MODE, key, iv);
                    assertArrayEquals(plain, cutAt(ours, expected, c, d), what + ": decryption");
                }
            }
            key.destroy();
        }
    }

    /** {@code input} as update(0..a), update(a..b), update(b..mid of the rest), doFinal(the rest). */
    private static byte[] cutAt(Cipher cipher, byte[] input, int a, int b) throws Exception {
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int mid = b + (input.length - b) / 2;
        int n = cipher.update(input, 0, a, out, 0);
        n += cipher.update(input, a, b - a, out, n);
        n += cipher.update(input, b, mid - b, out, n);
        n += cipher.doFinal(input, mid, input.length - mid, out, n);
        return Arrays.copyOf(out, n);
    }

    @Test
    void everyMode_inSeveralUpdates_matchesSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0xb10c);
        for (String transformation : TRANSFORMATIONS) {
            boolean whole = transformation.endsWith("/NoPadding") && (transformation.contains("CBC")
                    || transformation.contains("ECB"));
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

    /**
     * A padded CBC, CFB or OFB decryption into a too-short buffer is refused and can be retried, as
     * on SunJCE: twice, so the state is restored from a restored state too, and also when the
     * doFinal is the message's first call.
     */
    @Test
    void padded_shortBufferAtDoFinal_thenRetrySucceeds() throws Exception {
        SplittableRandom random = new SplittableRandom(0x5b);
        for (String transformation : PADDED) {
            for (int keyLength : new int[] {16, 24, 32}) {
                for (int head : new int[] {0, 40, 1000}) {
                    byte[] keyBytes = bytes(random, keyLength);
                    byte[] iv = bytes(random, 16);
                    byte[] plain = bytes(random, 1100 + random.nextInt(16));
                    Cipher reference = Cipher.getInstance(transformation, "SunJCE");
                    reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"), new IvParameterSpec(iv));
                    byte[] sealed = reference.doFinal(plain);
                    SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
                    Cipher ours = Cipher.getInstance(transformation, SESSION_KEYS);
                    ours.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
                    byte[] out = new byte[sealed.length];
                    int n = ours.update(sealed, 0, head, out, 0);
                    byte[] tooShort = new byte[plain.length - n - 1];
                    for (int i = 0; i < 2; i++) {
                        assertThrows(ShortBufferException.class,
                                () -> ours.doFinal(sealed, head, sealed.length - head, tooShort, 0), transformation);
                    }
                    n += ours.doFinal(sealed, head, sealed.length - head, out, n);
                    assertArrayEquals(plain, Arrays.copyOf(out, n), transformation + " key " + keyLength + " head "
                            + head);
                    key.destroy();
                }
            }
        }
    }

    @Test
    void padded_badPadding_throwsBadPaddingExceptionAndReleasesNothing() throws Exception {
        SplittableRandom random = new SplittableRandom(0xbad);
        for (String transformation : PADDED) {
            byte[] keyBytes = bytes(random, 32);
            byte[] iv = bytes(random, 16);
            String unpadded = transformation.replace("PKCS5Padding", "NoPadding");
            Cipher reference = Cipher.getInstance(unpadded, "SunJCE");
            reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"), new IvParameterSpec(iv));
            byte[] plain = bytes(random, 64);
            plain[63] = 0x11; // no valid PKCS5 padding ends in 17
            byte[] sealed = reference.doFinal(plain);
            SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
            Cipher ours = Cipher.getInstance(transformation, SESSION_KEYS);
            ours.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
            byte[] out = new byte[64];
            assertThrows(BadPaddingException.class, () -> ours.doFinal(sealed, 0, sealed.length, out, 0),
                    transformation);
            assertArrayEquals(new byte[64], out, transformation + ": a refused padding check left plaintext in the"
                    + " output");
            key.destroy();
        }
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

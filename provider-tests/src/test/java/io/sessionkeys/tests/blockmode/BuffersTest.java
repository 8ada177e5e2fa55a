package io.sessionkeys.tests.blockmode;

import static io.sessionkeys.tests.blockmode.BlockModes.cipher;
import static io.sessionkeys.tests.blockmode.BlockModes.iv;
import static io.sessionkeys.tests.blockmode.BlockModes.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Output buffers: sizes, ShortBufferException, in-place and overlapping arrays, ByteBuffers. */
class BuffersTest {

    private static final byte[] RAW_KEY = new byte[16];

    static java.util.List<String> transformations() {
        return BlockModes.TRANSFORMATIONS;
    }

    private static Cipher init(String transformation, int mode) throws Exception {
        Cipher c = cipher(transformation);
        c.init(mode, sessionKey(RAW_KEY), BlockModes.usesIv(transformation) ? iv(9) : null);
        return c;
    }

    private static Cipher sunJce(String transformation, int mode) throws Exception {
        Cipher c = Cipher.getInstance(transformation, Security.getProvider("SunJCE"));
        c.init(mode, new SecretKeySpec(RAW_KEY, "AES"), BlockModes.usesIv(transformation) ? iv(9) : null);
        return c;
    }

    private static byte[] message(int length) {
        byte[] m = new byte[length];
        for (int i = 0; i < length; i++) {
            m[i] = (byte) (i * 7 + 1);
        }
        return m;
    }

    @ParameterizedTest
    @MethodSource("transformations")
    void getOutputSize_encrypting_matchesSunJce(String transformation) throws Exception {
        Cipher ours = init(transformation, Cipher.ENCRYPT_MODE);
        Cipher sun = sunJce(transformation, Cipher.ENCRYPT_MODE);
        ours.update(new byte[5]);
        sun.update(new byte[5]);
        for (int n : new int[] {0, 1, 11, 27, 100}) {
            assertEquals(sun.getOutputSize(n), ours.getOutputSize(n), "input " + n);
        }
    }

    @ParameterizedTest
    @MethodSource("transformations")
    void getOutputSize_decrypting_matchesSunJce(String transformation) throws Exception {
        Cipher ours = init(transformation, Cipher.DECRYPT_MODE);
        Cipher sun = sunJce(transformation, Cipher.DECRYPT_MODE);
        ours.update(new byte[5]);
        sun.update(new byte[5]);
        for (int n : new int[] {0, 11, 27, 100}) {
            assertEquals(sun.getOutputSize(n), ours.getOutputSize(n), "input " + n);
        }
    }

    @Test
    void update_outputTooShort_throwsShortBufferExceptionStatingTheSize() throws Exception {
        Cipher c = init("AES/CBC/NoPadding", Cipher.ENCRYPT_MODE);
        ShortBufferException e = assertThrows(ShortBufferException.class,
                () -> c.update(new byte[32], 0, 32, new byte[20], 0));
        assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("transformations")
    void update_afterShortBufferException_losesNoState(String transformation) throws Exception {
        byte[] m = message(64);
        byte[] expected = sunJce(transformation, Cipher.ENCRYPT_MODE).doFinal(m);
        Cipher c = init(transformation, Cipher.ENCRYPT_MODE);
        byte[] first = c.update(m, 0, 7);
        assertThrows(ShortBufferException.class, () -> c.update(m, 7, 40, new byte[1], 0));
        byte[] rest = c.doFinal(m, 7, 57);
        assertArrayEquals(expected, concat(first, rest));
    }

    @Test
    void doFinal_encryptOutputTooShort_throwsShortBufferExceptionStatingTheSize() throws Exception {
        Cipher c = init("AES/CBC/PKCS5Padding", Cipher.ENCRYPT_MODE);
        ShortBufferException e = assertThrows(ShortBufferException.class,
                () -> c.doFinal(new byte[20], 0, 20, new byte[20], 0));
        assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
    }

    @Test
    void doFinal_paddedDecryptOutputShorterThanPlaintext_throwsShortBufferExceptionAndCanRetry() throws Exception {
        byte[] m = message(20);
        byte[] ct = sunJce("AES/CBC/PKCS5Padding", Cipher.ENCRYPT_MODE).doFinal(m);
        Cipher c = init("AES/CBC/PKCS5Padding", Cipher.DECRYPT_MODE);
        ShortBufferException e = assertThrows(ShortBufferException.class,
                () -> c.doFinal(ct, 0, ct.length, new byte[17], 0));
        assertTrue(e.getMessage().contains("needs room for 20 bytes"), e.getMessage());
        byte[] out = new byte[20];
        assertEquals(20, c.doFinal(ct, 0, ct.length, out, 0));
        assertArrayEquals(m, out);
    }

    @ParameterizedTest
    @MethodSource("transformations")
    void doFinal_inPlace_matchesSunJce(String transformation) throws Exception {
        byte[] m = message(48);
        byte[] expected = sunJce(transformation, Cipher.ENCRYPT_MODE).doFinal(m);
        byte[] buffer = Arrays.copyOf(m, 64);
        Cipher c = init(transformation, Cipher.ENCRYPT_MODE);
        int n = c.doFinal(buffer, 0, 48, buffer, 0);
        assertArrayEquals(expected, Arrays.copyOf(buffer, n));
    }

    @ParameterizedTest
    @MethodSource("transformations")
    void updateAndDoFinal_inPlaceAfterAPartialBlock_matchesSunJce(String transformation) throws Exception {
        byte[] m = message(80);
        byte[] expected = sunJce(transformation, Cipher.DECRYPT_MODE).doFinal(
                sunJce(transformation, Cipher.ENCRYPT_MODE).doFinal(m));
        byte[] ct = sunJce(transformation, Cipher.ENCRYPT_MODE).doFinal(m);
        byte[] buffer = Arrays.copyOf(ct, ct.length + 16);
        Cipher c = init(transformation, Cipher.DECRYPT_MODE);
        int n = c.update(buffer, 0, 5, buffer, 0);
        n += c.update(buffer, 5, 40, buffer, n);
        n += c.doFinal(buffer, 45, ct.length - 45, buffer, n);
        assertArrayEquals(expected, Arrays.copyOf(buffer, n));
    }

    @ParameterizedTest
    @MethodSource("transformations")
    void doFinal_outputOverlappingInputShiftedEitherWay_matchesSunJce(String transformation) throws Exception {
        byte[] m = message(64);
        byte[] expected = sunJce(transformation, Cipher.ENCRYPT_MODE).doFinal(m);
        for (int shift : new int[] {-17, -3, 1, 5, 16}) {
            byte[] buffer = new byte[200];
            int inOff = 40;
            System.arraycopy(m, 0, buffer, inOff, m.length);
            Cipher c = init(transformation, Cipher.ENCRYPT_MODE);
            // a partial block pending first, so output and input are out of step
            byte[] first = c.update(m, 0, 10);
            int n = c.doFinal(buffer, inOff + 10, 54, buffer, inOff + shift);
            assertArrayEquals(expected, concat(first, Arrays.copyOfRange(buffer, inOff + shift, inOff + shift + n)),
                    "shift " + shift);
        }
    }

    @ParameterizedTest
    @MethodSource("transformations")
    void doFinal_byteBufferInPlace_matchesSunJce(String transformation) throws Exception {
        byte[] m = message(48);
        byte[] expected = sunJce(transformation, Cipher.ENCRYPT_MODE).doFinal(m);
        ByteBuffer buffer = ByteBuffer.allocate(64);
        buffer.put(m).flip();
        ByteBuffer out = buffer.duplicate();
        out.limit(out.capacity());
        Cipher c = init(transformation, Cipher.ENCRYPT_MODE);
        int n = c.doFinal(buffer, out);
        assertArrayEquals(expected, Arrays.copyOf(buffer.array(), n));
    }

    @ParameterizedTest
    @MethodSource("transformations")
    void doFinal_directAndReadOnlyByteBuffers_matchSunJce(String transformation) throws Exception {
        byte[] m = message(45);
        if (!BlockModes.padded(transformation) && !transformation.contains("CTR")) {
            m = message(48);
        }
        byte[] expected = sunJce(transformation, Cipher.ENCRYPT_MODE).doFinal(m);
        ByteBuffer in = ByteBuffer.allocateDirect(m.length).put(m).flip().asReadOnlyBuffer();
        ByteBuffer out = ByteBuffer.allocateDirect(64);
        Cipher c = init(transformation, Cipher.ENCRYPT_MODE);
        int n = c.doFinal(in, out);
        byte[] actual = new byte[n];
        out.flip().get(actual);
        assertArrayEquals(expected, actual);
        assertEquals(0, in.remaining());
    }

    @Test
    void doFinal_byteBufferOutputTooShort_throwsShortBufferExceptionAndKeepsPositions() throws Exception {
        Cipher c = init("AES/CBC/PKCS5Padding", Cipher.ENCRYPT_MODE);
        ByteBuffer in = ByteBuffer.wrap(new byte[20]);
        ByteBuffer out = ByteBuffer.allocate(16);
        assertThrows(ShortBufferException.class, () -> c.doFinal(in, out));
        assertEquals(0, in.position());
        assertEquals(0, out.position());
    }

    @Test
    void updateByteBuffer_roomForWhatItWritesButLessThanGetOutputSize_succeeds() throws Exception {
        Cipher c = init("AES/CBC/PKCS5Padding", Cipher.ENCRYPT_MODE);
        ByteBuffer out = ByteBuffer.allocate(0);
        assertEquals(0, c.update(ByteBuffer.wrap(new byte[5]), out));
        assertEquals(16, c.getOutputSize(0));
    }

    @Test
    void doFinalByteBuffer_paddedDecryptionIntoJustEnoughRoom_writesNothingPastTheLimit() throws Exception {
        byte[] m = message(20);
        byte[] ct = sunJce("AES/CBC/PKCS5Padding", Cipher.ENCRYPT_MODE).doFinal(m);
        byte[] backing = new byte[64];
        Arrays.fill(backing, (byte) 0x77);
        ByteBuffer out = ByteBuffer.wrap(backing, 4, 20).slice();
        Cipher c = init("AES/CBC/PKCS5Padding", Cipher.DECRYPT_MODE);
        assertEquals(20, c.doFinal(ByteBuffer.wrap(ct), out));
        assertArrayEquals(m, Arrays.copyOfRange(backing, 4, 24));
        for (int i = 24; i < 64; i++) {
            assertEquals((byte) 0x77, backing[i], "byte " + i + " past the limit was written");
        }
    }

    @Test
    void doFinalByteBuffer_directOutputTooShortForThePlaintext_throwsShortBufferExceptionAndCanRetry()
            throws Exception {
        byte[] m = message(20);
        byte[] ct = sunJce("AES/CBC/PKCS5Padding", Cipher.ENCRYPT_MODE).doFinal(m);
        Cipher c = init("AES/CBC/PKCS5Padding", Cipher.DECRYPT_MODE);
        ByteBuffer in = ByteBuffer.allocateDirect(ct.length).put(ct).flip();
        assertThrows(ShortBufferException.class, () -> c.doFinal(in, ByteBuffer.allocateDirect(19)));
        assertEquals(0, in.position());
        ByteBuffer out = ByteBuffer.allocateDirect(20);
        assertEquals(20, c.doFinal(in, out));
        byte[] actual = new byte[20];
        out.flip().get(actual);
        assertArrayEquals(m, actual);
    }

    @Test
    void update_ctr_outputsEveryByteAtOnce() throws Exception {
        Cipher c = init("AES/CTR/NoPadding", Cipher.ENCRYPT_MODE);
        assertEquals(5, c.update(new byte[5]).length);
        assertEquals(3, c.update(new byte[3]).length);
    }

    @Test
    void updateThenDoFinal_paddedDecryption_holdsBackTheLastBlockUntilDoFinal() throws Exception {
        byte[] ct = sunJce("AES/CBC/PKCS5Padding", Cipher.ENCRYPT_MODE).doFinal(message(31));
        Cipher c = init("AES/CBC/PKCS5Padding", Cipher.DECRYPT_MODE);
        byte[] first = c.update(ct);
        assertEquals(16, first.length);
        assertArrayEquals(message(31), concat(first, c.doFinal()));
    }

    @Test
    void decrypt_sameIvAfterDoFinal_decryptsAgain() throws Exception {
        byte[] ct = sunJce("AES/CTR/NoPadding", Cipher.ENCRYPT_MODE).doFinal(message(40));
        Cipher c = init("AES/CTR/NoPadding", Cipher.DECRYPT_MODE);
        assertArrayEquals(c.doFinal(ct), c.doFinal(ct));
    }

    @Test
    void getIv_returnsACopy() throws Exception {
        Cipher c = init("AES/CBC/NoPadding", Cipher.ENCRYPT_MODE);
        c.getIV()[0] ^= 1;
        assertArrayEquals(new IvParameterSpec(iv(9).getIV()).getIV(), c.getIV());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] x = a == null ? new byte[0] : a;
        byte[] y = b == null ? new byte[0] : b;
        byte[] r = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }
}

package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionkeys.SessionKeysProvider;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * AES-CTR on direct {@code ByteBuffer}s, which the native engine reads and writes by address (the
 * Java engine through zeroed heap copies): against SunJCE, in an update and a doFinal, with a
 * read-only input, with slices at odd offsets, and with input and output that are two views of
 * one buffer (exactly in place, and shifted so that they overlap partly); a short or read-only
 * output is refused with nothing moved.
 */
class DirectBufferCtrTest {

    private static final Provider SESSION_KEYS = new SessionKeysProvider();
    private static final int[] SIZES = {1, 15, 16, 17, 1000, 128 * 1024 + 17, 300_000};

    private final SplittableRandom random = new SplittableRandom(0xd1ec7);
    private final byte[] keyBytes = bytes(32);
    private final byte[] iv = bytes(16);

    @Test
    void separateDirectBuffers_readOnlyInput_matchSunJce() throws Exception {
        SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
        for (int size : SIZES) {
            byte[] plain = bytes(size);
            ByteBuffer in = ByteBuffer.allocateDirect(size).put(plain).flip().asReadOnlyBuffer();
            ByteBuffer out = ByteBuffer.allocateDirect(size);
            assertArrayEquals(expected(plain), run(key, in, out, true), "size " + size);
            assertEquals(size, in.position(), "the input was consumed");
        }
        key.destroy();
    }

    @Test
    void slicesAtOddOffsets_matchSunJce() throws Exception {
        SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
        byte[] plain = bytes(5000);
        ByteBuffer big = ByteBuffer.allocateDirect(3 + plain.length + 11);
        big.position(3);
        big.put(plain);
        ByteBuffer in = big.position(3).limit(3 + plain.length).slice();
        ByteBuffer target = ByteBuffer.allocateDirect(plain.length + 20);
        ByteBuffer out = target.position(7).slice();
        assertArrayEquals(expected(plain), run(key, in, out, true));
        key.destroy();
    }

    @Test
    void twoViewsOfOneBuffer_inPlaceOrOverlapping_matchSunJce() throws Exception {
        SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
        for (int shift : new int[] {0, 5, -5, 16, -4096}) {
            byte[] plain = bytes(20_000);
            int base = 5000;
            ByteBuffer memory = ByteBuffer.allocateDirect(plain.length + 2 * base);
            memory.position(base).put(plain);
            ByteBuffer in = memory.duplicate().position(base).limit(base + plain.length);
            ByteBuffer out = memory.duplicate().position(base + shift).limit(base + shift + plain.length);
            // one call: a first call's output ahead of its input would overwrite what the next call reads
            assertArrayEquals(expected(plain), run(key, in, out, false), "output shifted by " + shift);
        }
        key.destroy();
    }

    @Test
    void shortOrReadOnlyOutput_isRefusedAndNothingMoves() throws Exception {
        SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
        Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding", SESSION_KEYS);
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        ByteBuffer in = ByteBuffer.allocateDirect(100).put(bytes(100)).flip();
        ByteBuffer small = ByteBuffer.allocateDirect(99);
        assertThrows(ShortBufferException.class, () -> cipher.update(in, small));
        assertEquals(0, in.position());
        assertEquals(0, small.position());
        ByteBuffer readOnly = ByteBuffer.allocateDirect(100).asReadOnlyBuffer();
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> cipher.doFinal(in, readOnly));
        assertEquals(0, in.position());
        key.destroy();
    }

    /**
     * Buffer to buffer: an update of the first third and a doFinal of the rest ({@code split}), or
     * one doFinal; returns what the output received.
     */
    private byte[] run(SecretKey key, ByteBuffer in, ByteBuffer out, boolean split) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding", SESSION_KEYS);
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        int start = out.position();
        int total = in.remaining();
        int end = in.limit();
        int n = 0;
        if (split) {
            in.limit(in.position() + total / 3);
            n = cipher.update(in, out);
            in.limit(end);
        }
        n += cipher.doFinal(in, out);
        assertEquals(total, n);
        assertEquals(start + total, out.position());
        byte[] result = new byte[total];
        out.duplicate().position(start).get(result);
        return result;
    }

    private byte[] expected(byte[] plain) throws Exception {
        Cipher reference = Cipher.getInstance("AES/CTR/NoPadding", "SunJCE");
        reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"), new IvParameterSpec(iv));
        return reference.doFinal(plain);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}

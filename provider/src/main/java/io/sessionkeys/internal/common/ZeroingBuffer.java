package io.sessionkeys.internal.common;

import java.util.Arrays;

/**
 * Bytes a cipher holds until {@code doFinal}: the message of a whole-message cipher, or the
 * ciphertext of an AEAD decryption (no plaintext before the tag is checked). Every array it lets
 * go of is zeroed first, when it grows and when it is cleared.
 */
public final class ZeroingBuffer {

    /** Java arrays stop a little short of Integer.MAX_VALUE. */
    private static final int MAX = Integer.MAX_VALUE - 16;

    private byte[] data = new byte[0];
    private int length;

    public int length() {
        return length;
    }

    /** The backing array; bytes {@code [0, length)} are the held data. */
    public byte[] array() {
        return data;
    }

    /** Whether {@code count} more bytes fit at all (a message must fit in one Java array). */
    public boolean fits(int count) {
        return count <= MAX - length;
    }

    /** Appends {@code count} bytes; {@code input} may be {@code null} when there are none. */
    public void append(byte[] input, int offset, int count) {
        if (input == null || count <= 0) {
            return;
        }
        if (!fits(count)) {
            throw new IllegalStateException("a buffered message is limited to " + MAX
                    + " bytes: it must fit in one Java array");
        }
        int needed = length + count;
        if (needed > data.length) {
            int grown = (int) Math.min(MAX, Math.max(needed, 2L * data.length));
            byte[] bigger = Arrays.copyOf(data, Math.max(grown, 64));
            Zeroing.wipe(data);
            data = bigger;
        }
        System.arraycopy(input, offset, data, length, count);
        length += count;
    }

    /** A copy of the held bytes (the caller zeroes it), leaving the buffer empty. */
    public byte[] take() {
        byte[] all = Arrays.copyOf(data, length);
        clear();
        return all;
    }

    public void clear() {
        Zeroing.wipe(data, 0, length);
        length = 0;
    }
}

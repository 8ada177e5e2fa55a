package io.sessionkeys.internal.wrap;

import java.util.Arrays;

/**
 * The data a wrapping cipher collects in ENCRYPT or DECRYPT mode until {@code doFinal}: key
 * wrapping works on the whole message at once. Every array it lets go of is zeroed first.
 */
final class MessageBuffer {

    private byte[] data = new byte[0];
    private int length;

    int length() {
        return length;
    }

    void append(byte[] input, int offset, int count) {
        if (input == null || count <= 0) {
            return;
        }
        if (data.length - length < count) {
            byte[] bigger = new byte[Math.max(Math.addExact(length, count), data.length * 2)];
            System.arraycopy(data, 0, bigger, 0, length);
            Arrays.fill(data, (byte) 0);
            data = bigger;
        }
        System.arraycopy(input, offset, data, length, count);
        length += count;
    }

    /** The collected bytes (the caller zeroes them), leaving the buffer empty. */
    byte[] take() {
        byte[] all = Arrays.copyOf(data, length);
        clear();
        return all;
    }

    void clear() {
        Arrays.fill(data, (byte) 0);
        length = 0;
    }
}

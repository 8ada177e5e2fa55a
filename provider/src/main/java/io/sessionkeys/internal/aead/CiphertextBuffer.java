package io.sessionkeys.internal.aead;

import java.util.Arrays;

/**
 * The ciphertext (and tag) of one message being decrypted, held until {@code doFinal} so that
 * no plaintext is released before the tag is checked. Cleared (zeroed) after each message.
 */
final class CiphertextBuffer {

    /** Java arrays stop a little short of Integer.MAX_VALUE. */
    private static final int MAX = Integer.MAX_VALUE - 16;

    private byte[] data = new byte[0];
    private int size;

    int size() {
        return size;
    }

    /** The backing array; bytes {@code [0, size)} are the buffered ciphertext. */
    byte[] array() {
        return data;
    }

    /** Whether {@code length} more bytes fit at all (a message must fit in one Java array). */
    boolean fits(int length) {
        return length <= MAX - size;
    }

    /** Appends {@code length} bytes; {@code in} may be {@code null} when there are none. */
    void append(byte[] in, int offset, int length) {
        if (length == 0) {
            return;
        }
        ensure(length);
        System.arraycopy(in, offset, data, size, length);
        size += length;
    }

    void clear() {
        Arrays.fill(data, 0, size, (byte) 0);
        size = 0;
    }

    private void ensure(int length) {
        if (!fits(length)) {
            throw new IllegalStateException("a message to decrypt is limited to " + MAX
                    + " bytes: decryption holds the whole ciphertext until its tag is checked");
        }
        int needed = size + length;
        if (needed > data.length) {
            int grown = (int) Math.min(MAX, Math.max(needed, 2L * data.length));
            byte[] bigger = Arrays.copyOf(data, Math.max(grown, 64));
            Arrays.fill(data, (byte) 0);
            data = bigger;
        }
    }
}

package io.sessionkeys.internal.common;

import javax.crypto.BadPaddingException;

/**
 * PKCS#5 (PKCS#7 on 16-byte blocks) padding. Removal reads all 16 bytes of the last block and
 * combines the checks with masks: no branch and no memory index depends on a padding byte, so
 * its timing does not tell a padding-oracle attacker which byte was wrong.
 */
public final class Pkcs5Padding {

    public static final int BLOCK = 16;

    private Pkcs5Padding() {
    }

    /** The padding bytes to append to a message whose last block holds {@code partial} bytes (0..15). */
    public static int padLength(int partial) {
        return BLOCK - partial;
    }

    /** Fills {@code block[partial..16)} with the padding. */
    public static void pad(byte[] block, int partial) {
        byte value = (byte) padLength(partial);
        for (int i = partial; i < BLOCK; i++) {
            block[i] = value;
        }
    }

    /**
     * The number of message bytes in the decrypted last block at {@code offset}, in constant time.
     *
     * @throws BadPaddingException if the block does not end in 1 to 16 bytes each equal to their count
     */
    public static int unpaddedLength(byte[] block, int offset) throws BadPaddingException {
        int length = unpaddedLengthOrMinusOne(block, offset, BLOCK);
        if (length < 0) {
            throw new BadPaddingException("Given final block not properly padded (PKCS5): such issues can arise"
                    + " if a bad key or IV is used during decryption");
        }
        return length;
    }

    /**
     * The length of the message in {@code data[offset, offset + length)} without its PKCS#5
     * padding (1 to {@code min(length, 16)} bytes, each equal to their count), or -1 if the data
     * does not end in such padding. Reads all of the last {@code min(length, 16)} bytes and
     * combines the checks with masks: no branch and no memory index depends on a padding byte.
     */
    public static int unpaddedLengthOrMinusOne(byte[] data, int offset, int length) {
        int tail = Math.min(length, BLOCK); // public: the message length is not secret
        int pad = data[offset + length - 1] & 0xff;
        // bad is all ones if pad == 0 or pad > tail
        int bad = ConstantTime.isZero(pad) | ConstantTime.lessThan(tail, pad);
        for (int k = 1; k <= tail; k++) { // k: a byte's distance from the end
            int inPadding = ~ConstantTime.lessThan(pad, k); // k <= pad
            int differs = ~ConstantTime.equal(data[offset + length - k] & 0xff, pad);
            bad |= inPadding & differs;
        }
        return ConstantTime.select(bad, -1, length - pad);
    }
}

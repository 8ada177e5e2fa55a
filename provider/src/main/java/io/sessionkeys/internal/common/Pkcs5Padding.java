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
        int pad = block[offset + BLOCK - 1] & 0xff;
        // bad is all ones if pad == 0 or pad > 16
        int bad = isZero(pad) | lessThan(BLOCK, pad);
        for (int i = 0; i < BLOCK; i++) {
            int position = BLOCK - i; // 16 .. 1: this byte's distance from the end
            int inPadding = ~lessThan(pad, position); // position <= pad
            int differs = ~isZero((block[offset + i] & 0xff) ^ pad);
            bad |= inPadding & differs;
        }
        if (bad != 0) {
            throw new BadPaddingException("Given final block not properly padded (PKCS5): such issues can arise"
                    + " if a bad key or IV is used during decryption");
        }
        return BLOCK - pad;
    }

    /** All ones if {@code x == 0}, else zero; for 0 <= x < 2^31. */
    private static int isZero(int x) {
        return ((x - 1) & ~x) >> 31;
    }

    /** All ones if {@code a < b}, else zero; for 0 <= a, b < 2^31. */
    private static int lessThan(int a, int b) {
        return (a - b) >> 31;
    }
}

package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.common.Pkcs5Padding;
import java.security.SecureRandom;
import javax.crypto.BadPaddingException;

/**
 * The paddings SunJCE offers for its AES modes, on 16-byte blocks. Both padding schemes end a
 * message with one to sixteen bytes whose last byte says how many there are; they differ in the
 * other padding bytes and in how much of them removal checks.
 */
enum BlockPadding {

    /** No padding: the mode (or the caller) deals with lengths. */
    NONE("NoPadding"),

    /** PKCS#5 (PKCS#7 on 16-byte blocks): every padding byte holds the count; removal checks all of them. */
    PKCS5("PKCS5Padding"),

    /**
     * ISO 10126: random bytes, then the count. Removal checks only that the count lies in 1..16,
     * as SunJCE does, since the other bytes carry nothing to check.
     */
    ISO10126("ISO10126Padding");

    static final int BLOCK = 16;

    private final String jcaName;

    BlockPadding(String jcaName) {
        this.jcaName = jcaName;
    }

    String jcaName() {
        return jcaName;
    }

    boolean pads() {
        return this != NONE;
    }

    /** The padding named {@code name} (case-insensitive), or {@code null} if SunJCE has none of that name. */
    static BlockPadding forName(String name) {
        for (BlockPadding p : values()) {
            if (p.jcaName.equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    /** The padding bytes that end a message of {@code length} bytes: 1 to 16. */
    static int padLength(long length) {
        return BLOCK - (int) (length % BLOCK);
    }

    /** Writes {@code count} padding bytes at {@code offset}; {@code random} fills ISO 10126's filler bytes. */
    void pad(byte[] buf, int offset, int count, SecureRandom random) {
        if (this == PKCS5) {
            java.util.Arrays.fill(buf, offset, offset + count, (byte) count);
        } else if (this == ISO10126) {
            byte[] filler = new byte[count - 1];
            random.nextBytes(filler);
            System.arraycopy(filler, 0, buf, offset, count - 1);
            buf[offset + count - 1] = (byte) count;
        }
    }

    /**
     * The message bytes in the decrypted last block at {@code offset}, in constant time: no branch
     * or memory index depends on a byte of the block.
     *
     * @throws BadPaddingException if the block is not padded as this scheme pads
     */
    int unpaddedLength(byte[] block, int offset) throws BadPaddingException {
        if (this == PKCS5) {
            return Pkcs5Padding.unpaddedLength(block, offset);
        }
        if (this == ISO10126) {
            int count = block[offset + BLOCK - 1] & 0xff;
            // bad is all ones when count == 0 or count > 16: two masks, one final branch
            int bad = (((count - 1) & ~count) >> 31) | ((BLOCK - count) >> 31);
            if (bad != 0) {
                throw new BadPaddingException("Given final block not properly padded (ISO10126): such issues can"
                        + " arise if a bad key or IV is used during decryption");
            }
            return BLOCK - count;
        }
        return BLOCK;
    }
}

package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.common.Zeroing;
import java.nio.ByteBuffer;

/**
 * One CTR message in Java (NIST SP 800-38A §6.5): the whole 16-byte counter block incremented as
 * one big-endian number, wrapping at 2<sup>128</sup> as SunJCE and OpenSSL do. Keystream is made
 * a batch of counter blocks per engine call; the unused end of a partial block is kept for the
 * next call.
 */
final class JavaCtrOperation implements BlockModeOperation {

    private static final int BLOCK = BlockCipherEngine.BLOCK_SIZE;
    /** Counter blocks enciphered per engine call. */
    private static final int BATCH = 64;

    private final BlockCipherEngine cipher;
    private final byte[] counter = new byte[BLOCK];
    /** Keystream scratch: wiped after every call, since it is as secret as the plaintext. */
    private final byte[] keystream = new byte[BATCH * BLOCK];
    /** Unused keystream of the last partial block, at its end; kept across calls, wiped by {@link #wipe}. */
    private final byte[] leftover = new byte[BLOCK];
    private int leftoverLength;

    JavaCtrOperation(BlockCipherEngine cipher, byte[] iv) {
        this.cipher = cipher;
        System.arraycopy(iv, 0, counter, 0, BLOCK);
    }

    @Override
    public void process(ByteBuffer keyData, byte[] in, int inOff, int len, byte[] out, int outOff) {
        int done = 0;
        int dirty = 0; // keystream bytes written, to be zeroed
        try {
            while (leftoverLength > 0 && done < len) {
                out[outOff + done] = (byte) (in[inOff + done] ^ leftover[BLOCK - leftoverLength]);
                leftover[BLOCK - leftoverLength] = 0;
                leftoverLength--;
                done++;
            }
            while (done < len) {
                int rest = len - done;
                int blocks = Math.min(BATCH, (rest + BLOCK - 1) / BLOCK);
                dirty = Math.max(dirty, blocks * BLOCK);
                makeKeystream(keyData, blocks);
                int n = Math.min(rest, blocks * BLOCK);
                for (int i = 0; i < n; i++) {
                    out[outOff + done + i] = (byte) (in[inOff + done + i] ^ keystream[i]);
                }
                done += n;
                int unused = blocks * BLOCK - n;
                if (unused > 0) {
                    System.arraycopy(keystream, n, leftover, BLOCK - unused, unused);
                    leftoverLength = unused;
                }
            }
        } finally {
            Zeroing.wipe(keystream, 0, dirty);
        }
    }

    /** Fills {@code keystream} with {@code blocks} enciphered counter blocks and advances the counter. */
    private void makeKeystream(ByteBuffer keyData, int blocks) {
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(counter, 0, keystream, b * BLOCK, BLOCK);
            increment(counter);
        }
        cipher.encryptBlocks(keyData, keystream, 0, keystream, 0, blocks);
    }

    /** Adds one to the 128-bit big-endian counter block (public data, so branching is fine). */
    private static void increment(byte[] block) {
        for (int i = BLOCK - 1; i >= 0; i--) {
            if (++block[i] != 0) {
                return;
            }
        }
    }

    @Override
    public void wipe() {
        // keystream scratch is zeroed at the end of every call already
        Zeroing.wipe(leftover);
        leftoverLength = 0;
    }
}

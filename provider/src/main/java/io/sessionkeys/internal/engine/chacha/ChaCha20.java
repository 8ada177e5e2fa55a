package io.sessionkeys.internal.engine.chacha;

import static io.sessionkeys.internal.engine.chacha.LittleEndian.LE_INT;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The ChaCha20 stream cipher of RFC 8439 §2.3-2.4: 32-bit additions, rotations and XORs only, so
 * its running time and memory accesses do not depend on the key or the data.
 *
 * <p>The key is read from the off-heap key data at the start of every call into local variables
 * (registers or stack slots of this frame); no heap copy of it is made. The 16-word state lives
 * in locals too, with the double round written out in full, which lets the JIT keep it in
 * registers instead of an array.
 */
final class ChaCha20 {

    /** "expand 32-byte k", RFC 8439 §2.3. */
    private static final int SIGMA0 = 0x61707865;
    private static final int SIGMA1 = 0x3320646e;
    private static final int SIGMA2 = 0x79622d32;
    private static final int SIGMA3 = 0x6b206574;

    static final int BLOCK_SIZE = 64;
    static final int KEY_SIZE = 32;
    static final int NONCE_SIZE = 12;

    /** XORed with the keystream to produce the keystream itself; never written. */
    private static final byte[] ZEROS = new byte[BLOCK_SIZE];

    private ChaCha20() {
    }

    /** Word {@code index} (0-7) of the key, little-endian as RFC 8439 reads it, whatever the buffer's order. */
    static int keyWord(ByteBuffer key, int index) {
        int word = key.getInt(4 * index);
        return key.order() == ByteOrder.LITTLE_ENDIAN ? word : Integer.reverseBytes(word);
    }

    /** Nonce word {@code index} (0-2), little-endian. */
    static int nonceWord(byte[] nonce, int index) {
        return (int) LE_INT.get(nonce, 4 * index);
    }

    /** Writes keystream block number {@code counter} into {@code out[0..64)}. */
    static void keystreamBlock(ByteBuffer key, int counter, int n0, int n1, int n2, byte[] out) {
        xorBlocks(key, counter, n0, n1, n2, ZEROS, 0, out, 0, 1);
    }

    /**
     * XORs {@code blocks} whole 64-byte blocks of keystream, from block number {@code counter} on,
     * with {@code in} into {@code out}. Each input word is read before the output word at the
     * same position is written, so {@code in == out} with {@code outOffset <= inOffset} is safe.
     * The caller keeps {@code counter + blocks} within 2^32.
     */
    static void xorBlocks(ByteBuffer key, int counter, int n0, int n1, int n2,
            byte[] in, int inOffset, byte[] out, int outOffset, int blocks) {
        final int k0 = keyWord(key, 0);
        final int k1 = keyWord(key, 1);
        final int k2 = keyWord(key, 2);
        final int k3 = keyWord(key, 3);
        final int k4 = keyWord(key, 4);
        final int k5 = keyWord(key, 5);
        final int k6 = keyWord(key, 6);
        final int k7 = keyWord(key, 7);
        // The first column round of columns 1-3 involves no counter word, so it is the same for
        // every block of this call: computed once here, it saves 3 of the 80 quarter rounds.
        int c1 = SIGMA1;
        int c5 = k1;
        int c9 = k5;
        int c13 = n0;
        int c2 = SIGMA2;
        int c6 = k2;
        int c10 = k6;
        int c14 = n1;
        int c3 = SIGMA3;
        int c7 = k3;
        int c11 = k7;
        int c15 = n2;
        c1 += c5; c13 = Integer.rotateLeft(c13 ^ c1, 16);
        c9 += c13; c5 = Integer.rotateLeft(c5 ^ c9, 12);
        c1 += c5; c13 = Integer.rotateLeft(c13 ^ c1, 8);
        c9 += c13; c5 = Integer.rotateLeft(c5 ^ c9, 7);
        c2 += c6; c14 = Integer.rotateLeft(c14 ^ c2, 16);
        c10 += c14; c6 = Integer.rotateLeft(c6 ^ c10, 12);
        c2 += c6; c14 = Integer.rotateLeft(c14 ^ c2, 8);
        c10 += c14; c6 = Integer.rotateLeft(c6 ^ c10, 7);
        c3 += c7; c15 = Integer.rotateLeft(c15 ^ c3, 16);
        c11 += c15; c7 = Integer.rotateLeft(c7 ^ c11, 12);
        c3 += c7; c15 = Integer.rotateLeft(c15 ^ c3, 8);
        c11 += c15; c7 = Integer.rotateLeft(c7 ^ c11, 7);
        int p = inOffset;
        int o = outOffset;
        for (int b = 0; b < blocks; b++, counter++, p += BLOCK_SIZE, o += BLOCK_SIZE) {
            int x0 = SIGMA0;
            int x4 = k0;
            int x8 = k4;
            int x12 = counter;
            x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 16);
            x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 12);
            x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 8);
            x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 7);
            int x1 = c1;
            int x5 = c5;
            int x9 = c9;
            int x13 = c13;
            int x2 = c2;
            int x6 = c6;
            int x10 = c10;
            int x14 = c14;
            int x3 = c3;
            int x7 = c7;
            int x11 = c11;
            int x15 = c15;
            // diagonal round of the first double round
            x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 16);
            x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 12);
            x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 8);
            x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 7);
            x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 16);
            x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 12);
            x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 8);
            x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 7);
            x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 16);
            x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 12);
            x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 8);
            x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 7);
            x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 16);
            x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 12);
            x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 8);
            x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 7);
            for (int doubleRound = 1; doubleRound < 10; doubleRound++) {
                // column round
                x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 16);
                x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 12);
                x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 8);
                x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 7);
                x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 16);
                x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 12);
                x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 8);
                x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 7);
                x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 16);
                x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 12);
                x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 8);
                x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 7);
                x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 16);
                x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 12);
                x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 8);
                x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 7);
                // diagonal round
                x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 16);
                x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 12);
                x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 8);
                x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 7);
                x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 16);
                x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 12);
                x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 8);
                x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 7);
                x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 16);
                x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 12);
                x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 8);
                x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 7);
                x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 16);
                x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 12);
                x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 8);
                x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 7);
            }
            LE_INT.set(out, o + 0, (int) LE_INT.get(in, p + 0) ^ (x0 + SIGMA0));
            LE_INT.set(out, o + 4, (int) LE_INT.get(in, p + 4) ^ (x1 + SIGMA1));
            LE_INT.set(out, o + 8, (int) LE_INT.get(in, p + 8) ^ (x2 + SIGMA2));
            LE_INT.set(out, o + 12, (int) LE_INT.get(in, p + 12) ^ (x3 + SIGMA3));
            LE_INT.set(out, o + 16, (int) LE_INT.get(in, p + 16) ^ (x4 + k0));
            LE_INT.set(out, o + 20, (int) LE_INT.get(in, p + 20) ^ (x5 + k1));
            LE_INT.set(out, o + 24, (int) LE_INT.get(in, p + 24) ^ (x6 + k2));
            LE_INT.set(out, o + 28, (int) LE_INT.get(in, p + 28) ^ (x7 + k3));
            LE_INT.set(out, o + 32, (int) LE_INT.get(in, p + 32) ^ (x8 + k4));
            LE_INT.set(out, o + 36, (int) LE_INT.get(in, p + 36) ^ (x9 + k5));
            LE_INT.set(out, o + 40, (int) LE_INT.get(in, p + 40) ^ (x10 + k6));
            LE_INT.set(out, o + 44, (int) LE_INT.get(in, p + 44) ^ (x11 + k7));
            LE_INT.set(out, o + 48, (int) LE_INT.get(in, p + 48) ^ (x12 + counter));
            LE_INT.set(out, o + 52, (int) LE_INT.get(in, p + 52) ^ (x13 + n0));
            LE_INT.set(out, o + 56, (int) LE_INT.get(in, p + 56) ^ (x14 + n1));
            LE_INT.set(out, o + 60, (int) LE_INT.get(in, p + 60) ^ (x15 + n2));
        }
    }
}

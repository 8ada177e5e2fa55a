package io.sessionkeys.tests.residue;

/**
 * The textbook AES key expansion (FIPS 197 §5.2), computed here only to know what a standard
 * round-key schedule of a test key looks like in memory. Not constant-time; test use only.
 */
final class AesReference {

    private static final int[] SBOX = sbox();

    private AesReference() {
    }

    /** The expanded key as 4(Nr+1) big-endian words. */
    static int[] expand(byte[] key) {
        int nk = key.length / 4;
        int rounds = nk + 6;
        int[] w = new int[4 * (rounds + 1)];
        for (int i = 0; i < nk; i++) {
            w[i] = (key[4 * i] & 0xff) << 24 | (key[4 * i + 1] & 0xff) << 16 | (key[4 * i + 2] & 0xff) << 8
                    | (key[4 * i + 3] & 0xff);
        }
        int rcon = 1;
        for (int i = nk; i < w.length; i++) {
            int t = w[i - 1];
            if (i % nk == 0) {
                t = subWord(Integer.rotateLeft(t, 8)) ^ (rcon << 24);
                rcon = xtime(rcon);
            } else if (nk > 6 && i % nk == 4) {
                t = subWord(t);
            }
            w[i] = w[i - nk] ^ t;
        }
        return w;
    }

    /** Round key {@code r} (16 bytes), with each word big-endian or little-endian. */
    static byte[] roundKey(int[] w, int r, boolean bigEndianWords) {
        byte[] out = new byte[16];
        for (int j = 0; j < 4; j++) {
            int word = w[4 * r + j];
            for (int k = 0; k < 4; k++) {
                int shift = bigEndianWords ? 24 - 8 * k : 8 * k;
                out[4 * j + k] = (byte) (word >>> shift);
            }
        }
        return out;
    }

    private static int subWord(int w) {
        return SBOX[w >>> 24] << 24 | SBOX[(w >>> 16) & 0xff] << 16 | SBOX[(w >>> 8) & 0xff] << 8 | SBOX[w & 0xff];
    }

    private static int xtime(int b) {
        return ((b << 1) ^ ((b & 0x80) != 0 ? 0x1b : 0)) & 0xff;
    }

    private static int multiply(int a, int b) {
        int p = 0;
        for (int i = 0; i < 8; i++) {
            if ((b & 1) != 0) {
                p ^= a;
            }
            a = xtime(a);
            b >>= 1;
        }
        return p;
    }

    /** The S-box from its definition: multiplicative inverse in GF(2^8), then the affine map. */
    private static int[] sbox() {
        int[] s = new int[256];
        for (int x = 0; x < 256; x++) {
            int inverse = 0;
            for (int y = 1; y < 256 && x != 0; y++) {
                if (multiply(x, y) == 1) {
                    inverse = y;
                    break;
                }
            }
            int b = inverse;
            int r = b;
            for (int i = 1; i <= 4; i++) {
                r ^= ((b << i) | (b >>> (8 - i))) & 0xff;
            }
            s[x] = r ^ 0x63;
        }
        return s;
    }
}

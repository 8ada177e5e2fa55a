package io.sessionkeys.tests.support;

/**
 * Known key bytes made from a seed, so that a child JVM and the test that scans its memory agree
 * on them without the bytes ever travelling on a command line.
 */
public final class KeyPattern {

    private KeyPattern() {
    }

    /** The 32 key bytes for {@code seed}. */
    public static byte[] key(long seed) {
        return bytes(seed, 32);
    }

    /** 32 other bytes, kept in a plain array by the child as the scanner's control. */
    public static byte[] control(long seed) {
        return bytes(~seed * 0x9E3779B97F4A7C15L, 32);
    }

    /** {@code n} bytes for {@code seed}: the same in every JVM. */
    public static byte[] bytes(long seed, int n) {
        long x = seed | 1;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            out[i] = (byte) (x >>> 24);
        }
        return out;
    }

    /** How many times {@code needle} occurs in {@code haystack}. */
    public static int count(byte[] haystack, byte[] needle) {
        int found = 0;
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            found++;
        }
        return found;
    }
}

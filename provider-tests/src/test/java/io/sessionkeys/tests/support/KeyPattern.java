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

    /**
     * {@code n} bytes for {@code seed}: the same in every JVM. The seed is mixed first (SplitMix64's
     * finaliser), so neighbouring seeds such as {@code seed} and {@code seed + 1} give unrelated
     * bytes; a plain {@code seed | 1} would make every even seed and its successor identical.
     */
    public static byte[] bytes(long seed, int n) {
        long x = mix(seed);
        if (x == 0) {
            x = 0x9E3779B97F4A7C15L; // xorshift's one fixed point: never start there
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            out[i] = (byte) (x >>> 24);
        }
        return out;
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
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

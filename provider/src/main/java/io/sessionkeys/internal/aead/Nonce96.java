package io.sessionkeys.internal.aead;

/**
 * Arithmetic on 96-bit nonce values held as a {@code long} (the high 64 bits) and an {@code int}
 * (the low 32 bits), both unsigned: ordering, successor and predecessor, and the second reading
 * of a 12-byte nonce that {@link NonceSet} keeps its high-counter runs in. Nonces are public, so
 * none of this needs to be constant-time.
 */
final class Nonce96 {

    private Nonce96() {
    }

    /** Whether a &lt; b. */
    static boolean less(long aHi, int aLo, long bHi, int bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c < 0 || (c == 0 && Integer.compareUnsigned(aLo, bLo) < 0);
    }

    /** Whether b = a + 1 (no wrap past 2^96 - 1). */
    static boolean isSuccessor(long aHi, int aLo, long bHi, int bLo) {
        return aLo == -1 ? aHi != -1 && bLo == 0 && bHi == aHi + 1 : bLo == aLo + 1 && bHi == aHi;
    }

    static boolean isMax(long hi, int lo) {
        return hi == -1 && lo == -1;
    }

    static boolean isMin(long hi, int lo) {
        return hi == 0 && lo == 0;
    }

    /** High part of x + 1 (x not the maximum). */
    static long nextHi(long hi, int lo) {
        return lo == -1 ? hi + 1 : hi;
    }

    static int nextLo(int lo) {
        return lo + 1;
    }

    /** High part of x - 1 (x not zero). */
    static long previousHi(long hi, int lo) {
        return lo == 0 ? hi - 1 : hi;
    }

    static int previousLo(int lo) {
        return lo - 1;
    }

    // ---- the swapped reading: bytes 8-11 on top, bytes 0-7 as the low 64 bits ----
    // A counter kept in the first eight bytes (the rest fixed) counts up by one in this reading,
    // as a counter in the last bytes does in the plain one. The mapping is a bijection.

    static long swappedHi(long hi, int lo) {
        return ((long) lo << 32) | (hi >>> 32);
    }

    static int swappedLo(long hi) {
        return (int) hi;
    }

    /** The plain high part of a value given in the swapped reading (or unchanged if not swapped). */
    static long plainHi(boolean swapped, long hi, int lo) {
        return swapped ? (hi << 32) | (lo & 0xffffffffL) : hi;
    }

    static int plainLo(boolean swapped, long hi, int lo) {
        return swapped ? (int) (hi >>> 32) : lo;
    }
}

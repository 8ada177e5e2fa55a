package io.sessionkeys.internal.common;

/**
 * Branch-free comparisons for the checks that decide whether unwrapping succeeded: each returns
 * a mask of all ones (true) or all zeros (false), so that several checks can be combined before
 * the one final branch, and no check's outcome shows in the timing of the others.
 */
public final class ConstantTime {

    private ConstantTime() {
    }

    /** All ones if {@code x == 0}, else 0. */
    public static int isZero(int x) {
        return ~((x | -x) >> 31); // (x | -x) is negative exactly when x != 0
    }

    /** All ones if {@code a == b} (bytes compared as unsigned), else 0. */
    public static int equal(int a, int b) {
        return isZero(a ^ b);
    }

    /** All ones if {@code a < b}; both must be in [0, 2^62) so that the difference cannot overflow. */
    public static int lessThan(long a, long b) {
        return (int) ((a - b) >> 63);
    }

    /** {@code mask} all ones picks {@code a}, 0 picks {@code b}. */
    public static int select(int mask, int a, int b) {
        return (a & mask) | (b & ~mask);
    }

    /** OR of {@code a[i] ^ b[j]} over {@code length} bytes: zero only if the ranges are equal. */
    public static int difference(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= a[aOffset + i] ^ b[bOffset + i];
        }
        return diff;
    }
}

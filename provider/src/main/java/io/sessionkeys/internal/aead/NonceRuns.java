package io.sessionkeys.internal.aead;

import static io.sessionkeys.internal.aead.Nonce96.isSuccessor;
import static io.sessionkeys.internal.aead.Nonce96.less;

import java.util.Arrays;

/**
 * Runs of consecutive 96-bit values (see {@link Nonce96}): sorted, disjoint, never touching
 * (two runs that come to touch are merged by {@link NonceSet}), each its first and last value,
 * in four primitive arrays (24 bytes a run, up to twice that while the arrays have room).
 *
 * <p>A counter extends the run it is in at one end, so the run it touched last is tried before
 * a binary search: the usual message costs a few comparisons. A new run costs an array shift, so
 * at most {@link #MAX_RUNS} runs are made; beyond that values stay in the table, still exact.
 * Not thread-safe: {@link NonceLedger} locks around it.
 */
final class NonceRuns {

    /** Bounds the cost of starting a run (an array shift) for patterns that make many short runs. */
    static final int MAX_RUNS = 4096;

    // Shared empty arrays until the first run: most keys (a TLS connection's, a message's) never
    // make one in one of the two readings, and four arrays per reading per key add up.
    private static final long[] NO_LONGS = {};
    private static final int[] NO_INTS = {};

    private long[] firstHi = NO_LONGS;
    private int[] firstLo = NO_INTS;
    private long[] lastHi = NO_LONGS;
    private int[] lastLo = NO_INTS;
    private int count;
    /** The run found or changed last: where the next value of a counter usually lands. */
    private int cursor;

    int count() {
        return count;
    }

    boolean isFull() {
        return count == MAX_RUNS;
    }

    boolean contains(long hi, int lo) {
        int i = floor(hi, lo);
        return i >= 0 && !less(lastHi[i], lastLo[i], hi, lo);
    }

    /**
     * Adds x to the run that ends right before it or starts right after it, if there is one;
     * returns that run's index, or -1. The caller has checked that x is in no run.
     */
    int extend(long hi, int lo) {
        int i = floor(hi, lo);
        if (i >= 0 && isSuccessor(lastHi[i], lastLo[i], hi, lo)) {
            lastHi[i] = hi;
            lastLo[i] = lo;
            cursor = i;
            return i;
        }
        int next = i + 1;
        if (next < count && isSuccessor(hi, lo, firstHi[next], firstLo[next])) {
            firstHi[next] = hi;
            firstLo[next] = lo;
            cursor = next;
            return next;
        }
        return -1;
    }

    /**
     * Starts the run [a, b] of two values, b = a + 1, in no run; returns its index. The caller
     * checks {@link #isFull()} first.
     */
    int insert(long aHi, int aLo, long bHi, int bLo) {
        int at = floor(aHi, aLo) + 1;
        if (count == firstHi.length) {
            int capacity = Math.min(MAX_RUNS, Math.max(4, count * 2));
            firstHi = Arrays.copyOf(firstHi, capacity);
            firstLo = Arrays.copyOf(firstLo, capacity);
            lastHi = Arrays.copyOf(lastHi, capacity);
            lastLo = Arrays.copyOf(lastLo, capacity);
        }
        shift(at, at + 1, count - at);
        firstHi[at] = aHi;
        firstLo[at] = aLo;
        lastHi[at] = bHi;
        lastLo[at] = bLo;
        count++;
        cursor = at;
        return at;
    }

    /** Joins run i + 1 into run i if they touch; returns whether it did. */
    boolean mergeNext(int i) {
        int next = i + 1;
        if (next >= count || !isSuccessor(lastHi[i], lastLo[i], firstHi[next], firstLo[next])) {
            return false;
        }
        lastHi[i] = lastHi[next];
        lastLo[i] = lastLo[next];
        shift(next + 1, next, count - next - 1);
        count--;
        cursor = i;
        return true;
    }

    long firstHi(int i) {
        return firstHi[i];
    }

    int firstLo(int i) {
        return firstLo[i];
    }

    long lastHi(int i) {
        return lastHi[i];
    }

    int lastLo(int i) {
        return lastLo[i];
    }

    /** Moves the run's first value down to a value the caller took out of the table. */
    void setFirst(int i, long hi, int lo) {
        firstHi[i] = hi;
        firstLo[i] = lo;
    }

    /** Moves the run's last value up to a value the caller took out of the table. */
    void setLast(int i, long hi, int lo) {
        lastHi[i] = hi;
        lastLo[i] = lo;
    }

    /** The index of the run with the greatest first value not above x; -1 if none. */
    private int floor(long hi, int lo) {
        int c = cursor;
        if (c < count && !less(hi, lo, firstHi[c], firstLo[c])
                && (c + 1 == count || less(hi, lo, firstHi[c + 1], firstLo[c + 1]))) {
            return c;
        }
        int low = 0;
        int high = count - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (less(hi, lo, firstHi[mid], firstLo[mid])) {
                high = mid - 1;
            } else {
                found = mid;
                low = mid + 1;
            }
        }
        return found;
    }

    private void shift(int from, int to, int length) {
        System.arraycopy(firstHi, from, firstHi, to, length);
        System.arraycopy(firstLo, from, firstLo, to, length);
        System.arraycopy(lastHi, from, lastHi, to, length);
        System.arraycopy(lastLo, from, lastLo, to, length);
    }
}

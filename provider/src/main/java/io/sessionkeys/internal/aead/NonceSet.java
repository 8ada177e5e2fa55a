package io.sessionkeys.internal.aead;

import static io.sessionkeys.internal.aead.Nonce96.isMax;
import static io.sessionkeys.internal.aead.Nonce96.isMin;
import static io.sessionkeys.internal.aead.Nonce96.nextHi;
import static io.sessionkeys.internal.aead.Nonce96.nextLo;
import static io.sessionkeys.internal.aead.Nonce96.plainHi;
import static io.sessionkeys.internal.aead.Nonce96.plainLo;
import static io.sessionkeys.internal.aead.Nonce96.previousHi;
import static io.sessionkeys.internal.aead.Nonce96.previousLo;
import static io.sessionkeys.internal.aead.Nonce96.swappedHi;
import static io.sessionkeys.internal.aead.Nonce96.swappedLo;

/**
 * An exact set of 12-byte nonces, each read as a 96-bit big-endian value, that stays small for
 * the ways protocols make nonces. Every value is in exactly one of three places:
 * <ul>
 *   <li>{@code low}: runs of consecutive values, where a counter in the last bytes goes (TLS 1.2's
 *       explicit nonce, SP 800-38D §8.2.1 by hand, and TLS 1.3's sequence number XOR a fixed IV,
 *       which fills each aligned block of values in a scrambled order: a neighbour that arrives
 *       first waits in the table and joins the run when the gap closes);</li>
 *   <li>{@code high}: runs in the swapped reading ({@link Nonce96}), where a counter in the first
 *       eight bytes goes;</li>
 *   <li>{@code table}: every other value, one slot each (random nonces).</li>
 * </ul>
 * A new value joins a run it touches, else forms a run with a neighbour waiting in the table,
 * else waits in the table; a run that comes to touch a waiting value or another run takes it in.
 * Not thread-safe: {@link NonceLedger} locks around it.
 */
final class NonceSet {

    private final NonceTable table = new NonceTable();
    private final NonceRuns low = new NonceRuns();
    private final NonceRuns high = new NonceRuns();

    boolean contains(long hi, int lo) {
        return table.contains(hi, lo) || low.contains(hi, lo) || high.contains(swappedHi(hi, lo), swappedLo(hi));
    }

    /** Adds the nonce; false if it was there. */
    boolean add(long hi, int lo) {
        if (contains(hi, lo)) {
            return false;
        }
        int run = low.extend(hi, lo);
        if (run >= 0) {
            absorb(low, false, run);
            return true;
        }
        long sHi = swappedHi(hi, lo);
        int sLo = swappedLo(hi);
        run = high.extend(sHi, sLo);
        if (run >= 0) {
            absorb(high, true, run);
            return true;
        }
        if (pairWithNeighbour(low, false, hi, lo) || pairWithNeighbour(high, true, sHi, sLo)) {
            return true;
        }
        table.add(hi, lo);
        return true;
    }

    /** Values waiting in the table (for tests and the memory note). */
    int tableSize() {
        return table.size();
    }

    /** Runs held in both readings (for tests and the memory note). */
    int runCount() {
        return low.count() + high.count();
    }

    /**
     * Starts a run of x (given in the runs' reading) and a neighbour of it waiting in the table,
     * if there is one and room for a run.
     */
    private boolean pairWithNeighbour(NonceRuns runs, boolean swapped, long hi, int lo) {
        if (table.isEmpty() || runs.isFull()) {
            return false;
        }
        int run = -1;
        if (!isMin(hi, lo)) {
            long pHi = previousHi(hi, lo);
            int pLo = previousLo(lo);
            if (table.remove(plainHi(swapped, pHi, pLo), plainLo(swapped, pHi, pLo))) {
                run = runs.insert(pHi, pLo, hi, lo);
            }
        }
        if (run < 0 && !isMax(hi, lo)) {
            long nHi = nextHi(hi, lo);
            int nLo = nextLo(lo);
            if (table.remove(plainHi(swapped, nHi, nLo), plainLo(swapped, nHi, nLo))) {
                run = runs.insert(hi, lo, nHi, nLo);
            }
        }
        if (run < 0) {
            return false;
        }
        absorb(runs, swapped, run);
        return true;
    }

    /** Grows run i at both ends while it touches the next or previous run or a waiting value. */
    private void absorb(NonceRuns runs, boolean swapped, int i) {
        while (true) {
            if (runs.mergeNext(i)) {
                continue;
            }
            long hi = runs.lastHi(i);
            int lo = runs.lastLo(i);
            if (table.isEmpty() || isMax(hi, lo)) {
                break;
            }
            long nHi = nextHi(hi, lo);
            int nLo = nextLo(lo);
            if (!table.remove(plainHi(swapped, nHi, nLo), plainLo(swapped, nHi, nLo))) {
                break;
            }
            runs.setLast(i, nHi, nLo);
        }
        while (true) {
            if (i > 0 && runs.mergeNext(i - 1)) {
                i--;
                continue;
            }
            long hi = runs.firstHi(i);
            int lo = runs.firstLo(i);
            if (table.isEmpty() || isMin(hi, lo)) {
                break;
            }
            long pHi = previousHi(hi, lo);
            int pLo = previousLo(lo);
            if (!table.remove(plainHi(swapped, pHi, pLo), plainLo(swapped, pHi, pLo))) {
                break;
            }
            runs.setFirst(i, pHi, pLo);
        }
    }
}

package io.sessionkeys.internal.aead;

/**
 * A set of 96-bit values (see {@link Nonce96}) in one open-addressing table with linear
 * probing: a {@code long[]} and an {@code int[]} of slots, 12 bytes a slot, at most three
 * quarters full, so 16 to 32 bytes per value, no object per value. The value zero marks an
 * empty slot and is kept in a flag of its own. Removal shifts the following entries back
 * instead of leaving tombstones, so a table that values move out of does not slow down.
 * Not thread-safe: {@link NonceLedger} locks around it.
 */
final class NonceTable {

    private static final int FIRST_CAPACITY = 16;

    private long[] his;
    private int[] los;
    private int mask;
    private int size;
    private boolean hasZero;

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    boolean isEmpty() {
        return size == 0 && !hasZero;
    }

    boolean contains(long hi, int lo) {
        if (hi == 0 && lo == 0) {
            return hasZero;
        }
        return size != 0 && slotOf(hi, lo) >= 0;
    }

    /** Adds the value; false if it was there. */
    boolean add(long hi, int lo) {
        if (hi == 0 && lo == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (his == null || (size + 1) * 4L > (mask + 1L) * 3) {
            grow();
        }
        int i = home(hi, lo, mask);
        while (his[i] != 0 || los[i] != 0) {
            if (his[i] == hi && los[i] == lo) {
                return false;
            }
            i = (i + 1) & mask;
        }
        his[i] = hi;
        los[i] = lo;
        size++;
        return true;
    }

    /** Removes the value; false if it was not there. */
    boolean remove(long hi, int lo) {
        if (hi == 0 && lo == 0) {
            boolean removed = hasZero;
            hasZero = false;
            return removed;
        }
        int hole = size == 0 ? -1 : slotOf(hi, lo);
        if (hole < 0) {
            return false;
        }
        // Backward shift: move up every later entry of the probe run whose home slot is not
        // cyclically in (hole, j], so lookups never meet a gap before their value.
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            if (his[j] == 0 && los[j] == 0) {
                break;
            }
            int home = home(his[j], los[j], mask);
            boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays) {
                his[hole] = his[j];
                los[hole] = los[j];
                hole = j;
            }
        }
        his[hole] = 0;
        los[hole] = 0;
        size--;
        return true;
    }

    private int slotOf(long hi, int lo) {
        int i = home(hi, lo, mask);
        while (his[i] != 0 || los[i] != 0) {
            if (his[i] == hi && los[i] == lo) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private void grow() {
        long[] oldHis = his;
        int[] oldLos = los;
        int capacity = oldHis == null ? FIRST_CAPACITY : oldHis.length * 2;
        his = new long[capacity];
        los = new int[capacity];
        mask = capacity - 1;
        if (oldHis != null) {
            for (int k = 0; k < oldHis.length; k++) {
                if (oldHis[k] != 0 || oldLos[k] != 0) {
                    int i = home(oldHis[k], oldLos[k], mask);
                    while (his[i] != 0 || los[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    his[i] = oldHis[k];
                    los[i] = oldLos[k];
                }
            }
        }
    }

    /**
     * Spreads structured values (counters in any byte, fixed prefixes) over the table: the
     * SplitMix64 finalizer over both parts.
     */
    private static int home(long hi, int lo, int mask) {
        long h = hi ^ Long.rotateLeft((lo & 0xffffffffL) * 0x9E3779B97F4A7C15L, 32);
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 31)) & mask;
    }
}

package io.sessionkeys.internal.key;

import io.sessionkeys.KeyExport;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A key's exports, oldest first, kept as runs: consecutive exports by the same method within the
 * same millisecond (the clock's resolution) are one run with a count. A key wrapped again and
 * again (a KEK's user re-exporting one session key per message) then costs a few bytes per
 * millisecond instead of one object per export, and recording stays O(1); a copy-on-write list
 * copied itself on every export, which made each wrap slower than the last.
 *
 * <p>{@link #snapshot} gives the same list of {@link KeyExport}s the exports would have made one
 * by one, as an immutable view of the runs recorded so far.
 */
final class ExportLog {

    private String[] methods = new String[4];
    private long[] millis = new long[4];
    /** Exports up to and including run i (cumulative, so that a snapshot finds an index by search). */
    private long[] ends = new long[4];
    private int runs;

    synchronized void add(String method, long at) {
        if (runs > 0 && millis[runs - 1] == at && methods[runs - 1].equals(method)) {
            ends[runs - 1]++;
            return;
        }
        if (runs == methods.length) {
            methods = Arrays.copyOf(methods, runs * 2);
            millis = Arrays.copyOf(millis, runs * 2);
            ends = Arrays.copyOf(ends, runs * 2);
        }
        methods[runs] = method;
        millis[runs] = at;
        ends[runs] = (runs == 0 ? 0 : ends[runs - 1]) + 1;
        runs++;
    }

    /** The exports recorded so far, oldest first; later exports do not change it. */
    synchronized List<KeyExport> snapshot() {
        return new Snapshot(Arrays.copyOf(methods, runs), Arrays.copyOf(millis, runs), Arrays.copyOf(ends, runs));
    }

    private static final class Snapshot extends AbstractList<KeyExport> implements RandomAccess {
        private final String[] methods;
        private final long[] millis;
        private final long[] ends;

        Snapshot(String[] methods, long[] millis, long[] ends) {
            this.methods = methods;
            this.millis = millis;
            this.ends = ends;
        }

        @Override
        public KeyExport get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("index " + index + ", size " + size());
            }
            // the first run whose end lies beyond index
            int found = Arrays.binarySearch(ends, index + 1L);
            int run = found >= 0 ? found : -found - 1;
            return new KeyExport(methods[run], Instant.ofEpochMilli(millis[run]));
        }

        @Override
        public int size() {
            return ends.length == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, ends[ends.length - 1]);
        }
    }
}

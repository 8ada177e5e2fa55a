package io.sessionkeys.tests.engine;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What the direct-buffer tests share: the forms a pair of buffers can take, buffers placed at an
 * offset inside a larger one (so positions and indices differ), a fill pattern to tell untouched
 * output from written output, and a probe of the heap a call allocates.
 */
final class DirectBuffers {

    /** The fill of an output buffer before a call, to see which bytes the call wrote. */
    static final byte PATTERN = (byte) 0xa5;

    /** Where the buffers of a call live. */
    enum Form {
        DIRECT(true, true, false),
        HEAP(false, false, false),
        DIRECT_IN_HEAP_OUT(true, false, false),
        HEAP_IN_DIRECT_OUT(false, true, false),
        READ_ONLY_DIRECT_IN(true, true, true);

        final boolean directIn;
        final boolean directOut;
        final boolean readOnlyIn;

        Form(boolean directIn, boolean directOut, boolean readOnlyIn) {
            this.directIn = directIn;
            this.directOut = directOut;
            this.readOnlyIn = readOnlyIn;
        }

        /** {@code data} at position 3 of a buffer of this form, limit at its end. */
        ByteBuffer input(byte[] data) {
            ByteBuffer b = allocate(directIn, data.length + 10);
            b.position(3);
            b.put(data);
            b.position(3).limit(3 + data.length);
            return readOnlyIn ? b.asReadOnlyBuffer() : b;
        }

        /** Room for {@code room} bytes at position 7 of a buffer of this form, filled with {@link #PATTERN}. */
        ByteBuffer output(int room) {
            ByteBuffer b = allocate(directOut, room + 12);
            fill(b);
            return b.position(7).limit(7 + room);
        }
    }

    private DirectBuffers() {
    }

    static ByteBuffer allocate(boolean direct, int size) {
        return direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    }

    /** Fills the whole buffer (0 to capacity) with {@link #PATTERN}; position and limit unchanged. */
    static void fill(ByteBuffer b) {
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, PATTERN);
        }
    }

    /** The bytes from {@code from} to {@code to} (absolute indices). */
    static byte[] between(ByteBuffer b, int from, int to) {
        byte[] r = new byte[to - from];
        b.duplicate().clear().position(from).limit(to).get(r);
        return r;
    }

    /** Whether every byte of the buffer (0 to capacity) is still {@link #PATTERN}. */
    static boolean untouched(ByteBuffer b) {
        byte[] all = between(b, 0, b.capacity());
        byte[] expected = new byte[all.length];
        Arrays.fill(expected, PATTERN);
        return Arrays.equals(expected, all);
    }

    /** Whether every byte of the buffer outside {@code from} to {@code to} is still {@link #PATTERN}. */
    static boolean untouchedOutside(ByteBuffer b, int from, int to) {
        byte[] all = between(b, 0, b.capacity());
        for (int i = 0; i < all.length; i++) {
            if ((i < from || i >= to) && all[i] != PATTERN) {
                return false;
            }
        }
        return true;
    }

    static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    /** Something that may throw, run by {@link #allocatedBy}. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /**
     * The heap bytes the current thread allocates in {@code call} (HotSpot's per-thread count):
     * a copy of a direct buffer into a heap array shows as at least its length.
     */
    static long allocatedBy(Call call) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        call.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}

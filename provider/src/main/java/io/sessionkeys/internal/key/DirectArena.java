package io.sessionkeys.internal.key;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Memory for key material, handed out in power-of-two slots carved from 64 KiB chunks of the
 * strongest tier the platform gives ({@link ArenaMemory}: secret, locked, or plain direct memory).
 *
 * <p>Why not {@code ByteBuffer.allocateDirect} per key: each call reserves memory, clears it and
 * registers a cleaner of its own, which costs more than generating the key; a session key must be
 * cheap enough to make per session. Slots come back zeroized on {@link #release} and are reused,
 * so key churn keeps direct memory flat; the pool keeps its chunks (its size follows the peak
 * number of live keys, not the number ever made). Requests above the largest slot get a region of
 * their own, unmapped (or, when plain, left to the garbage collector) once zeroized.
 */
final class DirectArena {

    private static final int SMALLEST_SHIFT = 5;   // 32 bytes
    private static final int LARGEST_SHIFT = 12;   // 4 KiB
    private static final int CHUNK_BYTES = 64 * 1024;

    private static final SizeClass[] CLASSES = new SizeClass[LARGEST_SHIFT - SMALLEST_SHIFT + 1];

    static {
        for (int i = 0; i < CLASSES.length; i++) {
            CLASSES[i] = new SizeClass(1 << (SMALLEST_SHIFT + i));
        }
    }

    private DirectArena() {
    }

    /** A zero-filled direct buffer of at least {@code size} bytes, limit set to {@code size}. */
    static ByteBuffer allocate(int size) {
        SizeClass c = classFor(size);
        ByteBuffer b = c == null ? ArenaMemory.dedicated(size) : c.take();
        b.clear().limit(size);
        return b;
    }

    /** Returns a buffer whose whole capacity the caller has already zeroed. */
    static void release(ByteBuffer buffer) {
        SizeClass c = classFor(buffer.capacity());
        if (c != null && c.size == buffer.capacity()) {
            c.give(buffer);
        } else if (c == null) {
            ArenaMemory.release(buffer);
        }
    }

    private static SizeClass classFor(int size) {
        for (SizeClass c : CLASSES) {
            if (size <= c.size) {
                return c;
            }
        }
        return null;
    }

    /** For leak tests: free slots of the smallest class. */
    static int freeSmallSlots() {
        return CLASSES[0].freeCount();
    }

    private static final class SizeClass {
        final int size;
        private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();

        SizeClass(int size) {
            this.size = size;
        }

        synchronized ByteBuffer take() {
            if (free.isEmpty()) {
                ByteBuffer chunk = ArenaMemory.chunk(CHUNK_BYTES);
                for (int offset = 0; offset + size <= CHUNK_BYTES; offset += size) {
                    free.push(chunk.slice(offset, size));
                }
            }
            return free.pop();
        }

        synchronized void give(ByteBuffer buffer) {
            free.push(buffer);
        }

        synchronized int freeCount() {
            return free.size();
        }
    }
}

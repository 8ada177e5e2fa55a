package io.sessionkeys.internal.key;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.locks.LockSupport;

/**
 * Secret bytes in direct (native) memory, plus the precomputations derived from them, zeroized
 * exactly once.
 *
 * <p>Readers and the zeroizer meet in one counter: a reader registers itself before touching the
 * memory and leaves afterwards; {@link #zeroize()} first closes the door (so no new reader gets
 * in) and then waits until the readers inside have left. A read therefore either sees intact
 * material or is refused: nothing is ever computed from half-zeroed bytes. Registration is
 * counted rather than locked, so a thread may read the same material while already reading it
 * (wrapping a key under itself) without deadlocking against a waiting zeroizer.
 *
 * <p>Package-private on purpose: the only way in from outside is the gate
 * {@link ManagedSessionKey#withMaterial}.
 */
final class KeyMaterial {

    private static final long CLOSED = 1L << 62;

    private final ByteBuffer raw;
    private final int length;
    /** Readers inside, plus the {@link #CLOSED} bit once zeroization has begun. */
    private volatile long readers;
    // A field updater, not an AtomicLong: one object fewer per key (keys must be cheap to make).
    private static final AtomicLongFieldUpdater<KeyMaterial> READERS =
            AtomicLongFieldUpdater.newUpdater(KeyMaterial.class, "readers");
    private volatile boolean zeroized;
    /** Derived material, copy-on-write; guarded by {@code this} for writers. */
    private volatile Derived[] derived = NONE;

    private static final Derived[] NONE = new Derived[0];

    private record Derived(Precomputation kind, ByteBuffer buffer) {
    }

    /** Copies {@code length} bytes from {@code source} off the heap. The caller zeroes its array. */
    KeyMaterial(byte[] source, int offset, int length) {
        this.length = length;
        this.raw = DirectArena.allocate(length);
        raw.put(0, source, offset, length);
    }

    private KeyMaterial(int length) {
        this.length = length;
        this.raw = DirectArena.allocate(length);
    }

    /** Material written by {@code fill} into the fresh slot; on failure the slot is wiped and released. */
    static KeyMaterial filled(int length, java.util.function.Consumer<ByteBuffer> fill) {
        KeyMaterial material = new KeyMaterial(length);
        boolean done = false;
        try {
            fill.accept(material.raw.duplicate().clear().limit(length));
            done = true;
            return material;
        } finally {
            if (!done) {
                wipeAndRelease(material.raw);
            }
        }
    }

    int length() {
        return length;
    }

    boolean isZeroized() {
        return zeroized;
    }

    /**
     * Runs {@code reader} on the raw material ({@code kind == null}) or on a precomputation of it.
     *
     * @return the reader's result, or throws {@link MaterialGoneException} if zeroization has begun
     */
    <R, X extends Exception> R read(Precomputation kind, SecretReader<R, X> reader) throws X {
        if ((READERS.getAndIncrement(this) & CLOSED) != 0) {
            READERS.getAndDecrement(this);
            throw new MaterialGoneException();
        }
        try {
            return reader.read(kind == null ? raw : derivedBuffer(kind));
        } finally {
            READERS.getAndDecrement(this);
        }
    }

    private ByteBuffer derivedBuffer(Precomputation kind) {
        for (Derived d : derived) {
            if (d.kind == kind) {
                return d.buffer;
            }
        }
        synchronized (this) {
            for (Derived d : derived) {
                if (d.kind == kind) {
                    return d.buffer;
                }
            }
            ByteBuffer out = DirectArena.allocate(kind.size(length));
            kind.compute(raw.asReadOnlyBuffer().limit(length), out);
            Derived[] grown = Arrays.copyOf(derived, derived.length + 1);
            grown[derived.length] = new Derived(kind, out);
            derived = grown;
            return out;
        }
    }

    /**
     * Closes the material to new readers, waits for the readers inside to leave, then releases
     * every precomputation's native resources and zeroes the raw bytes and every precomputation.
     *
     * @return {@code true} if this call did the zeroizing, {@code false} if another call had
     *     already begun (it returns only once the material is zeroized either way)
     */
    boolean zeroize() {
        long before = READERS.getAndUpdate(this, r -> r | CLOSED);
        if ((before & CLOSED) != 0) {
            awaitZeroized();
            return false;
        }
        int spins = 0;
        while ((readers & ~CLOSED) != 0) {
            // Readers finish quickly (one update or doFinal); park briefly if one is long.
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(100_000L);
            }
        }
        synchronized (this) {
            // Native precomputations first: their contexts were keyed from the raw bytes.
            for (Derived d : derived) {
                d.kind.release(d.buffer);
            }
            wipeAndRelease(raw);
            for (Derived d : derived) {
                wipeAndRelease(d.buffer);
            }
            derived = NONE;
        }
        zeroized = true;
        return true;
    }

    /** For tests and the self-test: whether every raw byte is zero (reads the buffer directly). */
    boolean rawIsAllZero() {
        for (int i = 0; i < raw.limit(); i++) {
            if (raw.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private void awaitZeroized() {
        while (!zeroized) {
            LockSupport.parkNanos(100_000L);
        }
    }

    private static void wipeAndRelease(ByteBuffer buffer) {
        wipe(buffer);
        DirectArena.release(buffer);
    }

    /** Zeroes the whole capacity, whatever the limit. */
    private static void wipe(ByteBuffer buffer) {
        buffer.limit(buffer.capacity());
        int n = buffer.capacity();
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            buffer.putLong(i, 0L);
        }
        for (; i < n; i++) {
            buffer.put(i, (byte) 0);
        }
    }

    /** Thrown internally when a read arrives after zeroization began; the gate translates it. */
    static final class MaterialGoneException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MaterialGoneException() {
            super("key material was zeroized", null);
        }
    }
}

package io.sessionkeys;

import io.sessionkeys.internal.key.ManagedSessionKey;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * An owner for session keys: closing the scope destroys every key bound to it.
 *
 * <pre>{@code
 * try (KeyScope session = KeyScope.open()) {
 *     SecretKey k = session.bind((SessionKey) keyGenerator.generateKey());
 *     ...
 * } // every bound key is zeroized here, reason SCOPE_CLOSED
 * }</pre>
 *
 * <p>A scope holds its keys weakly: binding a key does not keep it alive, and a key dropped
 * before the scope closes is still zeroized by the provider's cleaner. Thread-safe.
 */
public final class KeyScope implements AutoCloseable {

    private final List<WeakReference<ManagedSessionKey>> keys = new ArrayList<>();
    private int pruneAt = 16;
    private boolean closed;

    private KeyScope() {
    }

    /** Opens a new, empty scope. */
    public static KeyScope open() {
        return new KeyScope();
    }

    /**
     * Binds a key to this scope, so that {@link #close()} destroys it.
     *
     * @return the same key, for chaining
     * @throws IllegalArgumentException if the key was not made by SessionKeys
     * @throws IllegalStateException if the scope is already closed
     */
    public <K extends SessionKey> K bind(K key) {
        if (!(key instanceof ManagedSessionKey)) {
            throw new IllegalArgumentException("only keys made by the SessionKeys provider can be bound to a"
                    + " KeyScope, not " + (key == null ? "null" : key.getClass().getName()));
        }
        synchronized (keys) {
            if (closed) {
                throw new IllegalStateException("this KeyScope is closed");
            }
            if (keys.size() >= pruneAt) {
                keys.removeIf(ref -> ref.get() == null);
                pruneAt = Math.max(16, keys.size() * 2);
            }
            keys.add(new WeakReference<>((ManagedSessionKey) key));
        }
        return key;
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        synchronized (keys) {
            return closed;
        }
    }

    /** Destroys every key still bound to this scope. Idempotent. */
    @Override
    public void close() {
        List<WeakReference<ManagedSessionKey>> bound;
        synchronized (keys) {
            if (closed) {
                return;
            }
            closed = true;
            bound = new ArrayList<>(keys);
            keys.clear();
        }
        for (WeakReference<ManagedSessionKey> ref : bound) {
            ManagedSessionKey key = ref.get();
            if (key != null) {
                key.destroy(DestroyReason.SCOPE_CLOSED);
            }
        }
    }

    @Override
    public String toString() {
        synchronized (keys) {
            return "KeyScope[" + (closed ? "closed" : "open, " + keys.size() + " keys bound") + "]";
        }
    }
}

package io.sessionkeys;

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

    /**
     * What a scope needs from a key it holds. The provider's session keys implement it; a scope
     * binds nothing else. It exists so that this public class does not name the provider's
     * internal key class; applications have no reason to implement or call it.
     */
    public interface Member {

        /** Destroys the key, reason {@link DestroyReason#SCOPE_CLOSED}. Idempotent; never fails. */
        void scopeClosed();
    }

    private final List<WeakReference<Member>> keys = new ArrayList<>();
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
        if (!(key instanceof Member)) {
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
            keys.add(new WeakReference<>((Member) key));
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
        List<WeakReference<Member>> bound;
        synchronized (keys) {
            if (closed) {
                return;
            }
            closed = true;
            bound = new ArrayList<>(keys);
            keys.clear();
        }
        for (WeakReference<Member> ref : bound) {
            Member key = ref.get();
            if (key != null) {
                key.scopeClosed();
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

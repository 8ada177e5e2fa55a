package io.sessionkeys.internal.key;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A kind of per-key state that a service keeps with the key itself, shared by every object that
 * uses the key (for example the ledger of nonces a key has encrypted under). Made on first use,
 * dropped when the key is destroyed; an optional action then runs on it, after the material is
 * zeroized (for example to wipe key-derived state that users of the key keep on the heap).
 * Declare one as a {@code static final} constant: the instance is the lookup key.
 */
public final class Attachment<T> {

    private final String name;
    private final Supplier<T> factory;
    private final Consumer<? super T> onDestroy;

    public Attachment(String name, Supplier<T> factory) {
        this(name, factory, null);
    }

    /** @param onDestroy runs on the attached value when the key is destroyed; must not throw */
    public Attachment(String name, Supplier<T> factory, Consumer<? super T> onDestroy) {
        this.name = name;
        this.factory = factory;
        this.onDestroy = onDestroy;
    }

    T create() {
        return factory.get();
    }

    @SuppressWarnings("unchecked")
    void keyDestroyed(Object value) {
        if (onDestroy != null) {
            onDestroy.accept((T) value);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

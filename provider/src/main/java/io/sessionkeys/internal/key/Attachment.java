package io.sessionkeys.internal.key;

import java.util.function.Supplier;

/**
 * A kind of per-key state that a service keeps with the key itself, shared by every object that
 * uses the key (for example the ledger of nonces a key has encrypted under). Made on first use,
 * dropped when the key is destroyed. Declare one as a {@code static final} constant: the instance
 * is the lookup key.
 */
public final class Attachment<T> {

    private final String name;
    private final Supplier<T> factory;

    public Attachment(String name, Supplier<T> factory) {
        this.name = name;
        this.factory = factory;
    }

    T create() {
        return factory.get();
    }

    @Override
    public String toString() {
        return name;
    }
}

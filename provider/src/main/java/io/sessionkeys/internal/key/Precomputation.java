package io.sessionkeys.internal.key;

import java.nio.ByteBuffer;

/**
 * Per-key data that an engine derives from the raw key once (round keys, hash subkeys, keyed
 * hash states) and keeps off the heap beside the key, zeroized with it. Because it is made on
 * first use and then reused, {@code Cipher.init} does no key expansion after the first time.
 *
 * <p>Implementations are stateless singletons; the instance itself is the cache key.
 */
public interface Precomputation {

    /** A name for diagnostics, such as "AES round keys". */
    String name();

    /** The off-heap bytes needed for a raw key of {@code rawKeyLength} bytes. */
    int size(int rawKeyLength);

    /**
     * Fills {@code out} (zero-filled, capacity {@link #size}) from {@code rawKey}. Both are
     * off-heap; any heap scratch used must be zeroed before returning.
     */
    void compute(ByteBuffer rawKey, ByteBuffer out);

    /**
     * Frees what {@link #compute} allocated outside {@code data} (a native engine's keyed
     * contexts, with cleansing). Called once, when the key is zeroized: after every reader has
     * left the key's gate, before {@code data} and the raw key are zeroed. Must not throw.
     */
    default void release(ByteBuffer data) {
    }
}

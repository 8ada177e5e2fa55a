package io.sessionkeys.internal.engine;

import java.nio.ByteBuffer;

/**
 * One {@code Mac}'s HMAC computation, message after message. Every method but {@link #wipe} runs
 * inside the key's gate and gets the key's {@link HmacEngine#precomputation()} as
 * {@code keyData}, valid only during the call. Not thread-safe, except {@link #wipe}, which the
 * key's destruction may call from another thread.
 */
public interface HmacComputation {

    /** Whether a message is in progress (started and not yet finished or wiped). */
    boolean started();

    /** Starts a new message, abandoning any message in progress. */
    void start(ByteBuffer keyData);

    void update(ByteBuffer keyData, byte input);

    void update(ByteBuffer keyData, byte[] input, int offset, int length);

    /** Hashes {@code length} bytes of {@code input} (heap or direct) from absolute {@code index}. */
    void update(ByteBuffer keyData, ByteBuffer input, int index, int length);

    /** Writes the tag at {@code offset} and ends the message. */
    void finish(ByteBuffer keyData, byte[] out, int offset);

    /**
     * Ends any message in progress, wiping its state (or giving its native context back).
     * Idempotent; safe after the key was destroyed.
     */
    void wipe();
}

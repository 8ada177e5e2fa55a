package io.sessionkeys.internal.engine;

import java.nio.ByteBuffer;

/**
 * One CTR, CBC, ECB, CFB or OFB message in progress in one direction. It keeps the mode's state
 * between calls: the counter and the unused keystream of a partial block (CTR), the chaining
 * block (CBC), the shift register and the position in a segment (CFB, OFB). {@link #wipe} ends it (and gives back whatever it borrowed); every call that computes
 * gets the key data again, read through the gate.
 *
 * <p>Output may be written exactly over the input (same array, same offset); any other
 * overlap is the caller's to avoid.
 */
public interface BlockModeOperation {

    /**
     * Runs {@code length} bytes through the mode: any length for CTR, CFB and OFB, whole blocks
     * for CBC and ECB. Writes exactly {@code length} bytes.
     */
    void process(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /**
     * As {@link #process(ByteBuffer, byte[], int, int, byte[], int)}, on direct buffers by address:
     * {@code length} bytes from {@code in} at index {@code inIndex} to {@code out} at
     * {@code outIndex}; positions do not move. {@code in} may be read-only, and the two may share
     * memory in any way. Only where the engine {@link BlockModeEngine#takesDirectBuffers() takes
     * direct buffers}.
     */
    default void process(ByteBuffer keyData, ByteBuffer in, int inIndex, int length, ByteBuffer out, int outIndex) {
        throw new UnsupportedOperationException("this engine takes byte arrays only");
    }

    /**
     * Remembers the chaining state (CBC; CFB and OFB at a segment boundary), so that
     * {@link #restoreChain} can undo later calls.
     */
    default void saveChain() {
    }

    /** Goes back to the state of the last {@link #saveChain}. */
    default void restoreChain() {
    }

    /** Zeroes the message's secrets and gives back what it borrowed. Idempotent. */
    void wipe();
}

package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * AES in the streaming modes CTR, CBC and ECB as the block-mode ciphers see them: no JCA, no
 * padding, no buffering of partial blocks between calls (the ciphers keep those), no usage
 * budgets; just one message's arithmetic, with its state (counter, chaining block) carried from
 * call to call. The key data comes in through the key's gate on every call.
 *
 * <p>This is the seam where the native engine replaces the Java modes over
 * {@link BlockCipherEngine} without touching the ciphers.
 */
public interface BlockModeEngine {

    /** The modes an engine runs as a whole; the others are built on {@link BlockCipherEngine}. */
    enum Mode {
        CTR, CBC, ECB
    }

    /** For messages and reports, such as "AES (Java)". */
    String name();

    /**
     * The per-key data a message in {@code mode} and direction reads (round keys, or the native
     * engine's record of keyed contexts); made once per key and kept with it.
     */
    Precomputation precomputation(Mode mode, boolean encrypt);

    /**
     * Starts one message.
     *
     * @param keyData the {@link #precomputation} for the same mode and direction, as read through
     *     the gate; valid only during this call
     * @param iv the 16-byte IV (CTR: the first counter block), or {@code null} for ECB; copied
     */
    BlockModeOperation start(ByteBuffer keyData, Mode mode, boolean encrypt, byte[] iv);

    /**
     * Whether its operations take direct buffers by address
     * ({@link BlockModeOperation#process(ByteBuffer, ByteBuffer, int, int, ByteBuffer, int)}).
     */
    default boolean takesDirectBuffers() {
        return false;
    }
}

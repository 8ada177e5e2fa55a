package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * AES in the streaming modes CTR, CBC and ECB (and CFB and OFB at the segment sizes OpenSSL has)
 * as the block-mode ciphers see them: no JCA, no padding, no buffering of partial blocks between
 * calls (the ciphers keep those), no usage budgets; just one message's arithmetic, with its state
 * (counter, chaining block, shift register) carried from call to call. The key data comes in
 * through the key's gate on every call.
 *
 * <p>This is the seam where the native engine replaces the Java modes over
 * {@link BlockCipherEngine} without touching the ciphers.
 */
public interface BlockModeEngine {

    /**
     * The modes an engine runs as a whole; the others are built on {@link BlockCipherEngine}.
     * CFB8 and CFB128 are NIST SP 800-38A's CFB with 8- and 128-bit segments (SunJCE's "CFB8" and
     * "CFB"/"CFB128"), OFB128 its OFB (SunJCE's "OFB"/"OFB128"); the other segment sizes have no
     * OpenSSL cipher and run on {@link JavaBlockModes#segments}.
     */
    enum Mode {
        CTR, CBC, ECB, CFB8, CFB128, OFB128;

        /** CFB or OFB: a shift register enciphered per segment, any number of bytes per call. */
        public boolean segmented() {
            return this == CFB8 || this == CFB128 || this == OFB128;
        }

        /** Whether the mode runs only the forward cipher, in both directions. */
        public boolean forwardOnly() {
            return this == CTR || segmented();
        }
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
     * @param iv the 16-byte IV (CTR: the first counter block; CFB, OFB: the first shift register),
     *     or {@code null} for ECB; copied
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

package io.sessionkeys.internal.engine.openssl;

import java.nio.ByteBuffer;

/**
 * The JNI functions of {@code libsessionkeys.so} that only the block modes use (C in
 * {@code src/main/c/block_modes.c}; javac writes their C header from this class). The same rules
 * as {@link OpenSslNative}: callable once the library is loaded, inside the key's gate.
 */
final class BlockModesNative {

    private BlockModesNative() {
    }

    /**
     * Runs {@code length} bytes at {@code in}'s index {@code inIndex} through the context into
     * {@code out} at {@code outIndex}, both direct buffers read and written by address (the
     * caller has checked the bounds); returns the bytes written. Buffers sharing memory other
     * than exactly in place are handled (the input is copied first, and the copy cleansed).
     */
    static native int update(long context, ByteBuffer in, int inIndex, int length, ByteBuffer out, int outIndex);

    /** Restarts a lent block-mode context from {@code iv} (16 bytes), in the same direction, with the same key. */
    static native void restart(long context, byte[] iv);

    /**
     * Copies a lent CFB or OFB context's shift register (its running IV, 16 bytes) into
     * {@code out}; at a segment boundary that is the whole state, which {@link #restart} restores.
     */
    static native void shiftRegister(long context, byte[] out);
}

package io.sessionkeys.internal.engine.openssl;

/**
 * The JNI functions of {@code libsessionkeys.so} that only the block modes use (C in
 * {@code src/main/c/block_modes.c}; javac writes their C header from this class). The same rules
 * as {@link OpenSslNative}: callable once the library is loaded, inside the key's gate.
 */
final class BlockModesNative {

    private BlockModesNative() {
    }

    /** Restarts a lent block-mode context from {@code iv} (16 bytes), in the same direction, with the same key. */
    static native void restart(long context, byte[] iv);
}

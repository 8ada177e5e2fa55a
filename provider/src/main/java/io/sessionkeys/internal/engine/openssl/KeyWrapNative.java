package io.sessionkeys.internal.engine.openssl;

import java.nio.ByteBuffer;

/**
 * The JNI functions of {@code libsessionkeys.so} for AES-KW and KWP (C in
 * {@code src/main/c/key_wrap.c}; javac writes their C header from this class). The same rules as
 * {@link OpenSslNative}: callable once the library is loaded; {@link #wrap} and {@link #unwrap}
 * inside the KEK's gate (and, for a session key's slot as the source, inside that key's gate);
 * the result functions anywhere, each result freed exactly once.
 */
final class KeyWrapNative {

    // key_wrap.c's PAD_* values
    static final int PAD_NONE = 0;
    static final int PAD_PKCS5 = 1;
    static final int PAD_KWP = 2;

    private KeyWrapNative() {
    }

    /**
     * Wraps {@code length} bytes, from {@code source} (a direct buffer, read by address from its
     * start) or, if it is {@code null}, from {@code data} at {@code offset}, into {@code out},
     * which must have exactly the wrapped length.
     */
    static native void wrap(long key, byte[] icv, int padding, ByteBuffer source, byte[] data, int offset, int length,
            byte[] out);

    /**
     * Unwraps into a result held in secret memory; returns its handle, or 0 if the integrity check
     * (or the PKCS#5 padding) failed.
     */
    static native long unwrap(long key, byte[] icv, int padding, byte[] in, int offset, int length);

    static native int resultLength(long result);

    /** Copies the result into a direct buffer from its start (capacity at least the length). */
    static native void moveResult(long result, ByteBuffer slot);

    static native void copyResult(long result, byte[] out, int offset);

    /** Cleanses and frees a result. */
    static native void freeResult(long result);
}

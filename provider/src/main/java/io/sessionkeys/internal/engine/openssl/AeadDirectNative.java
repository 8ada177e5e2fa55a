package io.sessionkeys.internal.engine.openssl;

import java.nio.ByteBuffer;

/**
 * The JNI functions of {@code libsessionkeys.so} for a whole AEAD message between direct
 * buffers, read and written by address in one crossing (C in {@code src/main/c/aead_direct.c};
 * javac writes their C header from this class). The same rules as {@link OpenSslNative}:
 * callable once the library is loaded, inside the key's gate; the caller has checked every
 * bound.
 */
final class AeadDirectNative {

    private AeadDirectNative() {
    }

    /**
     * Starts a message of the key record {@code key} under {@code nonce}, adds the AAD, encrypts
     * {@code length} bytes at {@code in}'s index {@code inIndex} into {@code out} at
     * {@code outIndex} and writes {@code tagLength} bytes of the tag right after them. The two
     * buffers may share memory in any way.
     */
    static native void seal(long key, byte[] nonce, byte[] aad, int aadOffset, int aadLength, ByteBuffer in,
            int inIndex, int length, ByteBuffer out, int outIndex, int tagLength);

    /**
     * Starts a message as {@link #seal}, decrypts {@code length} bytes at {@code in}'s index
     * {@code inIndex} into C-side scratch, checks the {@code tagLength}-byte tag that follows
     * them, and only if it matches copies the plaintext to {@code out} at {@code outIndex}.
     *
     * @return whether the tag matched (if not, {@code out} is untouched)
     */
    static native boolean open(long key, byte[] nonce, byte[] aad, int aadOffset, int aadLength, ByteBuffer in,
            int inIndex, int length, int tagLength, ByteBuffer out, int outIndex);
}

package io.sessionkeys.internal.engine.openssl;

import java.nio.ByteBuffer;

/**
 * The JNI functions for RSA-OAEP decryption on OpenSSL 3 (C source {@code rsa_decrypt.c}; javac
 * writes the C header from this class). Callable only after {@link NativeLibrary} has opened
 * libcrypto and {@link #open} succeeded.
 *
 * <p>Handles are C pointers: an {@code EVP_PKEY} built from a Java private key's CRT parts, or a
 * recovered message in secret memory. A key handle is freed once, when its Java key is
 * unreachable ({@link NativeRsaKeys}); a recovered message when its user is done with it.
 */
final class OpenSslRsaNative {

    private OpenSslRsaNative() {
    }

    /** Resolves the RSA functions in the opened libcrypto; {@code null} on success, else why not. */
    static native String open();

    /**
     * An {@code EVP_PKEY} from n, e, d, p, q, dP, dQ, qInv (big-endian unsigned, in that order).
     *
     * @throws IllegalStateException if OpenSSL refuses them
     */
    static native long newKey(byte[][] parts);

    /** Frees a key from {@link #newKey} (OpenSSL clears the private parts). */
    static native void freeKey(long key);

    /**
     * RSA-OAEP decryption of a ciphertext of the modulus length, with OpenSSL's digest names.
     *
     * @return a recovered message, or 0 for every decryption failure alike (OpenSSL's error queue
     *     is cleared either way)
     * @throws IllegalStateException only if the operation could not be set up at all
     */
    static native long decryptOaep(long key, String digest, String mgfDigest, byte[] label, byte[] ciphertext);

    static native int length(long recovered);

    /** Copies the message into a direct buffer at {@code index}, by address. */
    static native void copyDirect(long recovered, ByteBuffer out, int index);

    static native void copyArray(long recovered, byte[] out, int offset);

    /** Wipes and frees a recovered message. */
    static native void freeRecovered(long recovered);
}

package io.sessionkeys.internal.engine.openssl;

import java.nio.ByteBuffer;

/**
 * The JNI functions of {@code libsessionkeys.so} (C sources in {@code src/main/c}; javac writes
 * the C header from this class, so the two cannot drift). Callable only after
 * {@link NativeLibrary} has loaded the library and opened libcrypto.
 *
 * <p>Handles are C pointers: a key record (one per key and cipher direction, owning that key's
 * pool of keyed OpenSSL contexts) or a context lent to one message. Every call that uses a
 * handle must run inside the key's gate ({@code ManagedSessionKey.withMaterial}); only
 * {@link #giveBack} and {@link #releaseKey} may run outside it.
 */
final class OpenSslNative {

    // The C side's enum sk_cipher, in the same order.
    static final int AES_128_GCM = 0;
    static final int AES_192_GCM = 1;
    static final int AES_256_GCM = 2;
    static final int CHACHA20_POLY1305 = 3;
    static final int AES_128_CTR = 4;
    static final int AES_128_CBC = 7;
    static final int AES_128_ECB = 10;
    static final int AES_128_CFB8 = 13;
    static final int AES_128_CFB128 = 16;
    static final int AES_128_OFB = 19;

    /** Full tag length written by {@link #sealTag}. */
    static final int TAG_LENGTH = 16;

    private OpenSslNative() {
    }

    /** Opens libcrypto ({@code null}: the system's); returns {@code null} on success, else why not. */
    static native String open(String libcryptoPath);

    /** OpenSSL's version text, such as "OpenSSL 3.0.19 27 Jan 2026". */
    static native String version();

    /** OpenSSL's version number (0xMNN00PP0L). */
    static native long versionNumber();

    /** Whether the opened libcrypto has {@code cipher}. */
    static native boolean hasCipher(int cipher);

    /**
     * Why SessionKeys' own AES-GCM kernel (VAES and VPCLMULQDQ on AVX-512) cannot run on this CPU
     * and OS, or {@code null} if it can.
     */
    static native String gcmKernelUnavailable();

    /**
     * Why SessionKeys' own AES kernel for CTR, CBC decryption and ECB (VAES on AVX-512) cannot
     * run on this CPU and OS, or {@code null} if it can.
     */
    static native String aesKernelUnavailable();

    /**
     * A key record over the raw key at {@code raw}'s address (a direct buffer that outlives the
     * record); the key is read when contexts are made, never copied. With {@code kernel} the
     * record also expands the key into an own kernel's state now: AES-GCM's (where
     * {@link #gcmKernelUnavailable} is {@code null}), which then serves whole messages under
     * 12-byte nonces, or for AES-CTR, CBC decryption and ECB the AES kernel's (where
     * {@link #aesKernelUnavailable} is {@code null}), which then serves every message.
     */
    static native long newKey(ByteBuffer raw, int cipher, boolean encrypt, boolean kernel);

    /** Frees, with cleansing, every context of the key; after the key's readers have left. */
    static native void releaseKey(long key);

    /** Lends a context and starts an AEAD message under {@code nonce}. */
    static native long startAead(long key, byte[] nonce, boolean encrypt);

    /** Lends a context and starts a block-mode message ({@code iv} null for ECB); no padding. */
    static native long start(long key, byte[] iv, boolean encrypt);

    /** Gives a lent context back to its key's pool (safe after the key was released). */
    static native void giveBack(long context);

    static native void aad(long context, byte[] aad, int offset, int length);

    /** Runs data through the context; returns the bytes written. */
    static native int update(long context, byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /** Finishes an AEAD encryption: writes the 16-byte tag and gives the context back. */
    static native void sealTag(long context, byte[] tag, int tagOffset);

    /**
     * Decrypts into a private buffer, checks the tag, and only if it matches copies the plaintext
     * to {@code out}; gives the context back either way.
     */
    static native boolean openVerified(long context, byte[] in, int inOffset, int length, byte[] tag, int tagOffset,
            int tagLength, byte[] out, int outOffset);

    /**
     * A whole encryption in one call: starts a message under the nonce on a lent context, adds
     * the AAD, encrypts, and writes {@code tagLength} bytes of the tag right after the
     * ciphertext; gives the context back. The nonce is {@code nonce}, or if that is null the 12
     * bytes {@code nonceHead} (big-endian) then {@code nonceTail}: passed as numbers, the usual
     * nonce costs the C side no call back into the JVM to read it.
     */
    static native void sealMessage(long key, long nonceHead, int nonceTail, byte[] nonce, byte[] aad, int aadOffset,
            int aadLength, byte[] in, int inOffset, int length, byte[] out, int outOffset, int tagLength);

    /**
     * A whole verified decryption in one call: {@link #startAead}, the AAD, then
     * {@link #openVerified}; the nonce is given as for {@link #sealMessage}. {@code in} must not
     * change during the call (the SPI passes its own copy of a decryption's input): the own GCM
     * kernel reads a long message twice, to check the tag before it decrypts into {@code out}.
     */
    static native boolean openMessage(long key, long nonceHead, int nonceTail, byte[] nonce, byte[] aad,
            int aadOffset, int aadLength, byte[] in, int inOffset, int length, byte[] tag, int tagOffset, int tagLength,
            byte[] out, int outOffset);
}

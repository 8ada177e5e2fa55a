package io.sessionkeys.internal.engine.openssl;

import java.nio.ByteBuffer;

/**
 * The JNI functions for HMAC and HKDF on OpenSSL's SHA-2 functions (C sources
 * {@code mac_crypto.c} and {@code mac_kdf.c}; javac writes the C header from this class).
 * Callable only after {@link NativeLibrary} has opened libcrypto and {@link #open} succeeded.
 *
 * <p>Handles are C pointers: an HMAC key record (one per key and hash, owning the key's pool of
 * keyed contexts), a context lent to one message, or an HKDF job. Every call that uses a key
 * record or a lent context must run inside the key's gate ({@code ManagedSessionKey.withMaterial});
 * only {@link #giveBack} and {@link #releaseKey} may run outside it. A direct buffer passed here
 * is read or written by address, so it must stay reachable (and, for key material, inside its
 * gate) for the call.
 */
final class OpenSslMacNative {

    // The C side's enum sk_hash, in the same order.
    static final int SHA256 = 0;
    static final int SHA384 = 1;
    static final int SHA512 = 2;

    private OpenSslMacNative() {
    }

    /** Resolves the SHA-2 functions in the opened libcrypto; {@code null} on success, else why not. */
    static native String open();

    // ---- HMAC with a session key ----

    /** A key record over {@code length} raw key bytes at {@code raw}'s address (not copied). */
    static native long newKey(ByteBuffer raw, int length, int hash);

    /** Frees, with cleansing, every context of the key; after the key's readers have left. */
    static native void releaseKey(long key);

    /** Lends a keyed context, restarted for a new message. */
    static native long start(long key);

    static native void update(long context, byte[] in, int offset, int length);

    static native void updateByte(long context, byte b);

    /** Hashes {@code length} bytes of a direct buffer from absolute {@code index}. */
    static native void updateDirect(long context, ByteBuffer in, int index, int length);

    /** Writes the tag at {@code offset} and gives the context back. */
    static native void finish(long context, byte[] out, int offset);

    /** Gives a lent context back (safe after the key was released). */
    static native void giveBack(long context);

    // ---- HKDF ----

    static native long hkdfNew(int hash);

    /** Frees the job, cleansing the gathered key, the PRK and libcrypto's contexts. */
    static native void hkdfFree(long job);

    /** Appends to the HMAC key being gathered: the salt, or (expand only) the PRK. */
    static native void hkdfKey(long job, byte[] in, int offset, int length);

    static native void hkdfKeyDirect(long job, ByteBuffer in, int index, int length);

    /** Keys the extract's HMAC with the gathered salt. */
    static native void hkdfExtractStart(long job);

    static native void hkdfInput(long job, byte[] in, int offset, int length);

    static native void hkdfInputDirect(long job, ByteBuffer in, int index, int length);

    /** Finishes the extract: the PRK becomes the job's HMAC key. */
    static native void hkdfExtractFinish(long job);

    /** Expands with the job's key into {@code length} bytes of a direct buffer at {@code index}. */
    static native void hkdfExpandDirect(long job, byte[] info, ByteBuffer out, int index, int length);

    static native void hkdfExpandArray(long job, byte[] info, byte[] out, int offset, int length);

    /** Writes the PRK (extract only) into a direct buffer at {@code index}. */
    static native void hkdfPrkDirect(long job, ByteBuffer out, int index);

    static native void hkdfPrkArray(long job, byte[] out, int offset);
}

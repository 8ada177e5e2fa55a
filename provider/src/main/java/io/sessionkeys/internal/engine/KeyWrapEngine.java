package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * AES key wrapping (NIST SP 800-38F KW and KWP) run whole by an engine: a message goes in, the
 * wrapped or recovered message comes out. The key-wrap ciphers keep everything else: the JCA
 * plumbing, the length rules and their messages, the ICV, the export records, the new key.
 *
 * <p>This is the seam where the native engine replaces the Java KW and KWP, which are built on
 * the blocks of a {@link BlockCipherEngine} ({@link BlockCipherEngine#keyWrap()} says which runs).
 * Key data comes in through the gate on every call, as for the other engines.
 */
public interface KeyWrapEngine {

    /** What the data is padded with before W. */
    enum Padding {
        /** RFC 3394 KW: whole semiblocks, at least two. */
        NONE,
        /** KW over PKCS#5 padding to whole semiblocks; unwrapping accepts 1 to 16 pad bytes. */
        PKCS5,
        /** RFC 5649 KWP: zero padding, the length in the ICV's second half. */
        KWP
    }

    /** For messages and reports, such as "AES-KW (OpenSSL)". */
    String name();

    /** The per-key data the KEK's messages read: one per padding's cipher and direction. */
    Precomputation precomputation(Padding padding, boolean wrap);

    /**
     * Wraps the bytes of {@code source} under the KEK.
     *
     * @param kekData the {@link #precomputation} for {@code padding} and wrapping, read through the gate
     * @param icv 8 bytes (KW) or 4 (KWP)
     * @param source a session key's off-heap slot (direct, position 0, limit its length; read in
     *     place inside its gate), or a heap buffer over the data's array (its remaining bytes);
     *     the caller has checked its length against the padding's rules
     * @param out exactly the wrapped length
     */
    void wrap(ByteBuffer kekData, Padding padding, byte[] icv, ByteBuffer source, byte[] out);

    /**
     * Unwraps {@code length} bytes of {@code wrapped} (a length the padding's rules allow).
     *
     * @return the recovered data, held outside the Java heap until moved, or {@code null} if the
     *     integrity check (or, after it passed, the PKCS#5 padding) failed
     */
    Recovered unwrap(ByteBuffer kekData, Padding padding, byte[] icv, byte[] wrapped, int offset, int length);

    /** Recovered data outside the heap; {@link #close} wipes and frees it. */
    interface Recovered extends AutoCloseable {
        int length();

        /** Writes the data into {@code slot} (a new key's direct buffer, at index 0). */
        void moveTo(ByteBuffer slot);

        /** Copies the data into {@code out} at {@code offset} (decryption of a message). */
        void copyTo(byte[] out, int offset);

        @Override
        void close();
    }
}

package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.key.ManagedSessionKey;

/**
 * One piece of HKDF salt or input keying material, as an engine reads it: the source hands its
 * bytes to a {@link Sink} (a session key from inside its gate, as a direct buffer; caller bytes
 * as they are; a foreign key's encoding as a copy that the source zeroes afterwards).
 */
public interface KeyingSource {

    /** Where a source's bytes go; each call is one consecutive piece. */
    interface Sink {
        void bytes(byte[] input, int offset, int length);

        /** {@code length} bytes of a buffer from absolute {@code index}; valid only during the call. */
        void material(java.nio.ByteBuffer input, int index, int length);
    }

    /** Hands this source's bytes to {@code sink}, reading a session key only through its gate. */
    void feed(Sink sink);

    /** The session key this source is, or {@code null}: an engine may use a session-key PRK directly. */
    default ManagedSessionKey sessionKey() {
        return null;
    }
}

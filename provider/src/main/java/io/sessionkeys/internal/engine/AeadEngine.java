package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * An AEAD algorithm (AES-GCM, ChaCha20-Poly1305) as the cipher SPIs see it: no JCA, no buffering
 * policy, no nonce rules; just the computation, constant-time, on key data that the SPI reads
 * through the key's gate and passes in to every call.
 *
 * <p>This is the seam where another engine (a native one) can replace the pure-Java engines
 * without touching the SPIs.
 */
public interface AeadEngine {

    /** For messages: "AES-GCM", "ChaCha20-Poly1305". */
    String name();

    /**
     * The per-key data this engine reads (round keys, hash subkey and its powers), made once per
     * key and kept off the heap with it; {@code null} if the engine reads the raw key.
     */
    Precomputation precomputation();

    /** Whether {@code nonceLength} bytes is a nonce this engine accepts. */
    boolean acceptsNonceLength(int nonceLength);

    /**
     * Starts one message.
     *
     * @param keyData the raw key or the {@link #precomputation()}, as read through the gate;
     *     valid only during this call
     * @param nonce the nonce (IV); the operation copies what it needs
     */
    AeadOperation start(ByteBuffer keyData, byte[] nonce);

    /**
     * Starts one message in a known direction. Engines whose state depends on the direction from
     * the first byte (OpenSSL's contexts) need this form; the others ignore the direction.
     */
    default AeadOperation start(ByteBuffer keyData, byte[] nonce, boolean encrypting) {
        return start(keyData, nonce);
    }
}

package io.sessionkeys.internal.engine.chacha;

import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * ChaCha20-Poly1305 (RFC 8439 §2.8) in plain Java, constant-time: a 256-bit key, a 96-bit nonce
 * and a 128-bit tag.
 *
 * <p>The engine reads the raw key ({@link #precomputation()} is {@code null}): ChaCha20 has no key
 * schedule, and the eight key words are loaded into registers from the off-heap key at the start
 * of each call, which costs less than any lookup of a derived form. How each part stays
 * constant-time is written down in {@code docs/engines/chacha20-poly1305.md}.
 */
public final class ChaCha20Poly1305Engine implements AeadEngine {

    public static final ChaCha20Poly1305Engine INSTANCE = new ChaCha20Poly1305Engine();

    static final int KEY_SIZE = ChaCha20.KEY_SIZE;
    static final int NONCE_SIZE = ChaCha20.NONCE_SIZE;
    static final int TAG_SIZE = Poly1305.TAG_SIZE;

    private ChaCha20Poly1305Engine() {
    }

    @Override
    public String name() {
        return "ChaCha20-Poly1305";
    }

    /** None: the engine reads the 32 raw key bytes. */
    @Override
    public Precomputation precomputation() {
        return null;
    }

    /** Only the 12-byte nonce of RFC 8439. */
    @Override
    public boolean acceptsNonceLength(int nonceLength) {
        return nonceLength == NONCE_SIZE;
    }

    /**
     * @throws IllegalArgumentException if the key is not 32 bytes or the nonce not 12
     */
    @Override
    public AeadOperation start(ByteBuffer keyData, byte[] nonce) {
        if (keyData.limit() != KEY_SIZE) {
            throw new IllegalArgumentException("ChaCha20-Poly1305 needs a 256-bit key, not "
                    + (8 * keyData.limit()) + " bits");
        }
        if (nonce == null || nonce.length != NONCE_SIZE) {
            throw new IllegalArgumentException("ChaCha20-Poly1305 needs a 12-byte nonce, not "
                    + (nonce == null ? "none" : nonce.length + " bytes"));
        }
        return new ChaCha20Poly1305Operation(keyData, nonce);
    }

    @Override
    public String toString() {
        return "ChaCha20Poly1305Engine[pure Java, constant-time]";
    }
}

package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.common.Zeroing;
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

    /**
     * A whole encryption at once: {@link #start}, the AAD ({@code aadLength} may be 0), all of
     * {@code in}, and the first {@code tagLength} bytes of the tag written right after the
     * ciphertext at {@code out[outOffset + length]}. The same result as the steps one by one; an
     * engine that crosses into native code overrides it to cross once.
     */
    default void seal(ByteBuffer keyData, byte[] nonce, byte[] aad, int aadOffset, int aadLength, byte[] in,
            int inOffset, int length, byte[] out, int outOffset, int tagLength) {
        AeadOperation op = start(keyData, nonce, true);
        byte[] tag = null;
        try {
            if (aadLength > 0) {
                op.updateAad(keyData, aad, aadOffset, aadLength);
            }
            if (length > 0) {
                op.encrypt(keyData, in, inOffset, length, out, outOffset);
            }
            tag = new byte[op.tagLength()];
            op.computeTag(keyData, tag, 0);
            System.arraycopy(tag, 0, out, outOffset + length, tagLength);
        } finally {
            Zeroing.wipe(tag);
            op.wipe();
        }
    }

    /**
     * A whole verified decryption at once: {@link #start}, the AAD, then
     * {@link AeadOperation#openVerified}: plaintext goes to {@code out} only if the tag matches.
     * An engine that crosses into native code overrides it to cross once.
     */
    default boolean open(ByteBuffer keyData, byte[] nonce, byte[] aad, int aadOffset, int aadLength, byte[] in,
            int inOffset, int length, byte[] tag, int tagOffset, int tagLength, byte[] out, int outOffset) {
        AeadOperation op = start(keyData, nonce, false);
        try {
            if (aadLength > 0) {
                op.updateAad(keyData, aad, aadOffset, aadLength);
            }
            return op.openVerified(keyData, in, inOffset, length, tag, tagOffset, tagLength, out, outOffset);
        } finally {
            op.wipe();
        }
    }

    /** Whether {@link #sealDirect} and {@link #openDirect} take direct buffers by address. */
    default boolean takesDirectBuffers() {
        return false;
    }

    /**
     * {@link #seal} between direct buffers by address: {@code length} bytes at {@code in}'s
     * index {@code inIndex}, the ciphertext and then {@code tagLength} bytes of tag written at
     * {@code out}'s index {@code outIndex}; positions do not move. The two buffers may share
     * memory in any way. Only where the engine {@link #takesDirectBuffers() takes direct buffers}.
     */
    default void sealDirect(ByteBuffer keyData, byte[] nonce, byte[] aad, int aadOffset, int aadLength, ByteBuffer in,
            int inIndex, int length, ByteBuffer out, int outIndex, int tagLength) {
        throw new UnsupportedOperationException("this engine takes byte arrays only");
    }

    /**
     * {@link #open} between direct buffers by address: {@code length} bytes of ciphertext at
     * {@code in}'s index {@code inIndex}, followed there by the {@code tagLength}-byte tag; the
     * plaintext goes to {@code out} at {@code outIndex} only if the tag matches, and {@code out}
     * is untouched otherwise; positions do not move. The two buffers may share memory in any
     * way. Only where the engine {@link #takesDirectBuffers() takes direct buffers}.
     */
    default boolean openDirect(ByteBuffer keyData, byte[] nonce, byte[] aad, int aadOffset, int aadLength,
            ByteBuffer in, int inIndex, int length, int tagLength, ByteBuffer out, int outIndex) {
        throw new UnsupportedOperationException("this engine takes byte arrays only");
    }
}

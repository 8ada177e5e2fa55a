package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.common.ConstantTime;
import io.sessionkeys.internal.common.Zeroing;
import java.nio.ByteBuffer;

/**
 * One AEAD message in progress. Every call that needs key material receives it again as
 * {@code keyData} (valid only during the call); the operation keeps only per-message state
 * (counters, the MAC accumulator, a partial keystream block), which {@link #wipe()} zeroes.
 *
 * <p>Encryption: {@link #updateAad} (any number of times), then {@link #encrypt} (any number of
 * times, any lengths), then {@link #computeTag}.
 *
 * <p>Decryption, which never releases plaintext before the tag is checked, takes two passes over
 * the whole ciphertext: {@link #updateAad}, {@link #authenticate} (the MAC only), {@link #computeTag}
 * and the caller's constant-time comparison, and only then {@link #decryptVerified}.
 *
 * <p>All array arguments may overlap (in-place operation uses {@code in == out} and
 * {@code inOff == outOff}).
 */
public interface AeadOperation {

    /** Adds associated data; only before any {@code encrypt} or {@code authenticate}. */
    void updateAad(ByteBuffer keyData, byte[] aad, int offset, int length);

    /** Encrypts {@code length} bytes and adds the ciphertext to the MAC. */
    void encrypt(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /** Adds {@code length} bytes of ciphertext to the MAC without decrypting them. */
    void authenticate(ByteBuffer keyData, byte[] ciphertext, int offset, int length);

    /** Finishes the MAC and writes the full tag ({@link #tagLength()} bytes). Once per message. */
    void computeTag(ByteBuffer keyData, byte[] out, int outOffset);

    /**
     * Decrypts ciphertext whose tag has been verified; pass the ciphertext in the same order as
     * to {@link #authenticate}, in any split.
     */
    void decryptVerified(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /**
     * The whole verified decryption of a message whose AAD has been added: checks
     * {@code tagLength} bytes of {@code tag} against the ciphertext and only if they match writes
     * the plaintext to {@code out}. Returns whether the tag matched; on {@code false}, {@code out}
     * is untouched. Once per message.
     *
     * <p>The default runs the two passes above (authenticate, constant-time comparison, then
     * decrypt); an engine that can only decrypt and verify together overrides it and decrypts
     * into a buffer of its own first.
     */
    default boolean openVerified(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] tag, int tagOffset,
            int tagLength, byte[] out, int outOffset) {
        authenticate(keyData, in, inOffset, length);
        byte[] expected = new byte[tagLength()];
        boolean match;
        try {
            computeTag(keyData, expected, 0);
            match = ConstantTime.difference(expected, 0, tag, tagOffset, tagLength) == 0;
        } finally {
            Zeroing.wipe(expected);
        }
        if (!match) {
            return false;
        }
        try {
            decryptVerified(keyData, in, inOffset, length, out, outOffset);
        } catch (RuntimeException e) {
            Zeroing.wipe(out, outOffset, outOffset + length);
            throw e;
        }
        return true;
    }

    /** The full tag length in bytes (16 for GCM and Poly1305). */
    int tagLength();

    /** Zeroes all per-message state. Idempotent. */
    void wipe();
}

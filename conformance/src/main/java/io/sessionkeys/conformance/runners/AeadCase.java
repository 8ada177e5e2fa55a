package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.VectorCase;

/** An AEAD vector: JCA's ciphertext is {@code ct || tag}. */
final class AeadCase implements VectorCase {
    final String id;
    final Expectation expectation;
    final byte[] key;
    final byte[] iv;
    final byte[] aad;
    /** The plaintext, or {@code null} for a decryption that must fail. */
    final byte[] msg;
    final byte[] ctAndTag;
    final int tagBits;
    /** Whether encrypting {@code msg} must give {@code ctAndTag} (not for decrypt-only vectors). */
    final boolean checkEncrypt;

    AeadCase(String id, Expectation expectation, byte[] key, byte[] iv, byte[] aad, byte[] msg, byte[] ctAndTag,
            int tagBits, boolean checkEncrypt) {
        this.id = id;
        this.expectation = expectation;
        this.key = key;
        this.iv = iv;
        this.aad = aad;
        this.msg = msg;
        this.ctAndTag = ctAndTag;
        this.tagBits = tagBits;
        this.checkEncrypt = checkEncrypt;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Expectation expectation() {
        return expectation;
    }
}

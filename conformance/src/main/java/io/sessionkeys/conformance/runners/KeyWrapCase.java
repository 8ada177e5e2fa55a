package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.VectorCase;

/** A key-wrap vector: a key-encryption key, key data and its wrapped form. */
final class KeyWrapCase implements VectorCase {
    final String id;
    final Expectation expectation;
    final byte[] kek;
    /** The key data, or {@code null} where the source gives none (a NIST FAIL record). */
    final byte[] msg;
    final byte[] ct;
    /** The length of the key data, known even where {@code msg} is not. */
    final int keyLength;
    /** Whether wrapping {@code msg} must give {@code ct} (false for decrypt-only vectors). */
    final boolean checkWrap;
    /** Whether {@code msg} is key data no one may wrap (empty, or not whole 8-byte blocks for KW). */
    final boolean wrapMustFail;

    KeyWrapCase(String id, Expectation expectation, byte[] kek, byte[] msg, byte[] ct, int keyLength,
            boolean checkWrap, boolean wrapMustFail) {
        this.id = id;
        this.expectation = expectation;
        this.kek = kek;
        this.msg = msg;
        this.ct = ct;
        this.keyLength = keyLength;
        this.checkWrap = checkWrap;
        this.wrapMustFail = wrapMustFail;
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

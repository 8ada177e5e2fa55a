package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.VectorCase;

/** An HKDF extract-then-expand vector; {@code size} is in bytes. */
final class HkdfCase implements VectorCase {
    final String id;
    final Expectation expectation;
    final byte[] ikm;
    final byte[] salt;
    final byte[] info;
    final int size;
    final byte[] okm;

    HkdfCase(String id, Expectation expectation, byte[] ikm, byte[] salt, byte[] info, int size, byte[] okm) {
        this.id = id;
        this.expectation = expectation;
        this.ikm = ikm;
        this.salt = salt;
        this.info = info;
        this.size = size;
        this.okm = okm;
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

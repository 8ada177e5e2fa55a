package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.VectorCase;

/** A Wycheproof {@code IndCpaTest}: {@code ct} includes the padding. */
final class CbcCase implements VectorCase {
    final String id;
    final Expectation expectation;
    final byte[] key;
    final byte[] iv;
    final byte[] msg;
    final byte[] ct;

    CbcCase(String id, Expectation expectation, byte[] key, byte[] iv, byte[] msg, byte[] ct) {
        this.id = id;
        this.expectation = expectation;
        this.key = key;
        this.iv = iv;
        this.msg = msg;
        this.ct = ct;
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

package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.VectorCase;

/** A MAC vector; the tag may be truncated to its leftmost bytes. */
final class MacCase implements VectorCase {
    final String id;
    final Expectation expectation;
    final byte[] key;
    final byte[] msg;
    final byte[] tag;

    MacCase(String id, Expectation expectation, byte[] key, byte[] msg, byte[] tag) {
        this.id = id;
        this.expectation = expectation;
        this.key = key;
        this.msg = msg;
        this.tag = tag;
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

package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.VectorCase;
import java.security.interfaces.RSAPrivateKey;

/** An RSAES-PKCS1-v1_5 decryption vector with its group's private key. */
final class Pkcs1Case implements VectorCase {
    final String id;
    final Expectation expectation;
    final RSAPrivateKey privateKey;
    final byte[] msg;
    final byte[] ct;

    Pkcs1Case(String id, Expectation expectation, RSAPrivateKey privateKey, byte[] msg, byte[] ct) {
        this.id = id;
        this.expectation = expectation;
        this.privateKey = privateKey;
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

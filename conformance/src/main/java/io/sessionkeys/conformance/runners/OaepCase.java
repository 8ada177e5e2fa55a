package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.VectorCase;
import java.security.PrivateKey;
import java.security.spec.AlgorithmParameterSpec;

/** An RSAES-OAEP decryption vector with its group's private key and OAEP parameters. */
final class OaepCase implements VectorCase {
    final String id;
    final Expectation expectation;
    final PrivateKey privateKey;
    final int keyBits;
    final String sha;
    final String mgfSha;
    final AlgorithmParameterSpec params;
    final byte[] msg;
    final byte[] ct;

    OaepCase(String id, Expectation expectation, PrivateKey privateKey, int keyBits, String sha, String mgfSha,
            AlgorithmParameterSpec params, byte[] msg, byte[] ct) {
        this.id = id;
        this.expectation = expectation;
        this.privateKey = privateKey;
        this.keyBits = keyBits;
        this.sha = sha;
        this.mgfSha = mgfSha;
        this.params = params;
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

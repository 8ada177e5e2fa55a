package io.sessionkeys.tests.aead;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AEAD algorithms under test, and how to make their keys and parameters through JCA only.
 */
enum Aead {
    AES_GCM("AES/GCM/NoPadding", "AES", 256, "GCM"),
    CHACHA20_POLY1305("ChaCha20-Poly1305", "ChaCha20", 256, "ChaCha20-Poly1305");

    static final Provider PROVIDER = new SessionKeysProvider();

    final String transformation;
    final String keyAlgorithm;
    final int keyBits;
    final String parametersAlgorithm;

    Aead(String transformation, String keyAlgorithm, int keyBits, String parametersAlgorithm) {
        this.transformation = transformation;
        this.keyAlgorithm = keyAlgorithm;
        this.keyBits = keyBits;
        this.parametersAlgorithm = parametersAlgorithm;
    }

    Cipher cipher() throws GeneralSecurityException {
        return Cipher.getInstance(transformation, PROVIDER);
    }

    /** A fresh session key with the default policy. */
    SecretKey newKey() throws GeneralSecurityException {
        KeyGenerator g = KeyGenerator.getInstance(keyAlgorithm, PROVIDER);
        g.init(keyBits);
        return g.generateKey();
    }

    /** A session key with these bytes and policy (for comparing with other providers). */
    SecretKey importKey(byte[] bytes, KeyPolicy policy) throws GeneralSecurityException {
        SecretKeyFactory f = SecretKeyFactory.getInstance(keyAlgorithm, PROVIDER);
        return f.generateSecret(SessionKeyImportSpec.builder()
                .key(new SecretKeySpec(bytes, keyAlgorithm))
                .policy(policy).build());
    }

    SecretKey importKey(byte[] bytes) throws GeneralSecurityException {
        return importKey(bytes, KeyPolicy.builtInDefaults());
    }

    /** The same bytes as a plain JDK key, for SunJCE and Bouncy Castle. */
    SecretKeySpec foreignKey(byte[] bytes) {
        return new SecretKeySpec(bytes, keyAlgorithm);
    }

    /** Parameters for a nonce with the full 16-byte tag. */
    AlgorithmParameterSpec spec(byte[] nonce) {
        return this == AES_GCM ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce);
    }

    /** The JCA name of the same algorithm for Bouncy Castle. */
    String bouncyCastleTransformation() {
        return this == AES_GCM ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305";
    }
}

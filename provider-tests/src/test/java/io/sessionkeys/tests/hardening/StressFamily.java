package io.sessionkeys.tests.hardening;

import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/** The encrypting ciphers exercised by the stress tests, with the SunJCE name that checks them. */
enum StressFamily {
    AES_GCM("AES/GCM/NoPadding", "AES", 32),
    CHACHA20_POLY1305("ChaCha20-Poly1305", "ChaCha20", 32),
    AES_CTR("AES/CTR/NoPadding", "AES", 16),
    AES_CBC_PKCS5("AES/CBC/PKCS5Padding", "AES", 24),
    AES_ECB_PKCS5("AES/ECB/PKCS5Padding", "AES", 16);

    final String transformation;
    final String keyAlgorithm;
    final int keyBytes;

    StressFamily(String transformation, String keyAlgorithm, int keyBytes) {
        this.transformation = transformation;
        this.keyAlgorithm = keyAlgorithm;
        this.keyBytes = keyBytes;
    }

    boolean aead() {
        return this == AES_GCM || this == CHACHA20_POLY1305;
    }

    /** The parameters that decrypt a message encrypted under {@code iv} (none for ECB). */
    AlgorithmParameterSpec spec(byte[] iv) {
        return iv == null ? null : this == AES_GCM ? new GCMParameterSpec(128, iv) : new IvParameterSpec(iv);
    }
}

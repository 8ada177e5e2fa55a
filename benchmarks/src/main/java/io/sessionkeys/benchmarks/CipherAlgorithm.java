package io.sessionkeys.benchmarks;

import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/** The message ciphers measured, by the label used as the JMH {@code algorithm} parameter. */
public enum CipherAlgorithm {
    AES_128_GCM("AES-128-GCM", "AES", 128, 12, true, "AES/GCM/NoPadding"),
    AES_256_GCM("AES-256-GCM", "AES", 256, 12, true, "AES/GCM/NoPadding"),
    CHACHA20_POLY1305("ChaCha20-Poly1305", "ChaCha20", 256, 12, false,
            "ChaCha20-Poly1305", "ChaCha20/Poly1305/NoPadding"),
    AES_256_CTR("AES-256-CTR", "AES", 256, 16, false, "AES/CTR/NoPadding"),
    AES_256_CBC("AES-256-CBC", "AES", 256, 16, false, "AES/CBC/PKCS5Padding"),
    AES_256_CFB("AES-256-CFB", "AES", 256, 16, false, "AES/CFB/NoPadding"),
    AES_256_CFB8("AES-256-CFB8", "AES", 256, 16, false, "AES/CFB8/NoPadding"),
    AES_256_OFB("AES-256-OFB", "AES", 256, 16, false, "AES/OFB/NoPadding");

    private static final int TAG_BYTES = 16;
    private static final int AES_BLOCK_BYTES = 16;

    private final String label;
    private final String keyAlgorithm;
    private final int keyBits;
    private final int ivBytes;
    private final boolean gcm;
    private final List<String> names;

    CipherAlgorithm(String label, String keyAlgorithm, int keyBits, int ivBytes, boolean gcm, String... names) {
        this.label = label;
        this.keyAlgorithm = keyAlgorithm;
        this.keyBits = keyBits;
        this.ivBytes = ivBytes;
        this.gcm = gcm;
        this.names = List.of(names);
    }

    public static CipherAlgorithm byLabel(String label) {
        for (CipherAlgorithm a : values()) {
            if (a.label.equalsIgnoreCase(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown cipher algorithm '" + label + "'");
    }

    public String label() {
        return label;
    }

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public int keyBits() {
        return keyBits;
    }

    /** The JCA transformation names to try, the standard one first. */
    public List<String> names() {
        return names;
    }

    IvCounter newIvCounter() {
        return new IvCounter(ivBytes);
    }

    AlgorithmParameterSpec parameters(byte[] iv) {
        return gcm ? new GCMParameterSpec(TAG_BYTES * 8, iv) : new IvParameterSpec(iv);
    }

    /** The ciphertext length for a plaintext of {@code plaintextLength} bytes. */
    int ciphertextLength(int plaintextLength) {
        switch (this) {
            case AES_256_CTR:
            case AES_256_CFB:
            case AES_256_CFB8:
            case AES_256_OFB:
                return plaintextLength;
            case AES_256_CBC:
                return (plaintextLength / AES_BLOCK_BYTES + 1) * AES_BLOCK_BYTES;
            default:
                return plaintextLength + TAG_BYTES;
        }
    }
}

package io.sessionkeys.benchmarks;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** The key-wrapping ciphers measured, by the label used as the JMH {@code algorithm} parameter. */
public enum WrapAlgorithm {
    AES_KW("AES-KW", "AES/KW/NoPadding", "AESWrap"),
    AES_KWP("AES-KWP", "AES/KWP/NoPadding", "AESWrapPad"),
    /**
     * RSA-OAEP with SHA-256 and, stated explicitly, MGF1 with SHA-256: SunJCE and Bouncy Castle
     * disagree on which MGF1 hash the bare name implies, so every provider is given the same
     * parameters and does the same work.
     */
    RSA_OAEP_SHA256("RSA-OAEP-SHA256", "RSA/ECB/OAEPWithSHA-256AndMGF1Padding", "RSA/ECB/OAEPPadding");

    static final int RSA_BITS = 2048;

    private final String label;
    private final List<String> names;

    WrapAlgorithm(String label, String... names) {
        this.label = label;
        this.names = List.of(names);
    }

    public static WrapAlgorithm byLabel(String label) {
        for (WrapAlgorithm a : values()) {
            if (a.label.equalsIgnoreCase(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown wrap algorithm '" + label + "'");
    }

    public String label() {
        return label;
    }

    List<String> names() {
        return names;
    }

    boolean isRsa() {
        return this == RSA_OAEP_SHA256;
    }

    /** The parameters given at init, or null for the AES key wraps. */
    AlgorithmParameterSpec parameters() {
        return isRsa()
                ? new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)
                : null;
    }
}

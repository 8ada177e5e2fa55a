package io.sessionkeys.internal.key;

/**
 * An algorithm's own usage limits for one key, with where they come from. A key's effective
 * limit is the smaller of its policy's and its algorithm's.
 *
 * @param maxEncryptions the most encryptions (messages) one key may perform
 * @param maxBytes the most plaintext bytes one key may encrypt
 * @param source the document the limits come from, quoted in the error when one is reached
 */
public record SafetyLimits(long maxEncryptions, long maxBytes, String source) {

    /** No algorithm limit (used where the algorithm has none, such as key derivation). */
    public static final SafetyLimits NONE = new SafetyLimits(Long.MAX_VALUE, Long.MAX_VALUE, "none");

    public SafetyLimits {
        if (maxEncryptions <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}

package io.sessionkeys;

import javax.crypto.KDFParameters;

/**
 * The policy (and optionally the scope) that keys derived through the standard
 * {@code javax.crypto.KDF} API get (JDK 25 and later). This version, in the multi-release jar's
 * {@code META-INF/versions/25}, implements {@code KDFParameters}; the Java 17 version has the same
 * members and nothing to be used with. Without it, derived keys get the provider's configured
 * default policy.
 *
 * <pre>{@code
 * KDF hkdf = KDF.getInstance("HKDF-SHA256", new SessionKeyKdfParameters(policy, null), "SessionKeys");
 * SecretKey key = hkdf.deriveKey("AES", HKDFParameterSpec.ofExtract()
 *         .addIKM(sharedSecret).addSalt(salt).thenExpand(info, 32));
 * }</pre>
 */
public final class SessionKeyKdfParameters implements KDFParameters {

    private final KeyPolicy policy;
    private final KeyScope scope;

    /**
     * @param policy the derived keys' policy, or {@code null} for the configured default
     * @param scope a scope to bind every derived key to, or {@code null}
     */
    public SessionKeyKdfParameters(KeyPolicy policy, KeyScope scope) {
        this.policy = policy;
        this.scope = scope;
    }

    /** The policy, or {@code null} for the provider's configured default. */
    public KeyPolicy policy() {
        return policy;
    }

    /** The scope, or {@code null}. */
    public KeyScope scope() {
        return scope;
    }

    @Override
    public String toString() {
        return "SessionKeyKdfParameters[" + (policy == null ? "default policy" : policy)
                + (scope == null ? "" : ", " + scope) + "]";
    }
}

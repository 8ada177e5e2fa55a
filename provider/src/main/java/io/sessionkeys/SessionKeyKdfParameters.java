package io.sessionkeys;

/**
 * The policy (and optionally the scope) that keys derived through the standard
 * {@code javax.crypto.KDF} API get. This is the Java 17 version, which keeps the public API the
 * same on every JDK: there is no {@code KDF} API before JDK 25. On JDK 25 the multi-release jar's
 * {@code META-INF/versions/25} holds the version that implements {@code javax.crypto.KDFParameters}.
 * Without it, derived keys get the provider's configured default policy.
 *
 * <pre>{@code
 * KDF hkdf = KDF.getInstance("HKDF-SHA256", new SessionKeyKdfParameters(policy, null), "SessionKeys");
 * SecretKey key = hkdf.deriveKey("AES", HKDFParameterSpec.ofExtract()
 *         .addIKM(sharedSecret).addSalt(salt).thenExpand(info, 32));
 * }</pre>
 */
public final class SessionKeyKdfParameters {

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

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
 * KDF hkdf = KDF.getInstance("HKDF-SHA256", SessionKeyKdfParameters.builder().policy(policy).build(), "SessionKeys");
 * SecretKey key = hkdf.deriveKey("AES", HKDFParameterSpec.ofExtract()
 *         .addIKM(sharedSecret).addSalt(salt).thenExpand(info, 32));
 * }</pre>
 */
public final class SessionKeyKdfParameters implements KDFParameters {

    private final KeyPolicy policy;
    private final KeyScope scope;

    private SessionKeyKdfParameters(Builder b) {
        this.policy = b.policy;
        this.scope = b.scope;
    }

    public static Builder builder() {
        return new Builder();
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

    /** Builds {@link SessionKeyKdfParameters}; both parts are optional. */
    public static final class Builder {

        private KeyPolicy policy;
        private KeyScope scope;

        private Builder() {
        }

        /** The derived keys' policy; without it, the provider's configured default. */
        public Builder policy(KeyPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** A scope to bind every derived key to; without it, none. */
        public Builder scope(KeyScope scope) {
            this.scope = scope;
            return this;
        }

        public SessionKeyKdfParameters build() {
            return new SessionKeyKdfParameters(this);
        }
    }
}

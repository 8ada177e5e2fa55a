package io.sessionkeys;

import java.security.spec.AlgorithmParameterSpec;

/**
 * What a key made by unwrapping gets: its policy, optionally a scope, and the wrapping cipher's
 * own parameters. Pass it to {@code Cipher.init(Cipher.UNWRAP_MODE, kek, spec)} of a SessionKeys
 * wrapping cipher ({@code AES/KW/NoPadding}, {@code AES/KWP/NoPadding}, {@code RSA/ECB/OAEP...}).
 *
 * <pre>{@code
 * Cipher c = Cipher.getInstance("AES/KW/NoPadding", "SessionKeys");
 * c.init(Cipher.UNWRAP_MODE, kek, SessionKeyUnwrapSpec.builder()
 *         .policy(KeyPolicy.builder().lifetime(Duration.ofMinutes(10)).build())
 *         .scope(scope)
 *         .build());
 * SessionKey k = (SessionKey) c.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
 * }</pre>
 *
 * <p>Without this spec, an unwrapped key gets the provider's configured default policy and no
 * scope. Wrapping ciphers in {@code WRAP_MODE} accept the spec too and use only its inner
 * parameters, so one spec can serve both directions.
 */
public final class SessionKeyUnwrapSpec implements AlgorithmParameterSpec {

    private final KeyPolicy policy;
    private final KeyScope scope;
    private final AlgorithmParameterSpec cipherParameters;

    private SessionKeyUnwrapSpec(Builder b) {
        this.policy = b.policy;
        this.scope = b.scope;
        this.cipherParameters = b.cipherParameters;
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

    /** The wrapping cipher's own parameters, or {@code null} for its defaults. */
    public AlgorithmParameterSpec cipherParameters() {
        return cipherParameters;
    }

    @Override
    public String toString() {
        return "SessionKeyUnwrapSpec[" + (policy == null ? "default policy" : policy)
                + (scope == null ? "" : ", " + scope)
                + (cipherParameters == null ? "" : ", " + cipherParameters.getClass().getSimpleName()) + "]";
    }

    /** Builds a {@link SessionKeyUnwrapSpec}; every part is optional. */
    public static final class Builder {

        private KeyPolicy policy;
        private KeyScope scope;
        private AlgorithmParameterSpec cipherParameters;

        private Builder() {
        }

        /** The unwrapped key's policy; without it, the provider's configured default. */
        public Builder policy(KeyPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** A scope to bind the unwrapped key to; without it, none. */
        public Builder scope(KeyScope scope) {
            this.scope = scope;
            return this;
        }

        /**
         * The wrapping cipher's own parameters: an {@code IvParameterSpec} (the ICV of AES-KW), an
         * {@code OAEPParameterSpec}; without them, the cipher's defaults.
         *
         * @throws IllegalArgumentException for another {@code SessionKeyUnwrapSpec}
         */
        public Builder cipherParameters(AlgorithmParameterSpec cipherParameters) {
            if (cipherParameters instanceof SessionKeyUnwrapSpec) {
                throw new IllegalArgumentException("a SessionKeyUnwrapSpec cannot contain another one");
            }
            this.cipherParameters = cipherParameters;
            return this;
        }

        public SessionKeyUnwrapSpec build() {
            return new SessionKeyUnwrapSpec(this);
        }
    }
}

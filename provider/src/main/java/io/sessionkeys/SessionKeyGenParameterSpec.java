package io.sessionkeys;

import java.security.spec.AlgorithmParameterSpec;

/**
 * Parameters for a SessionKeys {@code KeyGenerator}: the key size, the key's policy and,
 * optionally, a scope that owns the key.
 *
 * <pre>{@code
 * KeyGenerator kg = KeyGenerator.getInstance("AES", "SessionKeys");
 * kg.init(SessionKeyGenParameterSpec.builder()
 *         .keySize(256)
 *         .policy(KeyPolicy.builder().lifetime(Duration.ofHours(1)).build())
 *         .build());
 * }</pre>
 */
public final class SessionKeyGenParameterSpec implements AlgorithmParameterSpec {

    private final int keySizeBits;
    private final KeyPolicy policy;
    private final KeyScope scope;

    private SessionKeyGenParameterSpec(Builder b) {
        this.keySizeBits = b.keySizeBits;
        this.policy = b.policy;
        this.scope = b.scope;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int keySizeBits() {
        return keySizeBits;
    }

    /** The policy, or {@code null} for the provider's configured default. */
    public KeyPolicy policy() {
        return policy;
    }

    /** The scope generated keys are bound to, or {@code null}. */
    public KeyScope scope() {
        return scope;
    }

    @Override
    public String toString() {
        return "SessionKeyGenParameterSpec[" + keySizeBits + " bits, "
                + (policy == null ? "default policy" : policy) + (scope == null ? "" : ", " + scope) + "]";
    }

    /** Builds a {@link SessionKeyGenParameterSpec}; the key size is required. */
    public static final class Builder {

        private boolean keySizeSet;
        private int keySizeBits;
        private KeyPolicy policy;
        private KeyScope scope;

        private Builder() {
        }

        /** The key size in bits (the generator checks it against the algorithm). */
        public Builder keySize(int bits) {
            this.keySizeBits = bits;
            this.keySizeSet = true;
            return this;
        }

        /** The key's policy; without it, the provider's configured default. */
        public Builder policy(KeyPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** A scope to bind every generated key to; without it, none. */
        public Builder scope(KeyScope scope) {
            this.scope = scope;
            return this;
        }

        public SessionKeyGenParameterSpec build() {
            if (!keySizeSet) {
                throw new IllegalStateException("a SessionKeyGenParameterSpec needs a key size: call keySize(bits)");
            }
            return new SessionKeyGenParameterSpec(this);
        }
    }
}

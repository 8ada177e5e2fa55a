package io.sessionkeys;

import java.security.spec.AlgorithmParameterSpec;

/**
 * Parameters for a SessionKeys {@code KeyGenerator}: the key size, the key's policy and,
 * optionally, a scope that owns the key.
 *
 * <pre>{@code
 * KeyGenerator kg = KeyGenerator.getInstance("AES", "SessionKeys");
 * kg.init(new SessionKeyGenParameterSpec(256, KeyPolicy.builder().lifetime(Duration.ofHours(1)).build()));
 * }</pre>
 */
public final class SessionKeyGenParameterSpec implements AlgorithmParameterSpec {

    private final int keySizeBits;
    private final KeyPolicy policy;
    private final KeyScope scope;

    /**
     * @param keySizeBits the key size in bits
     * @param policy the key's policy, or {@code null} for the provider's configured default
     */
    public SessionKeyGenParameterSpec(int keySizeBits, KeyPolicy policy) {
        this(keySizeBits, policy, null);
    }

    /**
     * @param keySizeBits the key size in bits
     * @param policy the key's policy, or {@code null} for the provider's configured default
     * @param scope a scope to bind every generated key to, or {@code null}
     */
    public SessionKeyGenParameterSpec(int keySizeBits, KeyPolicy policy, KeyScope scope) {
        this.keySizeBits = keySizeBits;
        this.policy = policy;
        this.scope = scope;
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
}

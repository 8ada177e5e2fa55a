package io.sessionkeys;

import java.security.spec.AlgorithmParameterSpec;

/**
 * What a key made by unwrapping gets: its policy, optionally a scope, and the wrapping cipher's
 * own parameters. Pass it to {@code Cipher.init(Cipher.UNWRAP_MODE, kek, spec)} of a SessionKeys
 * wrapping cipher ({@code AES/KW/NoPadding}, {@code AES/KWP/NoPadding}, {@code RSA/ECB/OAEP...}).
 *
 * <pre>{@code
 * Cipher c = Cipher.getInstance("AES/KW/NoPadding", "SessionKeys");
 * c.init(Cipher.UNWRAP_MODE, kek, new SessionKeyUnwrapSpec(
 *         KeyPolicy.builder().lifetime(Duration.ofMinutes(10)).build(), scope, null));
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

    /**
     * @param policy the unwrapped key's policy, or {@code null} for the configured default
     * @param scope a scope to bind the unwrapped key to, or {@code null}
     * @param cipherParameters the wrapping cipher's own parameters, or {@code null} for its
     *     defaults: an {@code IvParameterSpec} (the ICV of AES-KW), an {@code OAEPParameterSpec}
     */
    public SessionKeyUnwrapSpec(KeyPolicy policy, KeyScope scope, AlgorithmParameterSpec cipherParameters) {
        if (cipherParameters instanceof SessionKeyUnwrapSpec) {
            throw new IllegalArgumentException("a SessionKeyUnwrapSpec cannot contain another one");
        }
        this.policy = policy;
        this.scope = scope;
        this.cipherParameters = cipherParameters;
    }

    /** A spec that only sets the policy. */
    public SessionKeyUnwrapSpec(KeyPolicy policy) {
        this(policy, null, null);
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
}

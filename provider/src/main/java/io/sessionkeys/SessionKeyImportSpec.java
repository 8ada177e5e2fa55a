package io.sessionkeys;

import java.security.spec.KeySpec;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * Raw key bytes to import into a session key, with the policy (and optionally the scope) the
 * imported key gets: the SessionKeys equivalent of CryptoAPI's {@code CryptImportKey} with a
 * plaintext key blob. A plain {@link SecretKeySpec} may be passed to the factory instead; the key
 * then gets the provider's configured default policy.
 *
 * <p>The provider copies the bytes off the heap and zeroes its own transient copy. It cannot
 * zero the caller's {@code SecretKeySpec}, which keeps its bytes until garbage-collected: zero
 * the array you built it from, and drop the spec promptly.
 */
public final class SessionKeyImportSpec implements KeySpec {

    private final SecretKeySpec material;
    private final KeyPolicy policy;
    private final KeyScope scope;

    /**
     * @param material the raw key and its algorithm
     * @param policy the imported key's policy, or {@code null} for the configured default
     * @param scope a scope to bind the imported key to, or {@code null}
     */
    public SessionKeyImportSpec(SecretKeySpec material, KeyPolicy policy, KeyScope scope) {
        this.material = Objects.requireNonNull(material, "material");
        this.policy = policy;
        this.scope = scope;
    }

    public SecretKeySpec material() {
        return material;
    }

    /** The policy, or {@code null} for the provider's configured default. */
    public KeyPolicy policy() {
        return policy;
    }

    /** The scope, or {@code null}. */
    public KeyScope scope() {
        return scope;
    }

    /** Never shows the material. */
    @Override
    public String toString() {
        return "SessionKeyImportSpec[" + material.getAlgorithm() + ", "
                + (policy == null ? "default policy" : policy) + "]";
    }
}

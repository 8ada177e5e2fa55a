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
 * <p>Two forms, because of where copies of the bytes remain on the heap:
 * <ul>
 * <li>{@link #SessionKeyImportSpec(SecretKeySpec, KeyPolicy, KeyScope)}: the provider copies the
 *     bytes off the heap and zeroes its own transient copy, but it cannot zero the
 *     {@code SecretKeySpec}'s internal copy, which stays in the heap until garbage-collected (and
 *     possibly after, in memory the collector has not reused).</li>
 * <li>{@link #consuming(byte[], String, KeyPolicy, KeyScope)}: the spec keeps a reference to the
 *     caller's array, and the factory zeroes that very array once the key is made (a refused import
 *     leaves it intact). No heap copy outlives the import. The spec can be used once.</li>
 * </ul>
 */
public final class SessionKeyImportSpec implements KeySpec {

    private final SecretKeySpec material;
    private final byte[] consumed;
    private final String algorithm;
    private final KeyPolicy policy;
    private final KeyScope scope;

    /**
     * @param material the raw key and its algorithm
     * @param policy the imported key's policy, or {@code null} for the configured default
     * @param scope a scope to bind the imported key to, or {@code null}
     */
    public SessionKeyImportSpec(SecretKeySpec material, KeyPolicy policy, KeyScope scope) {
        this.material = Objects.requireNonNull(material, "material");
        this.consumed = null;
        this.algorithm = material.getAlgorithm();
        this.policy = policy;
        this.scope = scope;
    }

    private SessionKeyImportSpec(byte[] key, String algorithm, KeyPolicy policy, KeyScope scope) {
        this.material = null;
        this.consumed = Objects.requireNonNull(key, "key");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.policy = policy;
        this.scope = scope;
    }

    /**
     * An import that takes {@code key} over: the factory zeroes it after copying it off the heap.
     *
     * @param key the raw key bytes; zeroed by the import
     * @param algorithm the key algorithm, such as "AES"
     * @param policy the imported key's policy, or {@code null} for the configured default
     * @param scope a scope to bind the imported key to, or {@code null}
     */
    public static SessionKeyImportSpec consuming(byte[] key, String algorithm, KeyPolicy policy, KeyScope scope) {
        return new SessionKeyImportSpec(key, algorithm, policy, scope);
    }

    /** The key algorithm, such as "AES". */
    public String algorithm() {
        return algorithm;
    }

    /**
     * For the importing factory: the bytes to import, in an array the caller of this method must
     * zero when done. For the {@link #consuming} form this is the original array itself.
     */
    public byte[] keyBytesForImport() {
        return consumed != null ? consumed : material.getEncoded();
    }

    /** Whether this spec takes over the caller's array (the {@link #consuming} form). */
    public boolean isConsuming() {
        return consumed != null;
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
        return "SessionKeyImportSpec[" + algorithm + ", " + (policy == null ? "default policy" : policy) + "]";
    }
}

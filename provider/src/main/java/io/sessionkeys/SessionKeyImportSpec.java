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
 * <pre>{@code
 * SecretKeyFactory f = SecretKeyFactory.getInstance("AES", "SessionKeys");
 * SecretKey key = f.generateSecret(SessionKeyImportSpec.builder()
 *         .consume(bytes, "AES")        // or .key(secretKeySpec)
 *         .policy(policy)
 *         .build());
 * }</pre>
 *
 * <p>Two sources, because of where copies of the bytes remain on the heap:
 * <ul>
 * <li>{@link Builder#key(SecretKeySpec)}: the provider copies the bytes off the heap and zeroes its
 *     own transient copy, but it cannot zero the {@code SecretKeySpec}'s internal copy, which stays
 *     in the heap until garbage-collected (and possibly after, in memory the collector has not
 *     reused).</li>
 * <li>{@link Builder#consume(byte[], String)}: the spec keeps a reference to the caller's array,
 *     and the factory zeroes that very array once the key is made (a refused import leaves it
 *     intact). No heap copy outlives the import. The spec can be used once.</li>
 * </ul>
 *
 * <p>The spec never gives its bytes back: only the provider reads them (through
 * {@link SpecAccess}, which application code cannot obtain).
 */
public final class SessionKeyImportSpec implements KeySpec {

    private final SecretKeySpec material;
    private final byte[] consumed;
    private final String algorithm;
    private final KeyPolicy policy;
    private final KeyScope scope;

    private SessionKeyImportSpec(Builder b) {
        this.material = b.material;
        this.consumed = b.consumed;
        this.algorithm = b.material != null ? b.material.getAlgorithm() : b.algorithm;
        this.policy = b.policy;
        this.scope = b.scope;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The key algorithm, such as "AES". */
    public String algorithm() {
        return algorithm;
    }

    /** The policy, or {@code null} for the provider's configured default. */
    public KeyPolicy policy() {
        return policy;
    }

    /** The scope, or {@code null}. */
    public KeyScope scope() {
        return scope;
    }

    /** The bytes to import, in an array the caller zeroes; for a consuming spec the original array. */
    byte[] keyBytes() {
        return consumed != null ? consumed : material.getEncoded();
    }

    /** Whether this spec took over the caller's array (so a refused import must leave it intact). */
    boolean consumesCallerArray() {
        return consumed != null;
    }

    /** Never shows the material. */
    @Override
    public String toString() {
        return "SessionKeyImportSpec[" + algorithm + ", " + (policy == null ? "default policy" : policy) + "]";
    }

    /** Builds a {@link SessionKeyImportSpec}: exactly one source of key bytes, the rest optional. */
    public static final class Builder {

        private SecretKeySpec material;
        private byte[] consumed;
        private String algorithm;
        private KeyPolicy policy;
        private KeyScope scope;

        private Builder() {
        }

        /** Imports the raw key and algorithm of {@code material} (whose own copy cannot be zeroed). */
        public Builder key(SecretKeySpec material) {
            this.material = Objects.requireNonNull(material, "material");
            return this;
        }

        /**
         * Imports {@code key} and takes it over: the factory zeroes it after copying it off the heap
         * (a refused import leaves it intact).
         *
         * @param algorithm the key algorithm, such as "AES"
         */
        public Builder consume(byte[] key, String algorithm) {
            this.consumed = Objects.requireNonNull(key, "key");
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /** The imported key's policy; without it, the provider's configured default. */
        public Builder policy(KeyPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** A scope to bind the imported key to; without it, none. */
        public Builder scope(KeyScope scope) {
            this.scope = scope;
            return this;
        }

        /** @throws IllegalStateException unless exactly one of {@code key} and {@code consume} was called */
        public SessionKeyImportSpec build() {
            if ((material == null) == (consumed == null)) {
                throw new IllegalStateException("a SessionKeyImportSpec needs exactly one source of key bytes:"
                        + " key(SecretKeySpec) or consume(byte[], algorithm)");
            }
            return new SessionKeyImportSpec(this);
        }
    }
}

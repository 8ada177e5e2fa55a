package io.sessionkeys;

import java.security.spec.AlgorithmParameterSpec;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * What to derive with HKDF (RFC 5869) into a session key: the provider-specific route that works
 * on every JDK from 17 on, in the shape the JDK itself used for key derivation before
 * {@code javax.crypto.KDF} (a {@code KeyGenerator} initialized with a parameter spec, as for its
 * TLS PRF).
 *
 * <pre>{@code
 * KeyGenerator hkdf = KeyGenerator.getInstance("HKDF-SHA256", "SessionKeys");
 * hkdf.init(SessionKeyDerivationSpec.builder()
 *         .input(sharedSecret)              // a session key, a RAW SecretKey, or bytes
 *         .salt(salt).info(info)
 *         .key("AES", 256)
 *         .policy(KeyPolicy.builder().lifetime(Duration.ofMinutes(30)).build())
 *         .build());
 * SecretKey sessionKey = hkdf.generateKey();
 * }</pre>
 *
 * <p>Input bytes given with {@link Builder#input(byte[])} are not copied: the array is read when
 * the key is generated, and the caller zeroes it afterwards. A session key as input is read only
 * through the provider (never copied to the heap) and must be {@code ACTIVE}: deriving makes new
 * keys. A derived key may not be exported in a way its input session key may not: if the input
 * forbids plaintext export (or wrapping), so must the derived key's policy.
 */
public final class SessionKeyDerivationSpec implements AlgorithmParameterSpec {

    /** The ways RFC 5869 can be used. */
    public enum Mode {
        /** Extract a PRK from the input and salt, then expand it with the info: the usual case. */
        EXTRACT_THEN_EXPAND,
        /** Only extract: the derived key is the PRK, as long as the hash output. */
        EXTRACT_ONLY,
        /** The input already is a pseudorandom key (PRK): only expand. */
        EXPAND_ONLY
    }

    private static final byte[] EMPTY = new byte[0];

    private final Mode mode;
    private final SecretKey inputKey;
    private final byte[] inputBytes;
    private final byte[] salt;
    private final byte[] info;
    private final String keyAlgorithm;
    private final int keySizeBits;
    private final KeyPolicy policy;
    private final KeyScope scope;

    private SessionKeyDerivationSpec(Builder b) {
        this.mode = b.mode;
        this.inputKey = b.inputKey;
        this.inputBytes = b.inputBytes;
        this.salt = b.salt;
        this.info = b.info;
        this.keyAlgorithm = b.keyAlgorithm;
        this.keySizeBits = b.keySizeBits;
        this.policy = b.policy;
        this.scope = b.scope;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Mode mode() {
        return mode;
    }

    /** The input key (IKM, or the PRK for {@link Mode#EXPAND_ONLY}), or {@code null} if bytes were given. */
    public SecretKey inputKey() {
        return inputKey;
    }

    /** The caller's input bytes themselves (not a copy), or {@code null}; read through {@link SpecAccess}. */
    byte[] inputBytes() {
        return inputBytes;
    }

    /** A copy of the salt; empty if none was given (RFC 5869's default). */
    public byte[] salt() {
        return salt.clone();
    }

    /** A copy of the context and application specific info; empty if none was given. */
    public byte[] info() {
        return info.clone();
    }

    /** The derived key's algorithm, such as "AES" or "HmacSHA256". */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public int keySizeBits() {
        return keySizeBits;
    }

    /** The derived key's policy, or {@code null} for the provider's configured default. */
    public KeyPolicy policy() {
        return policy;
    }

    /** A scope to bind the derived key to, or {@code null}. */
    public KeyScope scope() {
        return scope;
    }

    /** Shows the mode, sizes and policy; never the input, salt or info. */
    @Override
    public String toString() {
        return "SessionKeyDerivationSpec[" + mode + ", input " + (inputKey != null ? "key" : "bytes")
                + ", salt " + salt.length + " bytes, info " + info.length + " bytes, " + keyAlgorithm + "-"
                + keySizeBits + ", " + (policy == null ? "default policy" : policy) + "]";
    }

    /** Builds a {@link SessionKeyDerivationSpec}; an input and a key algorithm and size are required. */
    public static final class Builder {
        private Mode mode = Mode.EXTRACT_THEN_EXPAND;
        private SecretKey inputKey;
        private byte[] inputBytes;
        private byte[] salt = EMPTY;
        private byte[] info = EMPTY;
        private String keyAlgorithm;
        private int keySizeBits;
        private KeyPolicy policy;
        private KeyScope scope;

        private Builder() {
        }

        /** A session key (read through the provider) or a key with a RAW encoding. */
        public Builder input(SecretKey key) {
            this.inputKey = Objects.requireNonNull(key, "input key");
            this.inputBytes = null;
            return this;
        }

        /** Input bytes, read at derivation time (not copied): zero them yourself afterwards. */
        public Builder input(byte[] bytes) {
            this.inputBytes = Objects.requireNonNull(bytes, "input bytes");
            this.inputKey = null;
            return this;
        }

        /** The salt (copied); none means RFC 5869's default of hash-length zero bytes. */
        public Builder salt(byte[] salt) {
            this.salt = Objects.requireNonNull(salt, "salt").clone();
            return this;
        }

        /** Context and application specific information (copied). */
        public Builder info(byte[] info) {
            this.info = Objects.requireNonNull(info, "info").clone();
            return this;
        }

        /** Only the extract step: the derived key is the PRK. */
        public Builder extractOnly() {
            this.mode = Mode.EXTRACT_ONLY;
            return this;
        }

        /** Only the expand step: the input is a PRK. */
        public Builder expandOnly() {
            this.mode = Mode.EXPAND_ONLY;
            return this;
        }

        /** The derived key's algorithm ("AES", "ChaCha20", "HmacSHA256", ...) and size. */
        public Builder key(String algorithm, int sizeBits) {
            this.keyAlgorithm = Objects.requireNonNull(algorithm, "key algorithm");
            this.keySizeBits = sizeBits;
            return this;
        }

        /** The derived key's policy; {@code null} (the default) for the provider's configured one. */
        public Builder policy(KeyPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** A scope whose closing destroys the derived key. */
        public Builder scope(KeyScope scope) {
            this.scope = scope;
            return this;
        }

        /** @throws IllegalStateException if the input or the key algorithm is missing */
        public SessionKeyDerivationSpec build() {
            if (inputKey == null && inputBytes == null) {
                throw new IllegalStateException("an HKDF derivation needs an input: input(SecretKey) or input(byte[])");
            }
            if (keyAlgorithm == null) {
                throw new IllegalStateException("an HKDF derivation needs the derived key's algorithm and size:"
                        + " key(\"AES\", 256)");
            }
            return new SessionKeyDerivationSpec(this);
        }
    }
}

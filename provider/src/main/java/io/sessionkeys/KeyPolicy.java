package io.sessionkeys;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a session key may do and for how long: an immutable value, made with {@link #builder()}.
 *
 * <p>Lifetimes count from the key's creation. When the encryption lifetime or an encryption
 * limit is over, the key becomes {@link KeyState#DECRYPT_ONLY}; when the decryption lifetime is
 * over, it is destroyed ({@link DestroyReason#EXPIRED}). An unset limit means "the algorithm's
 * safety limit": each cipher applies its own (for AES-GCM with random IVs, 2<sup>32</sup>
 * encryptions, NIST SP 800-38D §8.3), and a limit set here can only lower it.
 *
 * <p>The provider's configuration supplies the defaults for keys made without a policy; see
 * the README's configuration reference.
 */
public final class KeyPolicy {

    private static final KeyPolicy BUILT_IN = builder().build();

    private final Duration encryptLifetime;
    private final Duration decryptLifetime;
    private final long maxEncryptions;
    private final long maxBytes;
    private final boolean wrappable;
    private final boolean plaintextExportable;

    private KeyPolicy(Builder b) {
        this.encryptLifetime = b.encryptLifetime;
        this.decryptLifetime = b.decryptLifetime;
        this.maxEncryptions = b.maxEncryptions;
        this.maxBytes = b.maxBytes;
        this.wrappable = b.wrappable;
        this.plaintextExportable = b.plaintextExportable;
    }

    /**
     * The built-in defaults: no time limit, the algorithms' safety limits, wrapping allowed,
     * plaintext export forbidden.
     */
    public static KeyPolicy builtInDefaults() {
        return BUILT_IN;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this policy's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.encryptLifetime = encryptLifetime;
        b.decryptLifetime = decryptLifetime;
        b.maxEncryptions = maxEncryptions;
        b.maxBytes = maxBytes;
        b.wrappable = wrappable;
        b.plaintextExportable = plaintextExportable;
        return b;
    }

    /** How long after creation the key may encrypt; empty for no time limit. */
    public Optional<Duration> encryptLifetime() {
        return Optional.ofNullable(encryptLifetime);
    }

    /** How long after creation the key may decrypt; empty for no time limit. */
    public Optional<Duration> decryptLifetime() {
        return Optional.ofNullable(decryptLifetime);
    }

    /** The most encryptions the key may perform; empty for the algorithm's safety limit. */
    public OptionalLong maxEncryptions() {
        return maxEncryptions == 0 ? OptionalLong.empty() : OptionalLong.of(maxEncryptions);
    }

    /** The most plaintext bytes the key may encrypt; empty for the algorithm's safety limit. */
    public OptionalLong maxBytes() {
        return maxBytes == 0 ? OptionalLong.empty() : OptionalLong.of(maxBytes);
    }

    /** Whether the key may leave the provider wrapped under another key. */
    public boolean wrappable() {
        return wrappable;
    }

    /** Whether {@code getEncoded()} and {@code SecretKeyFactory.getKeySpec} may reveal the key. */
    public boolean plaintextExportable() {
        return plaintextExportable;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KeyPolicy)) {
            return false;
        }
        KeyPolicy p = (KeyPolicy) o;
        return Objects.equals(encryptLifetime, p.encryptLifetime)
                && Objects.equals(decryptLifetime, p.decryptLifetime)
                && maxEncryptions == p.maxEncryptions
                && maxBytes == p.maxBytes
                && wrappable == p.wrappable
                && plaintextExportable == p.plaintextExportable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(encryptLifetime, decryptLifetime, maxEncryptions, maxBytes,
                wrappable, plaintextExportable);
    }

    @Override
    public String toString() {
        return "KeyPolicy[encrypt for " + describe(encryptLifetime)
                + ", decrypt for " + describe(decryptLifetime)
                + ", max encryptions " + describe(maxEncryptions)
                + ", max bytes " + describe(maxBytes)
                + (wrappable ? ", may be wrapped" : ", may not be wrapped")
                + (plaintextExportable ? ", plaintext export allowed" : ", no plaintext export")
                + "]";
    }

    private static String describe(Duration d) {
        return d == null ? "unlimited time" : d.toString();
    }

    private static String describe(long limit) {
        return limit == 0 ? "(algorithm limit)" : Long.toString(limit);
    }

    /** Builds a {@link KeyPolicy}; {@link #build()} checks that the values fit together. */
    public static final class Builder {
        private Duration encryptLifetime;
        private Duration decryptLifetime;
        private long maxEncryptions;
        private long maxBytes;
        private boolean wrappable = true;
        private boolean plaintextExportable;

        private Builder() {
        }

        /** How long after creation the key may encrypt; {@code null} for no time limit. */
        public Builder encryptLifetime(Duration lifetime) {
            this.encryptLifetime = positiveOrNull(lifetime, "encryptLifetime");
            return this;
        }

        /**
         * How long after creation the key may decrypt; {@code null} for no time limit. Must not
         * be shorter than the encryption lifetime.
         */
        public Builder decryptLifetime(Duration lifetime) {
            this.decryptLifetime = positiveOrNull(lifetime, "decryptLifetime");
            return this;
        }

        /** Sets both lifetimes to the same value: the key is destroyed when it stops encrypting. */
        public Builder lifetime(Duration lifetime) {
            return encryptLifetime(lifetime).decryptLifetime(lifetime);
        }

        /** The most encryptions; 0 for the algorithm's safety limit. */
        public Builder maxEncryptions(long max) {
            this.maxEncryptions = nonNegative(max, "maxEncryptions");
            return this;
        }

        /** The most plaintext bytes encrypted; 0 for the algorithm's safety limit. */
        public Builder maxBytes(long max) {
            this.maxBytes = nonNegative(max, "maxBytes");
            return this;
        }

        public Builder wrappable(boolean allowed) {
            this.wrappable = allowed;
            return this;
        }

        public Builder plaintextExportable(boolean allowed) {
            this.plaintextExportable = allowed;
            return this;
        }

        /**
         * @throws IllegalArgumentException if the decryption lifetime is shorter than the
         *     encryption lifetime, or is set while the encryption lifetime is not
         */
        public KeyPolicy build() {
            if (decryptLifetime != null) {
                if (encryptLifetime == null) {
                    throw new IllegalArgumentException("decryptLifetime " + decryptLifetime
                            + " is set but encryptLifetime is unlimited: a key cannot encrypt"
                            + " longer than it can decrypt; set encryptLifetime too");
                }
                if (decryptLifetime.compareTo(encryptLifetime) < 0) {
                    throw new IllegalArgumentException("decryptLifetime " + decryptLifetime
                            + " is shorter than encryptLifetime " + encryptLifetime
                            + ": a key must be able to decrypt what it encrypted");
                }
            }
            return new KeyPolicy(this);
        }

        private static Duration positiveOrNull(Duration d, String name) {
            if (d != null && (d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }

        private static long nonNegative(long v, String name) {
            if (v < 0) {
                throw new IllegalArgumentException(name + " must be 0 (algorithm limit) or positive, was " + v);
            }
            return v;
        }
    }
}

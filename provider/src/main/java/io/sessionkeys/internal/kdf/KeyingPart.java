package io.sessionkeys.internal.kdf;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.KeyingSource;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import javax.crypto.SecretKey;

/**
 * One piece of HKDF input keying material or salt: caller bytes, a session key (read only through
 * its gate, as {@link KeyUse#PROTECT}: deriving makes new keys), or a foreign key with a RAW
 * encoding (its encoding is copied, used and zeroed).
 */
abstract class KeyingPart implements KeyingSource {

    static KeyingPart of(byte[] bytes) {
        return new Bytes(bytes);
    }

    static KeyingPart of(SecretKey key, String role) throws InvalidAlgorithmParameterException {
        if (key == null) {
            throw new InvalidAlgorithmParameterException("the HKDF " + role + " key is null");
        }
        if (key instanceof ManagedSessionKey) {
            return new Session((ManagedSessionKey) key, role);
        }
        return new Foreign(key, role);
    }

    /** Refuses a part that cannot be read now (destroyed or DECRYPT_ONLY key, no encoding). */
    abstract void checkUsable() throws InvalidAlgorithmParameterException;

    /** Hands this part to {@code sink} without leaving a copy on the heap (a foreign key's copy is zeroed). */
    @Override
    public abstract void feed(Sink sink);

    /** The policy of the session key this part is, or {@code null} for bytes and foreign keys. */
    KeyPolicy policy() {
        return null;
    }

    /** Records that plaintext was derived from this part, if it is a session key. */
    void recordDerivedData() throws InvalidAlgorithmParameterException {
    }

    private static final class Bytes extends KeyingPart {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        void checkUsable() {
        }

        @Override
        public void feed(Sink sink) {
            sink.bytes(bytes, 0, bytes.length);
        }
    }

    private static final class Session extends KeyingPart {
        private final ManagedSessionKey key;
        private final String role;

        Session(ManagedSessionKey key, String role) {
            this.key = key;
            this.role = role;
        }

        ManagedSessionKey key() {
            return key;
        }

        @Override
        void checkUsable() throws InvalidAlgorithmParameterException {
            try {
                key.checkUsable(KeyUse.PROTECT);
            } catch (InvalidKeyException e) {
                throw new InvalidAlgorithmParameterException("the HKDF " + role + " cannot be used: " + e.getMessage(), e);
            }
        }

        @Override
        public void feed(Sink sink) {
            key.withMaterial(KeyUse.PROTECT, null, material -> {
                sink.material(material, 0, material.limit());
                return null;
            });
        }

        @Override
        KeyPolicy policy() {
            return key.policy();
        }

        @Override
        void recordDerivedData() throws InvalidAlgorithmParameterException {
            try {
                key.recordExport("HKDF deriveData", true);
            } catch (InvalidKeyException e) {
                throw new InvalidAlgorithmParameterException(e.getMessage(), e);
            }
        }
    }

    private static final class Foreign extends KeyingPart {
        private final SecretKey key;
        private final String role;

        Foreign(SecretKey key, String role) {
            this.key = key;
            this.role = role;
        }

        @Override
        void checkUsable() throws InvalidAlgorithmParameterException {
            if (!"RAW".equalsIgnoreCase(key.getFormat())) {
                throw new InvalidAlgorithmParameterException("the HKDF " + role + " " + key.getAlgorithm()
                        + " key has no RAW encoding (format " + key.getFormat() + "), so it cannot be read");
            }
        }

        @Override
        public void feed(Sink sink) {
            byte[] raw = copy();
            try {
                sink.bytes(raw, 0, raw.length);
            } finally {
                Zeroing.wipe(raw);
            }
        }

        /** A heap copy of the key's encoding; the caller zeroes it. */
        private byte[] copy() {
            byte[] raw = key.getEncoded();
            if (raw == null) {
                throw new IllegalStateException("the HKDF " + role + " " + key.getAlgorithm()
                        + " key no longer reveals its encoding");
            }
            return raw;
        }
    }

    /** The session key this part is, or {@code null}. */
    @Override
    public ManagedSessionKey sessionKey() {
        return this instanceof Session ? ((Session) this).key() : null;
    }
}

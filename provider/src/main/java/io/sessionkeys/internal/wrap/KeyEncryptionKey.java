package io.sessionkeys.internal.wrap;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.Precomputation;
import io.sessionkeys.internal.key.SecretReader;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidKeyException;
import java.security.Key;

/**
 * The AES key-encryption key of a wrapping cipher: a session key, or a foreign AES key (a
 * {@code SecretKeySpec}, typically from a KeyStore). A foreign key is imported into a temporary
 * session key for each operation and destroyed in {@code finally}, so that its schedule, like a
 * session key's, is computed and kept off the heap and zeroized; the provider never keeps the
 * foreign key's bytes.
 */
final class KeyEncryptionKey {

    /** The temporary key may do nothing but serve this one operation. */
    private static final KeyPolicy TEMPORARY = KeyPolicy.builder().wrappable(false).plaintextExportable(false).build();

    private final ManagedSessionKey sessionKey;
    private final Key foreignKey;
    private final int sizeBytes;
    private final ProviderContext context;

    private KeyEncryptionKey(ManagedSessionKey sessionKey, Key foreignKey, int sizeBytes, ProviderContext context) {
        this.sessionKey = sessionKey;
        this.foreignKey = foreignKey;
        this.sizeBytes = sizeBytes;
        this.context = context;
    }

    /**
     * Checks {@code key} as an AES KEK of {@code kekBits} bits (or any AES size for
     * {@link KeySize#ANY}) for {@code use}.
     */
    static KeyEncryptionKey of(Key key, int kekBits, KeyUse use, String service, ProviderContext context)
            throws InvalidKeyException {
        if (key == null) {
            throw new InvalidKeyException(service + " needs a key-encryption key, got null");
        }
        if (!"AES".equalsIgnoreCase(key.getAlgorithm())) {
            throw new InvalidKeyException(service + " needs an AES key-encryption key, not a " + key.getAlgorithm()
                    + " key");
        }
        if (key instanceof ManagedSessionKey) {
            ManagedSessionKey session = (ManagedSessionKey) key;
            session.checkUsable(use);
            checkSize(session.materialLength(), kekBits, service);
            return new KeyEncryptionKey(session, null, session.materialLength(), context);
        }
        if (!"RAW".equalsIgnoreCase(key.getFormat())) {
            throw new InvalidKeyException(service + " needs a key-encryption key with a RAW encoding, not format "
                    + key.getFormat() + " (" + key.getClass().getName() + ")");
        }
        byte[] raw = key.getEncoded();
        try {
            if (raw == null) {
                throw new InvalidKeyException(service + " cannot read the key-encryption key: getEncoded() returned"
                        + " null");
            }
            checkSize(raw.length, kekBits, service);
            return new KeyEncryptionKey(null, key, raw.length, context);
        } finally {
            Zeroing.wipe(raw);
        }
    }

    private static void checkSize(int bytes, int kekBits, String service) throws InvalidKeyException {
        boolean aesSize = bytes == 16 || bytes == 24 || bytes == 32;
        if (!aesSize || !KeySize.fits(kekBits, bytes)) {
            throw new InvalidKeyException(service + " needs a key-encryption key of "
                    + (kekBits == KeySize.ANY ? "16, 24 or 32" : Integer.toString(kekBits / 8)) + " bytes, got "
                    + bytes + " bytes");
        }
    }

    int sizeBytes() {
        return sizeBytes;
    }

    /** The session key, or {@code null} for a foreign key. */
    ManagedSessionKey sessionKey() {
        return sessionKey;
    }

    /** Runs {@code reader} on the KEK's {@code schedule}, importing a foreign key just for the call. */
    <R, X extends Exception> R withSchedule(KeyUse use, Precomputation schedule, SecretReader<R, X> reader)
            throws X, InvalidKeyException {
        if (sessionKey != null) {
            try {
                return sessionKey.withMaterial(use, schedule, reader);
            } catch (IllegalStateException gone) {
                // destroyed or expired since init: the caller learns it as a key problem
                throw new InvalidKeyException(gone.getMessage(), gone);
            }
        }
        ManagedSessionKey temporary = importForeign();
        try {
            return temporary.withMaterial(use, schedule, reader);
        } finally {
            temporary.destroy(DestroyReason.EXPLICIT);
        }
    }

    private ManagedSessionKey importForeign() throws InvalidKeyException {
        byte[] raw = foreignKey.getEncoded();
        try {
            if (raw == null || raw.length != sizeBytes) {
                throw new InvalidKeyException("the foreign key-encryption key changed or was destroyed since init");
            }
            return ManagedSessionKey.create("AES", raw.length * 8, raw, 0, raw.length,
                    TEMPORARY, null, context.clock());
        } finally {
            Zeroing.wipe(raw);
        }
    }
}

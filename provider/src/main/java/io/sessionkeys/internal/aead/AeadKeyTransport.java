package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.key.KeyToWrap;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.UnwrappedKeys;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import javax.crypto.AEADBadTagException;

/**
 * WRAP_MODE and UNWRAP_MODE on an AEAD cipher, as SunJCE allows them for AES-GCM: wrapping
 * encrypts the key's bytes as one message (a session key's policy must allow wrapping, and the
 * export is recorded), unwrapping decrypts and verifies one message into a new session key.
 */
final class AeadKeyTransport {

    /** The cipher's one-message encryption or decryption. */
    interface OneMessage {
        byte[] apply(byte[] input) throws GeneralSecurityException;
    }

    private AeadKeyTransport() {
    }

    static byte[] wrap(Key key, String service, OneMessage encrypt) throws InvalidKeyException {
        try (KeyToWrap bytes = KeyToWrap.of(key, service)) {
            byte[] plain = new byte[bytes.length()];
            try {
                bytes.copyInto(plain, 0);
                byte[] wrapped = encrypt.apply(plain);
                bytes.recordExport(service);
                return wrapped;
            } catch (InvalidKeyException e) {
                throw e;
            } catch (GeneralSecurityException e) {
                throw new ProviderException(service + " could not encrypt the key", e);
            } finally {
                ManagedSessionKey.wipe(plain);
            }
        }
    }

    static Key unwrap(ProviderContext context, byte[] wrapped, String algorithm, int type, String service,
            OneMessage decrypt) throws InvalidKeyException, NoSuchAlgorithmException {
        KeyAlgorithm kind = UnwrappedKeys.kindOf(algorithm, type, service);
        byte[] plain = null;
        try {
            plain = decrypt.apply(wrapped);
            return UnwrappedKeys.make(context, kind, plain, 0, plain.length, null, null);
        } catch (AEADBadTagException e) {
            throw new InvalidKeyException("The wrapped key is not padded correctly: " + service
                    + " authentication failed", e);
        } catch (InvalidKeyException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException(service + " could not unwrap the key: " + e.getMessage(), e);
        } finally {
            ManagedSessionKey.wipe(plain);
        }
    }
}

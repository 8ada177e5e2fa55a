package io.sessionkeys.internal.key;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;

/**
 * WRAP_MODE and UNWRAP_MODE on a cipher that encrypts whole messages (the AES block modes and
 * AES-GCM, as SunJCE allows them): wrapping encrypts the key's bytes as one message (a session
 * key's policy must allow wrapping, and the export is recorded; a foreign key is wrapped from its
 * RAW encoding, as SunJCE would), unwrapping decrypts one message into a new session key.
 * Failures carry SunJCE's wording: "The wrapped key is not padded correctly" for a bad padding or
 * tag, "does not have the correct length" for a length the mode cannot take.
 */
public final class KeyTransport {

    /** The cipher's one-message encryption or decryption. */
    public interface OneMessage {
        byte[] apply(byte[] input) throws GeneralSecurityException;
    }

    private KeyTransport() {
    }

    public static byte[] wrap(Key key, String service, OneMessage encrypt) throws InvalidKeyException {
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

    /**
     * @param policy the unwrapped key's policy, or {@code null} for the configured default
     * @param scope a scope to bind it to, or {@code null}
     */
    public static Key unwrap(ProviderContext context, byte[] wrapped, String algorithm, int type, String service,
            KeyPolicy policy, KeyScope scope, OneMessage decrypt) throws InvalidKeyException, NoSuchAlgorithmException {
        KeyAlgorithm kind = UnwrappedKeys.kindOf(algorithm, type, service);
        byte[] plain = null;
        try {
            plain = decrypt.apply(wrapped);
            return UnwrappedKeys.make(context, kind, plain, 0, plain.length, policy, scope);
        } catch (BadPaddingException e) { // AEADBadTagException too
            throw new InvalidKeyException("The wrapped key is not padded correctly (" + service + ")", e);
        } catch (IllegalBlockSizeException e) {
            throw new InvalidKeyException("The wrapped key does not have the correct length for " + service, e);
        } catch (InvalidKeyException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException(service + " could not unwrap the key: " + e.getMessage(), e);
        } finally {
            ManagedSessionKey.wipe(plain);
        }
    }
}

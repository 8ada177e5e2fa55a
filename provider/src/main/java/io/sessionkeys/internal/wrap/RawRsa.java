package io.sessionkeys.internal.wrap;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;

/**
 * The RSA primitive (RSAEP/RSADP, RFC 8017 §5.1) for OAEP: the JDK's raw RSA,
 * {@code RSA/ECB/NoPadding} from SunJCE, on the caller's own RSA key. SunJCE blinds private-key
 * operations and returns outputs of exactly the modulus length; docs/key-wrap.md says why
 * SessionKeys uses it rather than its own modular exponentiation.
 */
final class RawRsa {

    private final Cipher cipher;

    private RawRsa(Cipher cipher) {
        this.cipher = cipher;
    }

    /** For RSAEP with a public key ({@code encrypt}) or RSADP with a private key. */
    static RawRsa init(boolean encrypt, Key key) throws InvalidKeyException {
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/NoPadding", "SunJCE");
            c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, key);
            return new RawRsa(c);
        } catch (NoSuchAlgorithmException | NoSuchProviderException | NoSuchPaddingException e) {
            throw new IllegalStateException("the JDK's SunJCE provider has no raw RSA", e);
        }
    }

    /**
     * Applies the primitive to {@code input} (the caller checks its length).
     *
     * @throws GeneralSecurityException if the input is out of range (not below the modulus)
     */
    byte[] apply(byte[] input) throws GeneralSecurityException {
        return cipher.doFinal(input);
    }
}

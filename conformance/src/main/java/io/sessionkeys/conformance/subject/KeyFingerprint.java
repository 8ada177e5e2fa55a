package io.sessionkeys.conformance.subject;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tells whether a key that came out of a provider (unwrapped, derived) holds the expected bytes,
 * without asking a session key to reveal them: both sides are wrapped with AES-KWP (RFC 5649,
 * deterministic, any length) under the same throw-away key-encryption key, a session key by its
 * own provider, the expected bytes by SunJCE, and the wrapped forms are compared.
 */
public final class KeyFingerprint {

    /** The wrapping used for fingerprints; SessionKeys must provide it for the check to run. */
    public static final String CIPHER = "AES/KWP/NoPadding";

    private final SecretKeySpec kek;

    public KeyFingerprint() {
        byte[] k = new byte[16];
        new SecureRandom().nextBytes(k);
        this.kek = new SecretKeySpec(k, "AES");
    }

    /** The fingerprint of {@code raw} as a key of {@code algorithm}, made by SunJCE. */
    public byte[] of(byte[] raw, String algorithm) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance(CIPHER, "SunJCE");
        c.init(Cipher.WRAP_MODE, kek);
        return c.wrap(new SecretKeySpec(raw, algorithm));
    }

    /**
     * The fingerprint of {@code key}: from its encoding if it reveals one, otherwise wrapped by
     * {@code owner}, the provider that made it.
     */
    public byte[] of(SecretKey key, Subject owner) throws GeneralSecurityException {
        byte[] encoded = key.getEncoded();
        if (encoded != null) {
            return of(encoded, key.getAlgorithm());
        }
        Cipher c = Cipher.getInstance(CIPHER, owner.provider());
        c.init(Cipher.WRAP_MODE, kek);
        return c.wrap(key);
    }
}

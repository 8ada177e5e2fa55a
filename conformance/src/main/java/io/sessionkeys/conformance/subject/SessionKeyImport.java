package io.sessionkeys.conformance.subject;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;

/** Makes SessionKeys keys from raw vector bytes, through the factory or through unwrapping. */
final class SessionKeyImport {

    private final Provider sessionKeys;
    private final KeyRoute route;
    /** A foreign key-encryption key, as it would come from a KeyStore. */
    private final SecretKeySpec kek;

    SessionKeyImport(Provider sessionKeys, KeyRoute route) {
        this.sessionKeys = sessionKeys;
        this.route = route;
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        this.kek = new SecretKeySpec(k, "AES");
    }

    SecretKey importKey(String algorithm, byte[] raw) throws GeneralSecurityException {
        if (route == KeyRoute.FACTORY) {
            return SecretKeyFactory.getInstance(algorithm, sessionKeys).generateSecret(new SecretKeySpec(raw, algorithm));
        }
        String wrapName = wrapNameFor(raw.length);
        Cipher wrapper = Cipher.getInstance(wrapName, "SunJCE");
        wrapper.init(Cipher.WRAP_MODE, kek);
        byte[] wrapped = wrapper.wrap(new SecretKeySpec(raw, algorithm));
        Cipher unwrapper = Cipher.getInstance(wrapName, sessionKeys);
        unwrapper.init(Cipher.UNWRAP_MODE, kek);
        return (SecretKey) unwrapper.unwrap(wrapped, algorithm, Cipher.SECRET_KEY);
    }

    String missingService(String algorithm) {
        if (route == KeyRoute.FACTORY) {
            return sessionKeys.getService("SecretKeyFactory", algorithm) == null ? "SecretKeyFactory " + algorithm : null;
        }
        for (String wrapName : new String[] {"AESWrap", "AESWrapPad"}) {
            if (sessionKeys.getService("Cipher", wrapName) == null) {
                return "Cipher " + wrapName;
            }
        }
        return null;
    }

    /** AESWrap (RFC 3394) takes whole 8-byte blocks, at least two; other lengths need AESWrapPad (RFC 5649). */
    private static String wrapNameFor(int length) {
        return length >= 16 && length % 8 == 0 ? "AESWrap" : "AESWrapPad";
    }
}

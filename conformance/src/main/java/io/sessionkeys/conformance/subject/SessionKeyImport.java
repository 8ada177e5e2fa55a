package io.sessionkeys.conformance.subject;

import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyUnwrapSpec;
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
        SecretKey key;
        if (route == KeyRoute.FACTORY) {
            key = SecretKeyFactory.getInstance(algorithm, sessionKeys).generateSecret(new SecretKeySpec(raw, algorithm));
        } else {
            String wrapName = wrapNameFor(raw.length);
            Cipher wrapper = Cipher.getInstance(wrapName, "SunJCE");
            wrapper.init(Cipher.WRAP_MODE, kek);
            byte[] wrapped = wrapper.wrap(new SecretKeySpec(raw, algorithm));
            Cipher unwrapper = Cipher.getInstance(wrapName, sessionKeys);
            // The KEK is foreign: without a SessionKeyUnwrapSpec, SessionKeys passes the unwrap to the
            // next provider (as the JDK would serve that key) and a SecretKeySpec comes back.
            unwrapper.init(Cipher.UNWRAP_MODE, kek, SessionKeyUnwrapSpec.builder().build());
            key = (SecretKey) unwrapper.unwrap(wrapped, algorithm, Cipher.SECRET_KEY);
        }
        return requireSessionKey(key, route.label());
    }

    /**
     * {@code key}, if it is a session key. A route that gave a plain key would make every later
     * operation with it run on the next provider, and its rows would measure that provider.
     */
    static SecretKey requireSessionKey(SecretKey key, String how) {
        if (!(key instanceof SessionKey)) {
            throw new IllegalStateException("SessionKeys (" + how + ") gave a " + key.getClass().getName()
                    + ", not a session key");
        }
        return key;
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

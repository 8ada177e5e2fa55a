package io.sessionkeys.internal.key;

import java.security.InvalidKeyException;
import java.security.Key;

/** Checks shared by every SPI that takes a key. */
public final class SessionKeyChecks {

    private SessionKeyChecks() {
    }

    /**
     * Returns {@code key} as a session key of {@code algorithm} (any algorithm if {@code null}),
     * or refuses it with a message that says how to make one.
     */
    public static ManagedSessionKey require(Key key, String algorithm, String service) throws InvalidKeyException {
        if (!(key instanceof ManagedSessionKey)) {
            throw new InvalidKeyException(service + " in SessionKeys accepts only SessionKeys session keys, not "
                    + (key == null ? "null" : key.getClass().getName())
                    + ". Import raw bytes with SecretKeyFactory.getInstance(\"" + (algorithm == null ? "AES" : algorithm)
                    + "\", \"SessionKeys\").generateSecret(new SecretKeySpec(bytes, \""
                    + (algorithm == null ? "AES" : algorithm) + "\")), or unwrap a wrapped key with a SessionKeys"
                    + " Cipher in UNWRAP_MODE");
        }
        if (algorithm != null && !algorithm.equalsIgnoreCase(key.getAlgorithm())) {
            throw new InvalidKeyException(service + " needs a " + algorithm + " key, not a " + key.getAlgorithm() + " key");
        }
        return (ManagedSessionKey) key;
    }
}

package io.sessionkeys.internal.key;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Cipher;

/** Makes the session key that an unwrapping cipher returns, from the recovered bytes. */
public final class UnwrappedKeys {

    private UnwrappedKeys() {
    }

    /**
     * Checks, before any decryption, that {@code algorithm} and {@code type} name a kind of
     * session key.
     */
    public static KeyAlgorithm kindOf(String algorithm, int type, String service) throws NoSuchAlgorithmException {
        if (type != Cipher.SECRET_KEY) {
            throw new NoSuchAlgorithmException(service + " in SessionKeys unwraps only secret keys"
                    + " (Cipher.SECRET_KEY) into session keys, not key type " + type);
        }
        return KeyAlgorithm.forName(algorithm).orElseThrow(() -> new NoSuchAlgorithmException(algorithm
                + " is not a kind of key SessionKeys makes, so " + service + " cannot unwrap it into a session"
                + " key; SessionKeys makes " + KeyAlgorithm.knownNames() + " keys, under the JDK's names and OIDs"
                + " for them"));
    }

    /**
     * Makes a session key of {@code kind} from {@code length} recovered bytes at {@code offset};
     * the caller zeroes {@code recovered} in {@code finally}.
     */
    public static Key make(ProviderContext context, KeyAlgorithm kind, byte[] recovered, int offset, int length,
            KeyPolicy policy, KeyScope scope) throws InvalidKeyException {
        int bits = length * 8;
        if (!kind.allowsBits(bits)) {
            throw new InvalidKeyException("the unwrapped key is " + length + " bytes long, which does not fit "
                    + kind.name() + " (" + kind.describeSizes() + ")");
        }
        return ManagedSessionKey.create(kind.name(), bits, recovered, offset, length,
                context.policyOrDefault(policy), scope, context.clock());
    }
}

package io.sessionkeys.internal.key;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.Key;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.util.function.Consumer;
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
        checkLength(kind, length);
        return ManagedSessionKey.create(kind.name(), length * 8, recovered, offset, length,
                context.policyOrDefault(policy), scope, context.clock());
    }

    /**
     * Makes a session key of {@code kind} whose {@code length} recovered bytes {@code fill} writes
     * straight into the new key's off-heap slot (a direct buffer; see
     * {@link ManagedSessionKey#createFilled}), so that they never pass through the Java heap.
     */
    public static Key makeFilled(ProviderContext context, KeyAlgorithm kind, int length, Consumer<ByteBuffer> fill,
            KeyPolicy policy, KeyScope scope) throws InvalidKeyException {
        checkLength(kind, length);
        return ManagedSessionKey.createFilled(kind.name(), length * 8, length, fill,
                context.policyOrDefault(policy), scope, context.clock());
    }

    private static void checkLength(KeyAlgorithm kind, int length) throws InvalidKeyException {
        if (!kind.allowsBits(length * 8)) {
            throw new InvalidKeyException("the unwrapped key is " + length + " bytes long, which does not fit "
                    + kind.name() + " (" + kind.describeSizes() + ")");
        }
    }
}

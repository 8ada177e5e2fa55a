package io.sessionkeys.benchmarks;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKeyFactory;

/**
 * Looks services up in one provider object, turning "this provider has no such algorithm" into
 * {@link NotProvidedException}. A cipher may be tried under several names: the standard JCA name
 * first, then a spelling some peers use instead (Conscrypt's "ChaCha20/Poly1305/NoPadding").
 */
public final class JcaLookup {

    private JcaLookup() {
    }

    public static Cipher cipher(Provider provider, List<String> names) throws NotProvidedException {
        for (String name : names) {
            try {
                return Cipher.getInstance(name, provider);
            } catch (NoSuchAlgorithmException | NoSuchPaddingException notUnderThisName) {
                // Try the next spelling.
            }
        }
        throw new NotProvidedException("no Cipher " + String.join(" or ", names));
    }

    public static KeyGenerator keyGenerator(Provider provider, String algorithm) throws NotProvidedException {
        try {
            return KeyGenerator.getInstance(algorithm, provider);
        } catch (NoSuchAlgorithmException e) {
            throw new NotProvidedException("no KeyGenerator " + algorithm, e);
        }
    }

    public static SecretKeyFactory secretKeyFactory(Provider provider, String algorithm) throws NotProvidedException {
        try {
            return SecretKeyFactory.getInstance(algorithm, provider);
        } catch (NoSuchAlgorithmException e) {
            throw new NotProvidedException("no SecretKeyFactory " + algorithm, e);
        }
    }

    /** Checks a condition that must hold before a result may be trusted. */
    public static void require(boolean condition, String what) throws GeneralSecurityException {
        if (!condition) {
            throw new GeneralSecurityException("self-check failed before measuring: " + what);
        }
    }
}

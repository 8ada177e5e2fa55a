package io.sessionkeys.benchmarks;

import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.SecretKey;

/**
 * One way to run HKDF-SHA256 (extract then expand) into a 32-byte AES key, with the same input
 * keying material, salt and info for every provider.
 */
public interface HkdfRoute {

    int IKM_BYTES = 32;
    int SALT_BYTES = 32;
    int INFO_BYTES = 16;
    int OUTPUT_BYTES = 32;

    SecretKey derive() throws GeneralSecurityException;

    /**
     * The route for a provider: the standard {@code javax.crypto.KDF} API where the JDK has it,
     * Bouncy Castle's own HKDF generator for Bouncy Castle (it registers no JCA HKDF service).
     *
     * @throws NotProvidedException if the provider offers HKDF on no route this JDK has
     */
    static HkdfRoute open(ProviderUnderTest who, Provider provider, byte[] ikm, byte[] salt, byte[] info)
            throws NotProvidedException, GeneralSecurityException {
        if (who == ProviderUnderTest.BOUNCY_CASTLE) {
            return new BouncyCastleHkdfRoute(ikm, salt, info);
        }
        return JcaKdfRoute.open(provider, ikm, salt, info);
    }

    /** Whether the route bypasses JCA: the table marks such cells. */
    static boolean bypassesJca(ProviderUnderTest who) {
        return who == ProviderUnderTest.BOUNCY_CASTLE;
    }
}

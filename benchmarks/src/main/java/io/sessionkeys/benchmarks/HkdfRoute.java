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
     * The route for a provider: the standard {@code javax.crypto.KDF} API where the JDK has it
     * (JDK 24 and later); on older JDKs SessionKeys' own {@code KeyGenerator} route; always
     * Bouncy Castle's own HKDF generator for Bouncy Castle (it registers no JCA HKDF service).
     *
     * @throws NotProvidedException if the provider offers HKDF on no route this JDK has
     */
    static HkdfRoute open(ProviderUnderTest who, Provider provider, byte[] ikm, byte[] salt, byte[] info)
            throws NotProvidedException, GeneralSecurityException {
        if (who == ProviderUnderTest.BOUNCY_CASTLE) {
            return new BouncyCastleHkdfRoute(ikm, salt, info);
        }
        if (who.makesSessionKeys() && !JcaKdfRoute.jdkHasKdf()) {
            return SessionKeysHkdfRoute.open(provider, ikm, salt, info);
        }
        return JcaKdfRoute.open(provider, ikm, salt, info);
    }

    /** How the route differs from the standard API, for the table's notes; empty if it does not. */
    static String routeNote(ProviderUnderTest who) {
        if (who == ProviderUnderTest.BOUNCY_CASTLE) {
            return "Bouncy Castle's HKDFBytesGenerator: BC registers no JCA HKDF";
        }
        if (who.makesSessionKeys() && !JcaKdfRoute.jdkHasKdf()) {
            return "SessionKeys' KeyGenerator HKDF-SHA256 route with a SessionKeyDerivationSpec (no javax.crypto.KDF"
                    + " before JDK 24)";
        }
        return "";
    }
}

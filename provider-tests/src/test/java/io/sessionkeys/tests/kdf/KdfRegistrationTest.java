package io.sessionkeys.tests.kdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sessionkeys.SessionKeysProvider;
import java.security.Provider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The multi-release jar: the HKDF KeyGenerators everywhere, the javax.crypto.KDF services exactly
 * when the running JDK has that API (25 and later), and never a failure to load on an older JDK.
 */
class KdfRegistrationTest {

    private final SessionKeysProvider provider = new SessionKeysProvider();

    private static boolean jdkHasKdfApi() {
        try {
            Class.forName("javax.crypto.KDFSpi", false, null);
            return Runtime.version().feature() >= 25;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HKDF-SHA256", "HKDF-SHA384", "HKDF-SHA512"})
    void services_hkdfKeyGeneratorAlways_kdfOnlyWhereTheJdkHasIt(String algorithm) {
        assertNotNull(provider.getService("KeyGenerator", algorithm));
        Provider.Service kdf = provider.getService("KDF", algorithm);
        assertEquals(jdkHasKdfApi(), kdf != null, "KDF." + algorithm + " on JDK " + Runtime.version());
    }
}

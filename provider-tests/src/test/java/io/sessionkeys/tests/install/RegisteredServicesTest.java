package io.sessionkeys.tests.install;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeysProvider;
import java.security.Provider;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

/** Walks every registered service: each instantiates, each alias resolves to it. */
class RegisteredServicesTest {

    private final SessionKeysProvider provider = new SessionKeysProvider();

    @Test
    void everyService_instantiates() throws Exception {
        assertFalse(provider.getServices().isEmpty());
        for (Provider.Service s : provider.getServices()) {
            Object spi = s.newInstance(null);
            assertNotNull(spi, s.toString());
            assertTrue(spi.getClass().getName().startsWith("io.sessionkeys.internal."), s + " made " + spi.getClass());
        }
    }

    @Test
    void everyAlias_resolvesToItsService() {
        for (Object k : provider.keySet()) {
            String key = k.toString();
            if (!key.startsWith("Alg.Alias.")) {
                continue;
            }
            String rest = key.substring("Alg.Alias.".length());
            String type = rest.substring(0, rest.indexOf('.'));
            String alias = rest.substring(rest.indexOf('.') + 1);
            String target = provider.getProperty(key);
            assertSame(provider.getService(type, target), provider.getService(type, alias), key);
        }
    }

    @Test
    void keyTakingServices_declareTheirKeyClasses() {
        for (Provider.Service s : provider.getServices()) {
            if (s.getType().equals("Cipher") || s.getType().equals("Mac")) {
                String classes = s.getAttribute("SupportedKeyClasses");
                assertNotNull(classes, s + " declares no SupportedKeyClasses, so JCA would route foreign keys to it");
                // RSA key transport (SIMPLEBLOB too) is keyed by the caller's RSA key; the session key is what it wraps
                boolean rsa = s.getAlgorithm().startsWith("RSA/") || s.getAlgorithm().equals("SIMPLEBLOB");
                String expected = rsa ? RSAPublicKey.class.getName()
                        : SessionKey.class.getName();
                assertTrue(classes.contains(expected), s + " declares " + classes);
            }
        }
    }
}

package io.sessionkeys.tests.install;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKeysProvider;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/**
 * SessionKeys offers session keys every AES and ChaCha20 transformation the running JDK's SunJCE
 * offers plain keys, read from SunJCE's registrations at run time (so a JDK that adds one fails
 * this test until SessionKeys has it too): every service name, every alias (OIDs included), and
 * every mode and padding combination SunJCE's generic {@code "AES"} service accepts through its
 * {@code SupportedModes} and {@code SupportedPaddings} attributes.
 */
class SunJceSurfaceTest {

    private static final Provider SUN_JCE = Security.getProvider("SunJCE");
    private final SessionKeysProvider sessionKeys = new SessionKeysProvider();

    private static boolean ours(String algorithm) {
        String a = algorithm.toUpperCase(Locale.ROOT);
        return a.startsWith("AES") || a.startsWith("CHACHA20");
    }

    @Test
    void everySunJceAesAndChaCha20Service_isOfferedBySessionKeys() {
        List<String> missing = new ArrayList<>();
        int seen = 0;
        for (Provider.Service s : SUN_JCE.getServices()) {
            if (s.getType().equals("Cipher") && ours(s.getAlgorithm())) {
                seen++;
                if (sessionKeys.getService("Cipher", s.getAlgorithm()) == null) {
                    missing.add(s.getAlgorithm());
                }
            }
        }
        assertTrue(seen >= 30, "SunJCE lists only " + seen + " AES/ChaCha20 ciphers: the walk is broken");
        assertTrue(missing.isEmpty(), "SunJCE offers, SessionKeys does not: " + missing);
    }

    @Test
    void everySunJceAliasOfThoseServices_resolvesInSessionKeys() {
        List<String> missing = new ArrayList<>();
        int seen = 0;
        for (Object k : SUN_JCE.keySet()) {
            String key = k.toString();
            if (!key.startsWith("Alg.Alias.Cipher.") || !ours(SUN_JCE.getProperty(key))) {
                continue;
            }
            seen++;
            String alias = key.substring("Alg.Alias.Cipher.".length());
            Provider.Service target = sessionKeys.getService("Cipher", alias);
            if (target == null || !target.getAlgorithm().equalsIgnoreCase(SUN_JCE.getProperty(key))) {
                missing.add(alias + " -> " + SUN_JCE.getProperty(key));
            }
        }
        assertTrue(seen >= 40, "SunJCE lists only " + seen + " AES/ChaCha20 aliases: the walk is broken");
        assertTrue(missing.isEmpty(), "SunJCE aliases SessionKeys lacks or maps elsewhere: " + missing);
    }

    @Test
    void everyModeAndPaddingOfSunJcesGenericAes_isAcceptedBySessionKeys() {
        Provider.Service general = SUN_JCE.getService("Cipher", "AES");
        String[] modes = general.getAttribute("SupportedModes").split("\\|");
        String[] paddings = general.getAttribute("SupportedPaddings").split("\\|");
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        int accepted = 0;
        for (String mode : modes) {
            for (String padding : paddings) {
                String t = "AES/" + mode + "/" + padding;
                boolean sun = accepts(t, SUN_JCE);
                boolean us = accepts(t, sessionKeys);
                accepted += sun ? 1 : 0;
                if (sun && !us) {
                    missing.add(t);
                } else if (us && !sun) {
                    extra.add(t);
                }
            }
        }
        assertTrue(accepted > 100, "SunJCE accepts only " + accepted + " AES mode/padding combinations");
        assertTrue(missing.isEmpty(), "SunJCE accepts, SessionKeys does not: " + missing);
        assertTrue(extra.isEmpty(), "SessionKeys accepts what SunJCE refuses: " + extra);
    }

    @Test
    void rsaPkcs1Padding_isOffered() throws Exception {
        assertFalse(sessionKeys.getService("Cipher", "RSA/ECB/PKCS1Padding") == null);
        Cipher.getInstance("RSA/ECB/PKCS1Padding", sessionKeys);
    }

    private static boolean accepts(String transformation, Provider p) {
        try {
            Cipher.getInstance(transformation, p);
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}

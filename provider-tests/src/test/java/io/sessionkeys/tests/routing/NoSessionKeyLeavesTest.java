package io.sessionkeys.tests.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeysProvider;
import java.security.AlgorithmParameters;
import java.security.Key;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SessionKeys first, a spy second, the JDK's providers after: whatever an application does with
 * session keys and foreign keys, through every Cipher and Mac service, with the provider fixed
 * early or chosen at init, the spy is never offered a session key or a key with a session key's
 * bytes. (It is offered the foreign keys: SessionKeys passes them to it.)
 */
class NoSessionKeyLeavesTest {

    private static final SpyProvider SPY = new SpyProvider();
    private static boolean added;
    private static final List<byte[]> SESSION_BYTES = new ArrayList<>();

    @BeforeAll
    static void install() {
        added = Services.installFirst();
        Security.insertProviderAt(SPY, 2);
    }

    @AfterAll
    static void uninstall() {
        Security.removeProvider(SPY.getName());
        if (added) {
            Security.removeProvider(SessionKeysProvider.NAME);
        }
    }

    private static SecretKey sessionKey(String algorithm, int length, int seed) throws Exception {
        byte[] bytes = Services.bytes(length, seed);
        SESSION_BYTES.add(bytes);
        return Services.sessionKey(algorithm, bytes);
    }

    @Test
    void everyCipherAndMac_sessionAndForeignKeys_spyNeverSeesASessionKey() throws Exception {
        assertEquals("SessionKeys", Security.getProviders()[0].getName());
        assertEquals("Spy", Security.getProviders()[1].getName());
        int seed = 100;
        for (String t : Services.of("Cipher")) {
            Key foreignEnc = Services.foreignEncryptKey(t);
            SecretKey toWrap = sessionKey("AES", 16, seed++);
            if (Services.wraps(t)) {
                // a session key wrapped under a foreign KEK, provider fixed early and chosen at init
                for (boolean early : new boolean[] {true, false}) {
                    Cipher c = Cipher.getInstance(t);
                    if (early) {
                        c.getBlockSize();
                    }
                    c.init(Cipher.WRAP_MODE, foreignEnc);
                    c.wrap(toWrap);
                    c.wrap(new SecretKeySpec(Services.bytes(16, 1), "AES")); // a foreign key: passed on
                }
            }
            if (!Services.isRsa(t)) {
                SecretKey own = sessionKey(Services.keyAlgorithm(t), Services.keyBytes(t), seed++);
                for (boolean early : new boolean[] {true, false}) {
                    Cipher c = Cipher.getInstance(t);
                    if (early) {
                        c.getProvider();
                    }
                    c.init(Cipher.ENCRYPT_MODE, own);
                    AlgorithmParameters p = c.getParameters();
                    byte[] ct = c.doFinal(new byte[32]);
                    Cipher d = Cipher.getInstance(t);
                    d.getBlockSize();
                    if (p == null && t.equals("ChaCha20")) {
                        // plain ChaCha20 has no AlgorithmParameters (as in SunJCE): its nonce and the
                        // initial counter (1 when the provider made the nonce) go in a parameter spec
                        d.init(Cipher.DECRYPT_MODE, own, new javax.crypto.spec.ChaCha20ParameterSpec(c.getIV(), 1));
                    } else if (p == null) {
                        d.init(Cipher.DECRYPT_MODE, own);
                    } else {
                        d.init(Cipher.DECRYPT_MODE, own, p);
                    }
                    d.doFinal(ct);
                    // then the same object with a foreign key, and back
                    Cipher f = Cipher.getInstance(t);
                    f.getBlockSize();
                    f.init(Cipher.ENCRYPT_MODE, foreignEnc);
                    f.doFinal(new byte[32]);
                    f.init(Cipher.ENCRYPT_MODE, own);
                    f.doFinal(new byte[32]);
                }
            }
        }
        for (String m : Services.of("Mac")) {
            SecretKey own = sessionKey(m, 32, seed++);
            Mac mac = Mac.getInstance(m);
            mac.getMacLength();
            mac.init(new SecretKeySpec(Services.bytes(32, 2), m));
            mac.doFinal(new byte[3]);
            mac.init(own);
            mac.doFinal(new byte[3]);
        }

        assertFalse(SPY.offered.isEmpty(), "the spy saw the foreign keys, so it sat where a leak would show");
        for (Key k : SPY.offered) {
            assertFalse(k instanceof SessionKey, "a session key reached another provider: " + k);
            byte[] encoded = k.getEncoded();
            for (byte[] secret : SESSION_BYTES) {
                assertFalse(Arrays.equals(secret, encoded), "a session key's bytes reached another provider");
            }
        }
        assertTrue(SESSION_BYTES.size() > Services.of("Mac").size());
    }
}

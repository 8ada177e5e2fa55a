package io.sessionkeys.tests.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKeysProvider;
import java.security.InvalidKeyException;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which keys the AEAD services take, and the names and OIDs they answer to. */
class AeadKeysTest {

    @ParameterizedTest
    @EnumSource(Aead.class)
    void init_foreignKeyExplicitly_servedByTheNextProviderAsItWould(Aead aead) throws Exception {
        Cipher c = aead.cipher();
        c.init(Cipher.ENCRYPT_MODE, aead.foreignKey(new byte[32]));
        Cipher sun = Cipher.getInstance(c.getAlgorithm(), "SunJCE");
        sun.init(Cipher.DECRYPT_MODE, aead.foreignKey(new byte[32]), c.getParameters());
        byte[] message = {1, 2, 3, 4, 5};
        assertArrayEquals(message, sun.doFinal(c.doFinal(message)));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void getInstanceWithoutProvider_foreignKey_routedToAnotherProvider(Aead aead) throws Exception {
        Provider ours = new SessionKeysProvider();
        // another test may have installed SessionKeys already; then that one is used and stays
        boolean added = Security.insertProviderAt(ours, 1) != -1;
        try {
            Cipher c = Cipher.getInstance(aead.transformation);
            c.init(Cipher.ENCRYPT_MODE, aead.foreignKey(new byte[32]), aead.spec(Nonces.random()));
            assertTrue(!c.getProvider().getName().equals("SessionKeys"), c.getProvider().getName());
            Cipher mine = Cipher.getInstance(aead.transformation);
            mine.init(Cipher.ENCRYPT_MODE, aead.newKey());
            assertEquals("SessionKeys", mine.getProvider().getName());
        } finally {
            if (added) {
                Security.removeProvider(ours.getName());
            }
        }
    }

    @Test
    void init_chaChaKeyForGcm_invalidKey() throws Exception {
        Cipher c = Aead.AES_GCM.cipher();
        assertThrows(InvalidKeyException.class, () -> c.init(Cipher.ENCRYPT_MODE, Aead.CHACHA20_POLY1305.newKey()));
    }

    @ParameterizedTest
    @CsvSource({"AES_128/GCM/NoPadding, 128", "AES_192/GCM/NoPadding, 192", "AES_256/GCM/NoPadding, 256",
        "2.16.840.1.101.3.4.1.6, 128", "OID.2.16.840.1.101.3.4.1.26, 192", "2.16.840.1.101.3.4.1.46, 256"})
    void fixedSizeGcm_rightSizeWorks_otherSizesInvalidKey(String name, int bits) throws Exception {
        Cipher c = Cipher.getInstance(name, Aead.PROVIDER);
        byte[] keyBytes = Nonces.random(bits / 8);
        byte[] iv = Nonces.random();
        c.init(Cipher.ENCRYPT_MODE, Aead.AES_GCM.importKey(keyBytes), new GCMParameterSpec(128, iv));
        Cipher sun = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        sun.init(Cipher.ENCRYPT_MODE, Aead.AES_GCM.foreignKey(keyBytes), new GCMParameterSpec(128, iv));
        assertArrayEquals(sun.doFinal(new byte[7]), c.doFinal(new byte[7]));
        for (int other : new int[] {128, 192, 256}) {
            if (other != bits) {
                SecretKey wrong = Aead.AES_GCM.importKey(new byte[other / 8]);
                assertThrows(InvalidKeyException.class, () -> c.init(Cipher.ENCRYPT_MODE, wrong));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"ChaCha20-Poly1305", "1.2.840.113549.1.9.16.3.18", "OID.1.2.840.113549.1.9.16.3.18"})
    void chaCha_byNameOrOid_found(String name) throws Exception {
        Cipher c = Cipher.getInstance(name, Aead.PROVIDER);
        c.init(Cipher.ENCRYPT_MODE, Aead.CHACHA20_POLY1305.newKey());
        assertEquals(17, c.doFinal(new byte[1]).length);
    }

    @Test
    void gcmAnySize_128And192And256BitKeys_work() throws Exception {
        for (int bits : new int[] {128, 192, 256}) {
            Cipher c = Aead.AES_GCM.cipher();
            c.init(Cipher.ENCRYPT_MODE, Aead.AES_GCM.importKey(new byte[bits / 8]));
            assertEquals(16, c.doFinal().length);
        }
    }
}

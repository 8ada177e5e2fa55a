package io.sessionkeys.tests.blockmode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.sessionkeys.SessionKeysProvider;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SessionKeys installed first, as a drop-in: session keys go to it, every other key to the next
 * provider, so legacy code asking for these names keeps working.
 */
class RoutingTest {

    private static final Provider FIRST = new SessionKeysProvider();

    @BeforeAll
    static void installFirst() {
        Security.insertProviderAt(FIRST, 1);
    }

    @AfterAll
    static void uninstall() {
        Security.removeProvider(FIRST.getName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES/CTR/NoPadding", "AES/CBC/NoPadding", "AES/CBC/PKCS5Padding", "AES/ECB/NoPadding",
            "AES/ECB/PKCS5Padding", "AES"})
    void init_foreignKeyWithSessionKeysFirst_goesToTheNextProvider(String transformation) throws Exception {
        Cipher c = Cipher.getInstance(transformation);
        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        if (BlockModes.usesIv(transformation)) {
            c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
        } else {
            c.init(Cipher.ENCRYPT_MODE, key);
        }
        assertNotEquals(FIRST.getName(), c.getProvider().getName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES/CTR/NoPadding", "AES/CBC/NoPadding", "AES/CBC/PKCS5Padding", "AES/ECB/NoPadding",
            "AES/ECB/PKCS5Padding", "AES"})
    void init_sessionKeyWithSessionKeysFirst_staysWithSessionKeys(String transformation) throws Exception {
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256);
        SecretKey key = g.generateKey();
        Cipher c = Cipher.getInstance(transformation);
        c.init(Cipher.ENCRYPT_MODE, key);
        assertEquals(FIRST.getName(), c.getProvider().getName());
    }

    @Test
    void getInstance_otherAesMode_isNotOfferedBySessionKeys() throws Exception {
        Cipher c = Cipher.getInstance("AES/OFB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"), new IvParameterSpec(new byte[16]));
        assertNotEquals(FIRST.getName(), c.getProvider().getName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES_128/ECB/NoPadding", "AES_192/ECB/NoPadding", "AES_256/ECB/NoPadding",
            "AES_128/CBC/NoPadding", "AES_192/CBC/NoPadding", "AES_256/CBC/NoPadding",
            "2.16.840.1.101.3.4.1.1", "OID.2.16.840.1.101.3.4.1.21", "2.16.840.1.101.3.4.1.41",
            "2.16.840.1.101.3.4.1.2", "2.16.840.1.101.3.4.1.22", "OID.2.16.840.1.101.3.4.1.42",
            "2.16.840.1.101.3.4.1", "aes/cbc/pkcs5padding"})
    void getInstance_everySunJceNameAndAlias_isServedBySessionKeys(String name) throws Exception {
        assertEquals(FIRST.getName(), Cipher.getInstance(name, FIRST).getProvider().getName());
    }

    @Test
    void getInstance_plainAes_isEcbWithPkcs5Padding() throws Exception {
        SecretKey key = BlockModes.sessionKey(16);
        Cipher plain = Cipher.getInstance("AES", FIRST);
        Cipher explicit = Cipher.getInstance("AES/ECB/PKCS5Padding", FIRST);
        plain.init(Cipher.ENCRYPT_MODE, key);
        explicit.init(Cipher.ENCRYPT_MODE, key);
        assertArrayEquals(explicit.doFinal(new byte[21]), plain.doFinal(new byte[21]));
    }
}

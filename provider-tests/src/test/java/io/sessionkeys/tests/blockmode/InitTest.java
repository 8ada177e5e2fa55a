package io.sessionkeys.tests.blockmode;

import static io.sessionkeys.tests.blockmode.BlockModes.cipher;
import static io.sessionkeys.tests.blockmode.BlockModes.hex;
import static io.sessionkeys.tests.blockmode.BlockModes.iv;
import static io.sessionkeys.tests.blockmode.BlockModes.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InitTest {

    @ParameterizedTest
    @ValueSource(strings = {"AES/CBC/NoPadding", "AES/CBC/PKCS5Padding", "AES/CTR/NoPadding"})
    void initDecrypt_withoutIv_throwsInvalidKeyException(String transformation) throws Exception {
        Cipher c = cipher(transformation);
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> c.init(Cipher.DECRYPT_MODE, sessionKey(16)));
        assertTrue(e.getMessage().startsWith("Parameters missing"), e.getMessage());
    }

    @Test
    void initDecrypt_withNullSpec_throwsInvalidAlgorithmParameterException() throws Exception {
        Cipher c = cipher("AES/CBC/PKCS5Padding");
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> c.init(Cipher.DECRYPT_MODE, sessionKey(16), (AlgorithmParameterSpec) null));
    }

    @Test
    void init_ecbWithIv_throwsInvalidAlgorithmParameterException() throws Exception {
        Cipher c = cipher("AES/ECB/PKCS5Padding");
        InvalidAlgorithmParameterException e = assertThrows(InvalidAlgorithmParameterException.class,
                () -> c.init(Cipher.ENCRYPT_MODE, sessionKey(16), iv(0)));
        assertEquals("ECB mode cannot use IV", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 12, 15, 17, 32})
    void init_ivNotSixteenBytes_throwsInvalidAlgorithmParameterException(int length) throws Exception {
        Cipher c = cipher("AES/CBC/NoPadding");
        InvalidAlgorithmParameterException e = assertThrows(InvalidAlgorithmParameterException.class,
                () -> c.init(Cipher.ENCRYPT_MODE, sessionKey(16), new IvParameterSpec(new byte[Math.max(length, 1)],
                        0, length)));
        assertTrue(e.getMessage().contains("must be 16 bytes long"), e.getMessage());
    }

    @Test
    void init_gcmParameterSpec_throwsInvalidAlgorithmParameterException() throws Exception {
        Cipher c = cipher("AES/CTR/NoPadding");
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> c.init(Cipher.ENCRYPT_MODE, sessionKey(16), new GCMParameterSpec(128, new byte[16])));
    }

    @Test
    void init_foreignKeyGivenExplicitly_servedByTheNextProviderAsItWould() throws Exception {
        Cipher c = cipher("AES/CBC/PKCS5Padding");
        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        javax.crypto.spec.IvParameterSpec iv = new javax.crypto.spec.IvParameterSpec(new byte[16]);
        c.init(Cipher.ENCRYPT_MODE, key, iv);
        Cipher sun = Cipher.getInstance("AES/CBC/PKCS5Padding", "SunJCE");
        sun.init(Cipher.ENCRYPT_MODE, key, iv);
        assertArrayEquals(sun.doFinal(new byte[21]), c.doFinal(new byte[21]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES_128/CBC/NoPadding", "AES_192/ECB/NoPadding", "AES_256/CBC/NoPadding"})
    void init_fixedSizeVariantWithOtherKeySize_throwsInvalidKeyException(String transformation) throws Exception {
        Cipher c = cipher(transformation);
        int wrong = transformation.startsWith("AES_128") ? 32 : 16;
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> c.init(Cipher.ENCRYPT_MODE, sessionKey(wrong), iv(1)));
        assertTrue(e.getMessage().contains("-bit key"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES_128/CBC/NoPadding", "AES_192/CBC/NoPadding", "AES_256/CBC/NoPadding"})
    void init_fixedSizeVariantWithItsKeySize_encrypts(String transformation) throws Exception {
        Cipher c = cipher(transformation);
        int bytes = Integer.parseInt(transformation.substring(4, 7)) / 8;
        c.init(Cipher.ENCRYPT_MODE, sessionKey(bytes), iv(1));
        assertEquals(32, c.doFinal(new byte[32]).length);
    }

    @Test
    void wrapMode_wrapsLikeSunJceAndUnwrapsIntoASessionKey() throws Exception {
        byte[] kek = new byte[16];
        byte[] toWrap = hex("000102030405060708090a0b0c0d0e0f");
        Cipher c = cipher("AES/CBC/PKCS5Padding");
        c.init(Cipher.WRAP_MODE, sessionKey(kek), iv(1));
        byte[] wrapped = c.wrap(new javax.crypto.spec.SecretKeySpec(toWrap, "AES"));
        Cipher sun = Cipher.getInstance("AES/CBC/PKCS5Padding", java.security.Security.getProvider("SunJCE"));
        sun.init(Cipher.UNWRAP_MODE, new javax.crypto.spec.SecretKeySpec(kek, "AES"), iv(1));
        assertArrayEquals(toWrap, sun.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded());
        Cipher u = cipher("AES/CBC/PKCS5Padding");
        u.init(Cipher.UNWRAP_MODE, sessionKey(kek), iv(1));
        assertTrue(u.unwrap(wrapped, "AES", Cipher.SECRET_KEY) instanceof io.sessionkeys.SessionKey);
    }

    @Test
    void initEncrypt_withAlgorithmParameters_usesTheirIv() throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("AES");
        params.init(iv(7));
        Cipher c = cipher("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, sessionKey(16), params);
        assertArrayEquals(iv(7).getIV(), c.getIV());
    }

    @Test
    void initDecrypt_withEncryptorsParameters_decrypts() throws Exception {
        var key = sessionKey(24);
        Cipher enc = cipher("AES/CBC/PKCS5Padding");
        enc.init(Cipher.ENCRYPT_MODE, key);
        byte[] ct = enc.doFinal("attack at dawn".getBytes());
        Cipher dec = cipher("AES/CBC/PKCS5Padding");
        dec.init(Cipher.DECRYPT_MODE, key, enc.getParameters());
        assertEquals("attack at dawn", new String(dec.doFinal(ct)));
    }

    @Test
    void getParameters_ecb_isNull() throws Exception {
        Cipher c = cipher("AES/ECB/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, sessionKey(16));
        assertNull(c.getParameters());
        assertNull(c.getIV());
    }

    @Test
    void getParameters_cbc_areAesParametersHoldingTheIv() throws Exception {
        Cipher c = cipher("AES/CBC/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, sessionKey(16), iv(3));
        AlgorithmParameters p = c.getParameters();
        assertEquals("AES", p.getAlgorithm());
        assertArrayEquals(iv(3).getIV(), p.getParameterSpec(IvParameterSpec.class).getIV());
    }

    @Test
    void getBlockSize_isSixteen() throws Exception {
        assertEquals(16, cipher("AES/CTR/NoPadding").getBlockSize());
    }

    @Test
    void update_beforeInit_throwsIllegalStateException() throws Exception {
        Cipher c = cipher("AES/CBC/NoPadding");
        assertThrows(IllegalStateException.class, () -> c.update(new byte[16]));
    }
}

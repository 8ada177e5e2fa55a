package io.sessionkeys.tests.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Nonces, tag lengths and parameters in, and IV and parameters out. */
class AeadParametersTest {

    private static final byte[] DATA = new byte[33];

    @ParameterizedTest
    @EnumSource(Aead.class)
    void getParameters_afterEncryptInit_namesTheAlgorithmAndCarriesTheIv(Aead aead) throws Exception {
        Cipher c = aead.cipher();
        c.init(Cipher.ENCRYPT_MODE, aead.newKey());
        AlgorithmParameters p = c.getParameters();
        assertEquals(aead.parametersAlgorithm, p.getAlgorithm());
        byte[] iv = aead == Aead.AES_GCM ? p.getParameterSpec(GCMParameterSpec.class).getIV()
                : p.getParameterSpec(IvParameterSpec.class).getIV();
        assertArrayEquals(c.getIV(), iv);
        assertEquals(12, iv.length);
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void init_withAlgorithmParameters_decryptsWhatWasEncrypted(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        Cipher enc = aead.cipher();
        enc.init(Cipher.ENCRYPT_MODE, key);
        byte[] ct = enc.doFinal(DATA);
        AlgorithmParameters encoded = AlgorithmParameters.getInstance(aead.parametersAlgorithm);
        encoded.init(enc.getParameters().getEncoded());
        Cipher dec = aead.cipher();
        dec.init(Cipher.DECRYPT_MODE, key, encoded);
        assertArrayEquals(DATA, dec.doFinal(ct));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void init_withOtherAlgorithmsParameters_invalidAlgorithmParameter(Aead aead) throws Exception {
        AlgorithmParameters other = AlgorithmParameters.getInstance(aead == Aead.AES_GCM ? "ChaCha20-Poly1305" : "GCM");
        other.init(aead == Aead.AES_GCM ? new IvParameterSpec(new byte[12]) : new GCMParameterSpec(128, new byte[12]));
        Cipher c = aead.cipher();
        assertThrows(InvalidAlgorithmParameterException.class, () -> c.init(Cipher.ENCRYPT_MODE, aead.newKey(), other));
    }

    @ParameterizedTest
    @ValueSource(ints = {96, 104, 112, 120, 128})
    void gcmInit_acceptedTagLength_tagHasThatLengthAndDecrypts(int bits) throws Exception {
        Aead aead = Aead.AES_GCM;
        SecretKey key = aead.newKey();
        byte[] iv = Nonces.random();
        Cipher enc = aead.cipher();
        enc.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(bits, iv));
        assertEquals(DATA.length + bits / 8, enc.getOutputSize(DATA.length));
        byte[] ct = enc.doFinal(DATA);
        assertEquals(DATA.length + bits / 8, ct.length);
        assertEquals(bits, enc.getParameters().getParameterSpec(GCMParameterSpec.class).getTLen());
        Cipher dec = aead.cipher();
        dec.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(bits, iv));
        assertArrayEquals(DATA, dec.doFinal(ct));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 32, 64, 88, 100, 136})
    void gcmInit_unsupportedTagLength_invalidAlgorithmParameter(int bits) throws Exception {
        Cipher c = Aead.AES_GCM.cipher();
        InvalidAlgorithmParameterException e = assertThrows(InvalidAlgorithmParameterException.class,
                () -> c.init(Cipher.ENCRYPT_MODE, Aead.AES_GCM.newKey(), new GCMParameterSpec(bits, Nonces.random())));
        assertTrue(e.getMessage().contains("{128, 120, 112, 104, 96}"), e.getMessage());
    }

    @Test
    void gcmInit_emptyIv_invalidAlgorithmParameter() throws Exception {
        Cipher c = Aead.AES_GCM.cipher();
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> c.init(Cipher.ENCRYPT_MODE, Aead.AES_GCM.newKey(), new GCMParameterSpec(128, new byte[0])));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 13, 16, 64})
    void gcmEncrypt_unusualIvLength_matchesSunJce(int ivLength) throws Exception {
        byte[] keyBytes = Nonces.random(32);
        byte[] iv = Nonces.random(ivLength);
        Cipher ours = Aead.AES_GCM.cipher();
        ours.init(Cipher.ENCRYPT_MODE, Aead.AES_GCM.importKey(keyBytes), new GCMParameterSpec(128, iv));
        Cipher sun = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        sun.init(Cipher.ENCRYPT_MODE, Aead.AES_GCM.foreignKey(keyBytes), new GCMParameterSpec(128, iv));
        assertArrayEquals(sun.doFinal(DATA), ours.doFinal(DATA));
    }

    @Test
    void gcmInit_ivParameterSpec_invalidAlgorithmParameterAsSunJce() throws Exception {
        Cipher c = Aead.AES_GCM.cipher();
        InvalidAlgorithmParameterException e = assertThrows(InvalidAlgorithmParameterException.class,
                () -> c.init(Cipher.ENCRYPT_MODE, Aead.AES_GCM.newKey(), new IvParameterSpec(new byte[12])));
        assertTrue(e.getMessage().contains("GCMParameterSpec"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 11, 13, 24})
    void chaChaInit_nonceNotTwelveBytes_invalidAlgorithmParameter(int length) throws Exception {
        Cipher c = Aead.CHACHA20_POLY1305.cipher();
        InvalidAlgorithmParameterException e = assertThrows(InvalidAlgorithmParameterException.class,
                () -> c.init(Cipher.ENCRYPT_MODE, Aead.CHACHA20_POLY1305.newKey(), new IvParameterSpec(new byte[length])));
        assertTrue(e.getMessage().contains("12 bytes"), e.getMessage());
    }

    @Test
    void chaChaInit_gcmParameterSpec_invalidAlgorithmParameter() throws Exception {
        Cipher c = Aead.CHACHA20_POLY1305.cipher();
        assertThrows(InvalidAlgorithmParameterException.class, () -> c.init(Cipher.ENCRYPT_MODE,
                Aead.CHACHA20_POLY1305.newKey(), new GCMParameterSpec(128, new byte[12])));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void getOutputSize_encryptAndDecrypt_exact(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        Cipher enc = aead.cipher();
        enc.init(Cipher.ENCRYPT_MODE, key);
        assertEquals(26, enc.getOutputSize(10));
        assertEquals(16, enc.getOutputSize(0));
        Cipher dec = aead.cipher();
        dec.init(Cipher.DECRYPT_MODE, key, enc.getParameters());
        assertEquals(0, dec.getOutputSize(10));
        dec.update(new byte[5]);
        assertEquals(0, dec.getOutputSize(3));
        assertEquals(19, dec.getOutputSize(30));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void getBlockSize_asSunJce(Aead aead) throws Exception {
        assertEquals(Cipher.getInstance(aead.transformation, "SunJCE").getBlockSize(), aead.cipher().getBlockSize());
    }
}

package io.sessionkeys.tests.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Provider-made nonces are unique per key; no nonce encrypts twice under one key; decryption never refuses. */
class NonceSafetyTest {

    @ParameterizedTest
    @EnumSource(Aead.class)
    void encryptInit_withoutParameters_twelveByteNoncesUniquePerKey(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            Cipher c = aead.cipher();
            c.init(Cipher.ENCRYPT_MODE, key);
            byte[] iv = c.getIV();
            assertEquals(12, iv.length);
            assertTrue(seen.add(Arrays.toString(iv)), "nonce repeated after " + i + " encryptions");
        }
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void encryptInit_callerNonceUsedByAnotherCipher_invalidAlgorithmParameter(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        byte[] nonce = Nonces.random();
        Cipher first = aead.cipher();
        first.init(Cipher.ENCRYPT_MODE, key, aead.spec(nonce));
        first.doFinal(new byte[5]);
        Cipher second = aead.cipher();
        InvalidAlgorithmParameterException e = assertThrows(InvalidAlgorithmParameterException.class,
                () -> second.init(Cipher.ENCRYPT_MODE, key, aead.spec(nonce.clone())));
        assertTrue(e.getMessage().contains("already used"), e.getMessage());
        // the same nonce under another key is fine
        second.init(Cipher.ENCRYPT_MODE, aead.newKey(), aead.spec(nonce));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void encryptInit_olderCallerNonceNotJustThePrevious_refused(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        byte[] oldest = Nonces.random();
        Cipher c = aead.cipher();
        c.init(Cipher.ENCRYPT_MODE, key, aead.spec(oldest));
        for (int i = 0; i < 10; i++) {
            c.init(Cipher.ENCRYPT_MODE, key, aead.spec(Nonces.random()));
            c.init(Cipher.ENCRYPT_MODE, key);
        }
        assertThrows(InvalidAlgorithmParameterException.class, () -> c.init(Cipher.ENCRYPT_MODE, key, aead.spec(oldest)));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void encryptInit_callerNonceEqualToAProviderMadeOne_refused(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        Cipher c = aead.cipher();
        c.init(Cipher.ENCRYPT_MODE, key);
        byte[] made = c.getIV();
        c.doFinal(new byte[3]);
        Cipher other = aead.cipher();
        assertThrows(InvalidAlgorithmParameterException.class, () -> other.init(Cipher.ENCRYPT_MODE, key, aead.spec(made)));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void encryptInit_callerTakesTheNextProviderNonce_providerSkipsIt(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        Cipher c = aead.cipher();
        c.init(Cipher.ENCRYPT_MODE, key);
        byte[] next = c.getIV();
        next[11]++; // the next counter value, assuming no carry, which the first nonce of a key never has
        Cipher caller = aead.cipher();
        caller.init(Cipher.ENCRYPT_MODE, key, aead.spec(next));
        for (int i = 0; i < 5; i++) {
            c.init(Cipher.ENCRYPT_MODE, key);
            assertFalse(Arrays.equals(next, c.getIV()));
        }
    }

    @Test
    void gcmEncryptInit_sameIvDifferentTagLength_stillRefused() throws Exception {
        SecretKey key = Aead.AES_GCM.newKey();
        byte[] iv = Nonces.random();
        Cipher c = Aead.AES_GCM.cipher();
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(96, iv)));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void decryptInit_repeatedNonce_neverRefused(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        Cipher enc = aead.cipher();
        enc.init(Cipher.ENCRYPT_MODE, key);
        byte[] ct = enc.doFinal(new byte[9]);
        for (int i = 0; i < 3; i++) {
            Cipher dec = aead.cipher();
            dec.init(Cipher.DECRYPT_MODE, key, enc.getParameters());
            assertArrayEquals(new byte[9], dec.doFinal(ct));
            dec.init(Cipher.DECRYPT_MODE, key, enc.getParameters());
        }
    }
}

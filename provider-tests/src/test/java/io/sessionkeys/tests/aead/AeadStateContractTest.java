package io.sessionkeys.tests.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The AEAD state contract: AAD before data, one encryption per nonce, decryption restarts. */
class AeadStateContractTest {

    private static final byte[] DATA = "attack at dawn, bring snacks".getBytes();

    @ParameterizedTest
    @EnumSource(Aead.class)
    void updateAAD_afterUpdate_illegalState(Aead aead) throws Exception {
        for (int mode : new int[] {Cipher.ENCRYPT_MODE, Cipher.DECRYPT_MODE}) {
            Cipher c = aead.cipher();
            c.init(mode, aead.newKey(), aead.spec(Nonces.random()));
            c.updateAAD(new byte[3]);
            c.update(new byte[20]);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.updateAAD(new byte[1]));
            assertTrue(e.getMessage().contains("AAD"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> c.updateAAD(ByteBuffer.allocate(1)));
        }
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void anyCall_afterEncryptingDoFinal_illegalStateUntilReinit(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        Cipher c = aead.cipher();
        c.init(Cipher.ENCRYPT_MODE, key);
        c.doFinal(DATA);
        assertThrows(IllegalStateException.class, () -> c.update(DATA));
        assertThrows(IllegalStateException.class, () -> c.updateAAD(DATA));
        assertThrows(IllegalStateException.class, () -> c.doFinal());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.doFinal(DATA));
        assertTrue(e.getMessage().contains("init again"), e.getMessage());
        c.init(Cipher.ENCRYPT_MODE, key);
        assertEquals(DATA.length + 16, c.doFinal(DATA).length);
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void decryptDoFinal_twice_sameCiphertextDecryptsAgain(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        Cipher enc = aead.cipher();
        enc.init(Cipher.ENCRYPT_MODE, key);
        enc.updateAAD(new byte[] {1, 2});
        byte[] ct = enc.doFinal(DATA);
        Cipher dec = aead.cipher();
        dec.init(Cipher.DECRYPT_MODE, key, enc.getParameters());
        for (int i = 0; i < 2; i++) {
            dec.updateAAD(new byte[] {1, 2});
            assertArrayEquals(DATA, dec.doFinal(ct));
        }
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void decryptDoFinal_afterBadTag_cipherIsReadyForTheNextMessage(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        Cipher enc = aead.cipher();
        enc.init(Cipher.ENCRYPT_MODE, key);
        byte[] ct = enc.doFinal(DATA);
        Cipher dec = aead.cipher();
        dec.init(Cipher.DECRYPT_MODE, key, enc.getParameters());
        byte[] bad = ct.clone();
        bad[0] ^= 1;
        assertThrows(AEADBadTagException.class, () -> dec.doFinal(bad));
        assertArrayEquals(DATA, dec.doFinal(ct));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void init_decryptWithoutParameters_invalidKey(Aead aead) throws Exception {
        Cipher c = aead.cipher();
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> c.init(Cipher.DECRYPT_MODE, aead.newKey()));
        assertTrue(e.getMessage().contains("nonce"), e.getMessage());
        assertThrows(InvalidKeyException.class, () -> c.init(Cipher.DECRYPT_MODE, aead.newKey(),
                (java.security.spec.AlgorithmParameterSpec) null));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void init_wrapMode_asSunJce(Aead aead) throws Exception {
        Cipher c = aead.cipher();
        if (aead == Aead.AES_GCM) { // SunJCE wraps with AES-GCM; ModeWrapTest checks it against SunJCE
            javax.crypto.SecretKey kek = aead.newKey();
            c.init(Cipher.WRAP_MODE, kek);
            byte[] wrapped = c.wrap(aead.newKey());
            Cipher u = aead.cipher();
            u.init(Cipher.UNWRAP_MODE, kek, c.getParameters());
            assertTrue(u.unwrap(wrapped, "AES", Cipher.SECRET_KEY) instanceof io.sessionkeys.SessionKey);
            return;
        }
        assertThrows(UnsupportedOperationException.class, () -> c.init(Cipher.WRAP_MODE, aead.newKey()));
        assertThrows(UnsupportedOperationException.class, () -> c.init(Cipher.UNWRAP_MODE, aead.newKey(),
                aead.spec(Nonces.random())));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void update_decrypting_returnsNothingUntilDoFinal(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        Cipher enc = aead.cipher();
        enc.init(Cipher.ENCRYPT_MODE, key);
        byte[] ct = enc.doFinal(DATA);
        Cipher dec = aead.cipher();
        dec.init(Cipher.DECRYPT_MODE, key, enc.getParameters());
        byte[] part = dec.update(ct, 0, ct.length - 3);
        assertTrue(part == null || part.length == 0);
        assertEquals(0, dec.update(ct, 0, 0, new byte[0], 0));
        assertArrayEquals(DATA, dec.doFinal(ct, ct.length - 3, 3));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void getIvAndParameters_beforeInit_asSunJceAnswersWithoutAKey(Aead aead) throws Exception {
        Cipher c = aead.cipher();
        Cipher sun = Cipher.getInstance(c.getAlgorithm(), "SunJCE");
        assertArrayEquals(sun.getIV(), c.getIV());
        java.security.AlgorithmParameters ours = c.getParameters();
        java.security.AlgorithmParameters theirs = sun.getParameters();
        assertEquals(theirs == null, ours == null);
        if (theirs != null) { // SunJCE makes random parameters: compare their shape
            assertEquals(theirs.getAlgorithm(), ours.getAlgorithm());
            assertEquals(theirs.getEncoded().length, ours.getEncoded().length);
        }
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void decryptDoFinal_shorterThanTheTag_badTagAndReadyAgain(Aead aead) throws Exception {
        SecretKey key = aead.newKey();
        Cipher enc = aead.cipher();
        enc.init(Cipher.ENCRYPT_MODE, key);
        byte[] ct = enc.doFinal(DATA);
        Cipher dec = aead.cipher();
        dec.init(Cipher.DECRYPT_MODE, key, enc.getParameters());
        dec.update(new byte[5]);
        AEADBadTagException e = assertThrows(AEADBadTagException.class,
                () -> dec.doFinal(new byte[10]));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        assertArrayEquals(DATA, dec.doFinal(ct));
    }
}

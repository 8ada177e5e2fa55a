package io.sessionkeys.tests.blockmode;

import static io.sessionkeys.tests.blockmode.BlockModes.cipher;
import static io.sessionkeys.tests.blockmode.BlockModes.iv;
import static io.sessionkeys.tests.blockmode.BlockModes.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Security;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaddingTest {

    private static final byte[] RAW_KEY = BlockModes.hex("000102030405060708090a0b0c0d0e0f");

    /** A ciphertext whose last block decrypts to {@code lastBlock}, made with SunJCE's ECB. */
    private static byte[] ecbCiphertextOf(byte[] plaintext) throws Exception {
        Cipher raw = Cipher.getInstance("AES/ECB/NoPadding", Security.getProvider("SunJCE"));
        raw.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(RAW_KEY, "AES"));
        return raw.doFinal(plaintext);
    }

    private static Cipher decryptor(String transformation) throws Exception {
        Cipher c = cipher(transformation);
        SecretKey key = sessionKey(RAW_KEY);
        if (BlockModes.usesIv(transformation)) {
            c.init(Cipher.DECRYPT_MODE, key, iv(0));
        } else {
            c.init(Cipher.DECRYPT_MODE, key);
        }
        return c;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 17, 255})
    void doFinal_padByteOutOfRange_throwsBadPaddingException(int padByte) throws Exception {
        byte[] block = new byte[16];
        block[15] = (byte) padByte;
        byte[] ct = ecbCiphertextOf(block);
        assertThrows(BadPaddingException.class, () -> decryptor("AES/ECB/PKCS5Padding").doFinal(ct));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 12, 14})
    void doFinal_onePaddingByteWrong_throwsBadPaddingException(int wrongAt) throws Exception {
        byte[] block = new byte[16];
        java.util.Arrays.fill(block, 12, 16, (byte) 4);
        if (wrongAt >= 12) {
            block[wrongAt] = 3;
        } else {
            java.util.Arrays.fill(block, (byte) 16);
            block[wrongAt] = 15;
        }
        byte[] ct = ecbCiphertextOf(block);
        assertThrows(BadPaddingException.class, () -> decryptor("AES").doFinal(ct));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 17, 255})
    void doFinal_iso10126CountOutOfRange_throwsBadPaddingExceptionAsSunJce(int count) throws Exception {
        byte[] block = new byte[16];
        block[15] = (byte) count;
        byte[] ct = ecbCiphertextOf(block);
        assertThrows(BadPaddingException.class, () -> decryptor("AES/ECB/ISO10126Padding").doFinal(ct));
        Cipher sun = Cipher.getInstance("AES/ECB/ISO10126Padding", Security.getProvider("SunJCE"));
        sun.init(Cipher.DECRYPT_MODE, new SecretKeySpec(RAW_KEY, "AES"));
        assertThrows(BadPaddingException.class, () -> sun.doFinal(ct));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16})
    void doFinal_iso10126AnyFillerWithCountInRange_isAcceptedAsSunJce(int count) throws Exception {
        byte[] block = new byte[16];
        java.util.Arrays.fill(block, (byte) 0x5a); // filler that PKCS5 would refuse
        block[15] = (byte) count;
        byte[] ct = ecbCiphertextOf(block);
        assertArrayEquals(java.util.Arrays.copyOf(block, 16 - count), decryptor("AES/ECB/ISO10126Padding").doFinal(ct));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES/CFB8/PKCS5Padding", "AES/OFB/ISO10126Padding", "AES/PCBC/PKCS5Padding"})
    void doFinal_otherModesPaddedBadly_throwBadPaddingException(String transformation) throws Exception {
        byte[] plain = new byte[32];
        plain[31] = 0; // count 0: bad for both paddings
        Cipher raw = Cipher.getInstance(transformation.replaceAll("/[A-Z0-9]+Padding$", "/NoPadding"),
                Security.getProvider("SunJCE"));
        raw.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(RAW_KEY, "AES"), iv(0));
        byte[] ct = raw.doFinal(plain);
        assertThrows(BadPaddingException.class, () -> decryptor(transformation).doFinal(ct));
    }

    @Test
    void doFinal_fullBlockOfPadding_givesEmptyMessage() throws Exception {
        byte[] block = new byte[16];
        java.util.Arrays.fill(block, (byte) 16);
        assertArrayEquals(new byte[0], decryptor("AES/ECB/PKCS5Padding").doFinal(ecbCiphertextOf(block)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES/CBC/PKCS5Padding", "AES/ECB/PKCS5Padding"})
    void doFinal_emptyPaddedCiphertext_throwsIllegalBlockSizeException(String transformation) throws Exception {
        IllegalBlockSizeException e = assertThrows(IllegalBlockSizeException.class,
                () -> decryptor(transformation).doFinal());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES/CBC/PKCS5Padding", "AES/ECB/PKCS5Padding"})
    void doFinal_paddedCiphertextNotWholeBlocks_throwsIllegalBlockSizeException(String transformation)
            throws Exception {
        assertThrows(IllegalBlockSizeException.class, () -> decryptor(transformation).doFinal(new byte[33]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES/CBC/NoPadding", "AES/ECB/NoPadding"})
    void doFinal_unpaddedInputNotWholeBlocks_throwsIllegalBlockSizeException(String transformation)
            throws Exception {
        Cipher c = cipher(transformation);
        c.init(Cipher.ENCRYPT_MODE, sessionKey(RAW_KEY));
        assertThrows(IllegalBlockSizeException.class, () -> c.doFinal(new byte[17]));
    }

    @Test
    void doFinal_afterIllegalBlockSize_keepsTheBufferedInput() throws Exception {
        byte[] m = new byte[32];
        byte[] expected = ecbCiphertextOf(m);
        Cipher c = cipher("AES/ECB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, sessionKey(RAW_KEY));
        byte[] first = c.update(m, 0, 20);
        assertThrows(IllegalBlockSizeException.class, () -> c.doFinal(m, 20, 5));
        assertArrayEquals(expected, BuffersTest.concat(first, c.doFinal(m, 20, 12)));
    }

    @Test
    void doFinal_afterBadPadding_decryptsTheNextMessage() throws Exception {
        Cipher c = decryptor("AES/ECB/PKCS5Padding");
        assertThrows(BadPaddingException.class, () -> c.doFinal(ecbCiphertextOf(new byte[16])));
        byte[] good = new byte[16];
        java.util.Arrays.fill(good, 8, 16, (byte) 8);
        assertArrayEquals(new byte[8], c.doFinal(ecbCiphertextOf(good)));
    }

    @Test
    void doFinal_badPaddingIntoCallersBuffer_leavesNoPlaintextThere() throws Exception {
        byte[] block = new byte[32];
        java.util.Arrays.fill(block, (byte) 0x41); // last byte 0x41: invalid padding
        byte[] ct = ecbCiphertextOf(block);
        byte[] out = new byte[32];
        Cipher c = decryptor("AES/ECB/PKCS5Padding");
        assertThrows(BadPaddingException.class, () -> c.doFinal(ct, 0, ct.length, out, 0));
        assertArrayEquals(new byte[32], out);
    }
}

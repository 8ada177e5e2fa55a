package io.sessionkeys.tests.capi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.CngKeyDataBlobSpec;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.PlaintextKeyBlobSpec;
import io.sessionkeys.PublicKeyBlobSpec;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The plaintext and public key blob formats against blobs the real CryptoAPI and CNG made
 * (recorded in {@code capi/known-answers.properties}; no Wine needed), and every kind of damaged
 * blob: each gets an {@link InvalidKeySpecException}, makes no key, and leaves the blob as it was.
 */
class KeyBlobFormatTest {

    private static final KeyPolicy EXPORTABLE = KeyPolicy.builder().plaintextExportable(true).build();
    private static final KnownAnswerBlobs WINDOWS = KnownAnswerBlobs.load();

    private final SessionKeysProvider provider = new SessionKeysProvider();

    private SecretKeyFactory aes() throws Exception {
        return SecretKeyFactory.getInstance("AES", provider);
    }

    @Test
    void plaintextKeyBlob_fromCryptoApi_decryptsItsCryptEncrypt() throws Exception {
        byte[] blob = WINDOWS.bytes("plaintextkeyblob");
        SecretKey key = aes().generateSecret(PlaintextKeyBlobSpec.consuming(blob, null, null));
        assertEquals(256, ((SessionKey) key).keySizeBits());
        assertArrayEquals(new byte[blob.length], blob, "the import zeroes the blob");
        assertArrayEquals(WINDOWS.bytes("message"), cbcDecrypt(key, new byte[16], WINDOWS.bytes("plaintextkeyblob.ciphertext")));
    }

    @Test
    void keyDataBlob_fromCng_decryptsItsBCryptEncrypt() throws Exception {
        SecretKey key = aes().generateSecret(CngKeyDataBlobSpec.consuming(WINDOWS.bytes("keydatablob"), null, null));
        assertEquals(128, ((SessionKey) key).keySizeBits());
        assertArrayEquals(WINDOWS.bytes("message"),
                cbcDecrypt(key, WINDOWS.bytes("keydatablob.iv"), WINDOWS.bytes("keydatablob.ciphertext")));
    }

    @Test
    void export_ofAnImportedBlob_isTheSameBlobAndIsRecorded() throws Exception {
        SessionKey fromCapi = (SessionKey) aes().generateSecret(
                PlaintextKeyBlobSpec.consuming(WINDOWS.bytes("plaintextkeyblob"), EXPORTABLE, null));
        long exportedBefore = mbean().getExportedKeys();
        PlaintextKeyBlobSpec capi = (PlaintextKeyBlobSpec) aes().getKeySpec(fromCapi, PlaintextKeyBlobSpec.class);
        assertArrayEquals(WINDOWS.bytes("plaintextkeyblob"), capi.blob());
        assertEquals("PLAINTEXTKEYBLOB", fromCapi.exports().get(0).method());
        assertEquals(exportedBefore + 1, mbean().getExportedKeys());

        SessionKey fromCng = (SessionKey) aes().generateSecret(
                CngKeyDataBlobSpec.consuming(WINDOWS.bytes("keydatablob"), EXPORTABLE, null));
        CngKeyDataBlobSpec cng = (CngKeyDataBlobSpec) aes().getKeySpec(fromCng, CngKeyDataBlobSpec.class);
        assertArrayEquals(WINDOWS.bytes("keydatablob"), cng.blob());
        assertEquals("BCRYPT_KEY_DATA_BLOB", fromCng.exports().get(0).method());
    }

    @Test
    void export_ofAKeyWithoutPlaintextExport_isRefusedAndNotRecorded() throws Exception {
        SessionKey key = (SessionKey) aes().generateSecret(
                PlaintextKeyBlobSpec.consuming(WINDOWS.bytes("plaintextkeyblob"), KeyPolicy.builder().build(), null));
        for (Class<? extends KeySpec> spec : java.util.List.of(PlaintextKeyBlobSpec.class, CngKeyDataBlobSpec.class)) {
            InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class, () -> aes().getKeySpec(key, spec));
            assertTrue(e.getMessage().contains("plaintext export"), e.getMessage());
        }
        assertTrue(key.exports().isEmpty());
    }

    @Test
    void plaintextKeyBlob_intoAFactoryOtherThanAes_isRefused() throws Exception {
        byte[] blob = WINDOWS.bytes("plaintextkeyblob");
        SecretKeyFactory chacha = SecretKeyFactory.getInstance("ChaCha20", provider);
        assertRefused(blob, b -> PlaintextKeyBlobSpec.consuming(b, null, null), chacha, "\"AES\"");
    }

    @Test
    void plaintextKeyBlob_damaged_isRefusedWithoutAKey() throws Exception {
        byte[] good = WINDOWS.bytes("plaintextkeyblob");
        Function<byte[], KeySpec> spec = b -> PlaintextKeyBlobSpec.consuming(b, null, null);
        assertRefused(with(good, 0, 0x01), spec, aes(), "bType 0x01");
        assertRefused(with(good, 1, 3), spec, aes(), "bVersion 3");
        assertRefused(with(good, 2, 1), spec, aes(), "reserved");
        assertRefused(with(good, 4, 0x03), spec, aes(), "0x6603"); // CALG_3DES
        assertRefused(with(good, 4, 0x0E), spec, aes(), "dwKeySize is 32 but CALG_AES_128"); // key of 32 bytes
        assertRefused(with(good, 8, 16), spec, aes(), "dwKeySize is 16");
        assertRefused(Arrays.copyOf(good, good.length + 1), spec, aes(), "1 bytes too many");
        for (int length = 0; length < good.length; length++) {
            assertRefused(Arrays.copyOf(good, length), spec, aes(), length < 12 ? "" : "truncated");
        }
    }

    @Test
    void keyDataBlob_damaged_isRefusedWithoutAKey() throws Exception {
        byte[] good = WINDOWS.bytes("keydatablob");
        Function<byte[], KeySpec> spec = b -> CngKeyDataBlobSpec.consuming(b, null, null);
        assertRefused(with(good, 0, 0x4c), spec, aes(), "dwMagic");
        assertRefused(with(good, 4, 2), spec, aes(), "dwVersion 2");
        assertRefused(with(good, 8, 17), spec, aes(), "truncated");
        assertRefused(with(good, 11, 0xFF), spec, aes(), "truncated"); // cbKeyData near 2^32
        assertRefused(with(good, 8, 15), spec, aes(), "1 bytes too many");
        byte[] fifteen = Arrays.copyOf(with(good, 8, 15), good.length - 1);
        assertRefused(fifteen, spec, aes(), "120-bit key");
        for (int length = 0; length < good.length; length++) {
            assertRefused(Arrays.copyOf(good, length), spec, aes(), "");
        }
    }

    @Test
    void publicKeyBlob_fromCryptoApi_isItsExchangeKey_andWritesBackByteForByte() throws Exception {
        byte[] blob = WINDOWS.bytes("exchange.publickeyblob");
        RSAPrivateCrtKeySpec windowsKey = KnownAnswerBlobs.privateKeyBlob(WINDOWS.bytes("exchange.privatekeyblob"));
        PublicKeyBlobSpec spec = PublicKeyBlobSpec.parse(blob);
        assertEquals(windowsKey.getModulus(), spec.getModulus());
        assertEquals(windowsKey.getPublicExponent(), spec.getPublicExponent());
        assertEquals(PublicKeyBlobSpec.CALG_RSA_KEYX, spec.algId());

        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
        assertArrayEquals(blob, PublicKeyBlobSpec.of(key).blob());
    }

    @Test
    void publicKeyBlob_damaged_isRefused() throws Exception {
        byte[] good = WINDOWS.bytes("exchange.publickeyblob");
        assertParseRefused(with(good, 0, 0x07), "bType 0x07");
        assertParseRefused(with(good, 1, 1), "bVersion 1");
        assertParseRefused(with(good, 5, 0x66), "aiKeyAlg is 0x6600");
        assertParseRefused(with(good, 11, '2'), "\"RSA1\"");
        assertParseRefused(with(good, 13, 0x09), "2304-bit key"); // 0x0900 bits: longer than the blob
        assertParseRefused(with(good, 16, 0x02), "public exponent"); // 65538 is even
        assertParseRefused(Arrays.copyOf(good, good.length + 1), "2048-bit key");
        for (int length = 0; length < good.length; length++) {
            assertParseRefused(Arrays.copyOf(good, length), "");
        }
    }

    private static void assertParseRefused(byte[] blob, String reason) {
        InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class, () -> PublicKeyBlobSpec.parse(blob));
        assertTrue(e.getMessage().contains(reason), () -> "expected \"" + reason + "\" in: " + e.getMessage());
    }

    /** The refused import names the problem, makes no key, and leaves the caller's blob intact. */
    private static void assertRefused(byte[] blob, Function<byte[], KeySpec> spec, SecretKeyFactory factory,
            String reason) throws Exception {
        byte[] before = blob.clone();
        long created = mbean().getCreatedKeys();
        InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                () -> factory.generateSecret(spec.apply(blob)), () -> HexFormat.of().formatHex(before));
        assertTrue(e.getMessage().contains(reason), () -> "expected \"" + reason + "\" in: " + e.getMessage());
        assertEquals(created, mbean().getCreatedKeys(), "no key was made");
        assertArrayEquals(before, blob, "a refused import leaves the blob as it was");
    }

    private static byte[] with(byte[] blob, int offset, int value) {
        byte[] copy = blob.clone();
        copy[offset] = (byte) value;
        return copy;
    }

    private byte[] cbcDecrypt(SecretKey key, byte[] iv, byte[] ciphertext) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding", provider);
        c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
        return c.doFinal(ciphertext);
    }

    private static SessionKeysMXBean mbean() throws Exception {
        return JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
    }
}

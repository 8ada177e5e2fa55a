package io.sessionkeys.tests.capi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.CngKeyDataBlobSpec;
import io.sessionkeys.KeyExport;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.PlaintextKeyBlobSpec;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeysProvider;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plaintext key blobs exchanged with a real CryptoAPI and CNG (Wine's rsaenh and bcrypt):
 * {@code PLAINTEXTKEYBLOB} and {@code BCRYPT_KEY_DATA_BLOB} in both directions, each proved by
 * the other side decrypting what one side encrypted.
 */
class PlaintextBlobWineTest {

    private static final KeyPolicy EXPORTABLE = KeyPolicy.builder().plaintextExportable(true).build();
    private static final byte[] MESSAGE = "a message of 37 bytes, not a multiple".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZERO_IV = new byte[16];
    private static final long STATUS_NOT_IMPLEMENTED = 0xC0000002L;

    private static WinePeer windows;
    private final SessionKeysProvider provider = new SessionKeysProvider();

    @BeforeAll
    static void startWindows() throws Exception {
        windows = WinePeer.startIfInstalled();
    }

    @BeforeEach
    void needWindows() {
        WinePeer.require(windows);
    }

    @AfterAll
    static void stopWindows() throws Exception {
        if (windows != null) {
            windows.close();
        }
    }

    @Test
    void cryptEncrypt_defaults_areCbcPkcs5WithZeroIv() throws Exception {
        windows.call("aes-gen", 0, 256);
        ByteBuffer params = ByteBuffer.wrap(windows.call("params", 0)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, params.getInt(), "KP_MODE is CRYPT_MODE_CBC (1)");
        assertEquals(1, params.getInt(), "KP_PADDING is PKCS5_PADDING (1)");
        byte[] iv = new byte[params.remaining()];
        params.get(iv);
        assertArrayEquals(ZERO_IV, iv, "KP_IV starts as 16 zero bytes");
    }

    @Test
    void plaintextKeyBlob_fromCryptoApi_decryptsCryptEncrypt() throws Exception {
        windows.call("aes-gen", 1, 256);
        byte[] blob = windows.call("export-plain", 1);
        SessionKey key = (SessionKey) SecretKeyFactory.getInstance("AES", provider)
                .generateSecret(PlaintextKeyBlobSpec.consuming(blob, null, null));
        assertEquals(256, key.keySizeBits());
        assertArrayEquals(new byte[blob.length], blob, "the import zeroes the blob");
        byte[] ciphertext = windows.call("encrypt", 1, "-", MESSAGE);

        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding", provider);
        c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(ZERO_IV));
        assertArrayEquals(MESSAGE, c.doFinal(ciphertext));
    }

    @Test
    void plaintextKeyBlob_toCryptoApi_cryptDecryptReadsJavaCiphertext() throws Exception {
        SessionKey key = exportableAes(128);
        byte[] blob = ((PlaintextKeyBlobSpec) SecretKeyFactory.getInstance("AES", provider)
                .getKeySpec(key, PlaintextKeyBlobSpec.class)).blob();
        assertEquals("PLAINTEXTKEYBLOB", lastExport(key));
        windows.call("import-plain", 2, blob);

        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding", provider);
        c.init(Cipher.ENCRYPT_MODE, key);
        byte[] ciphertext = c.doFinal(MESSAGE);
        assertArrayEquals(MESSAGE, windows.call("decrypt", 2, c.getIV(), ciphertext));
    }

    @Test
    void keyDataBlob_fromCng_decryptsBCryptEncrypt() throws Exception {
        windows.call("cng-gen", 0, 32);
        byte[] blob = windows.call("cng-export-data", 0);
        SessionKey key = (SessionKey) SecretKeyFactory.getInstance("AES", provider)
                .generateSecret(CngKeyDataBlobSpec.consuming(blob, null, null));
        assertEquals(256, key.keySizeBits());
        byte[] iv = "sixteen byte iv!".getBytes(StandardCharsets.US_ASCII);
        byte[] ciphertext = windows.call("cng-encrypt", 0, iv, MESSAGE);

        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding", provider);
        c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
        assertArrayEquals(MESSAGE, c.doFinal(ciphertext));
    }

    @Test
    void keyDataBlob_toCng_bCryptDecryptReadsJavaCiphertext() throws Exception {
        SessionKey key = exportableAes(192);
        byte[] blob = ((CngKeyDataBlobSpec) SecretKeyFactory.getInstance("AES", provider)
                .getKeySpec(key, CngKeyDataBlobSpec.class)).blob();
        assertEquals("BCRYPT_KEY_DATA_BLOB", lastExport(key));
        windows.call("cng-import-data", 1, blob);

        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding", provider);
        c.init(Cipher.ENCRYPT_MODE, key);
        byte[] ciphertext = c.doFinal(MESSAGE);
        assertArrayEquals(MESSAGE, windows.call("cng-decrypt", 1, c.getIV(), ciphertext));
    }

    /**
     * Wine 8.0's bcrypt answers both directions of {@code BCRYPT_AES_WRAP_KEY_BLOB} with
     * STATUS_NOT_IMPLEMENTED: the test then skips, saying so (CngAesWrapBlobTest checks the blob
     * against RFC 3394 instead). On a Wine that implements it, it runs both ways.
     */
    @Test
    void aesWrapKeyBlob_bothWays_whereWineImplementsIt() throws Exception {
        windows.call("cng-gen", 2, 32);
        windows.call("cng-gen", 3, 16);
        byte[] wrapped;
        try {
            wrapped = windows.call("cng-export-wrap", 3, 2);
        } catch (WinePeer.Refused refused) {
            boolean notImplemented = refused.code == STATUS_NOT_IMPLEMENTED;
            if (notImplemented) {
                System.out.println("SKIPPED the BCRYPT_AES_WRAP_KEY_BLOB exchange: this Wine's BCryptExportKey"
                        + " does not implement it (STATUS_NOT_IMPLEMENTED)");
            }
            Assumptions.assumeFalse(notImplemented, "this Wine's BCryptExportKey does not implement"
                    + " BCRYPT_AES_WRAP_KEY_BLOB (STATUS_NOT_IMPLEMENTED)");
            throw refused;
        }
        SecretKeyFactory f = SecretKeyFactory.getInstance("AES", provider);
        SessionKey kek = (SessionKey) f.generateSecret(
                CngKeyDataBlobSpec.consuming(windows.call("cng-export-data", 2), null, null));
        Cipher unwrap = Cipher.getInstance("BCRYPT_AES_WRAP_KEY_BLOB", provider);
        unwrap.init(Cipher.UNWRAP_MODE, kek);
        SessionKey fromCng = (SessionKey) unwrap.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
        byte[] iv = new byte[16];
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding", provider);
        c.init(Cipher.DECRYPT_MODE, fromCng, new IvParameterSpec(iv));
        assertArrayEquals(MESSAGE, c.doFinal(windows.call("cng-encrypt", 3, iv, MESSAGE)));

        SessionKey fromJava = exportableAes(256);
        Cipher wrap = Cipher.getInstance("BCRYPT_AES_WRAP_KEY_BLOB", provider);
        wrap.init(Cipher.WRAP_MODE, kek);
        windows.call("cng-import-wrap", 4, 2, wrap.wrap(fromJava));
        c.init(Cipher.ENCRYPT_MODE, fromJava);
        byte[] ciphertext = c.doFinal(MESSAGE);
        assertArrayEquals(MESSAGE, windows.call("cng-decrypt", 4, c.getIV(), ciphertext));
    }

    private SessionKey exportableAes(int bits) throws Exception {
        KeyGenerator g = KeyGenerator.getInstance("AES", provider);
        g.init(io.sessionkeys.SessionKeyGenParameterSpec.builder().keySize(bits).policy(EXPORTABLE).build());
        return (SessionKey) g.generateKey();
    }

    private static String lastExport(SessionKey key) {
        assertTrue(!key.exports().isEmpty(), "the export is recorded on the key");
        KeyExport last = key.exports().get(key.exports().size() - 1);
        return last.method();
    }
}

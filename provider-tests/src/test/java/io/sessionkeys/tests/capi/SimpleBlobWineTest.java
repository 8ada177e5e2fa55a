package io.sessionkeys.tests.capi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionkeys.PublicKeyBlobSpec;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeysProvider;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.IvParameterSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SIMPLEBLOB} key transport with a real CryptoAPI (Wine's rsaenh), both ways, the public
 * keys handed over as {@code PUBLICKEYBLOB}s; each direction is proved by the other side
 * decrypting what one side encrypted with the transported key.
 */
class SimpleBlobWineTest {

    private static final byte[] MESSAGE = "a SIMPLEBLOB carried this key".getBytes(StandardCharsets.US_ASCII);

    private static WinePeer windows;
    private static KeyPair java;
    private final SessionKeysProvider provider = new SessionKeysProvider();

    @BeforeAll
    static void startWindows() throws Exception {
        windows = WinePeer.startIfInstalled();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java = g.generateKeyPair();
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
    void simpleBlob_fromCryptoApi_underJavasPublicKeyBlob_decryptsCryptEncrypt() throws Exception {
        byte[] publicKeyBlob = PublicKeyBlobSpec.of((RSAPublicKey) java.getPublic()).blob();
        for (int bits : new int[] {128, 192, 256}) {
            windows.call("aes-gen", 0, bits);
            byte[] simpleBlob = windows.call("export-simple", 0, publicKeyBlob);

            Cipher unwrap = Cipher.getInstance("SIMPLEBLOB", provider);
            unwrap.init(Cipher.UNWRAP_MODE, java.getPrivate());
            SessionKey key = (SessionKey) unwrap.unwrap(simpleBlob, "AES", Cipher.SECRET_KEY);
            assertEquals(bits, key.keySizeBits());

            byte[] ciphertext = windows.call("encrypt", 0, "-", MESSAGE);
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding", provider);
            c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(new byte[16]));
            assertArrayEquals(MESSAGE, c.doFinal(ciphertext), bits + "-bit key");
        }
    }

    @Test
    void simpleBlob_toCryptoApi_underItsPublicKeyBlob_cryptDecryptReadsJavaCiphertext() throws Exception {
        PublicKey exchange = KeyFactory.getInstance("RSA")
                .generatePublic(PublicKeyBlobSpec.parse(windows.call("rsa-gen", 2048)));
        KeyGenerator g = KeyGenerator.getInstance("AES", provider);
        g.init(256);
        SessionKey key = (SessionKey) g.generateKey();

        Cipher wrap = Cipher.getInstance("SIMPLEBLOB", provider);
        wrap.init(Cipher.WRAP_MODE, exchange);
        windows.call("import-simple", 1, wrap.wrap(key));
        assertEquals("RSA/ECB/PKCS1Padding", key.exports().get(0).method());

        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding", provider);
        c.init(Cipher.ENCRYPT_MODE, key);
        byte[] ciphertext = c.doFinal(MESSAGE);
        assertArrayEquals(MESSAGE, windows.call("decrypt", 1, c.getIV(), ciphertext));
    }
}

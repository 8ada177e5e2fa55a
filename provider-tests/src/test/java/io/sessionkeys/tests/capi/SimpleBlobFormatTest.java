package io.sessionkeys.tests.capi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyUnwrapSpec;
import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.IvParameterSpec;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * {@code SIMPLEBLOB} against blobs the real CryptoAPI made under a Java RSA key (recorded, no
 * Wine needed): the unwrapped key decrypts what CryptoAPI encrypted with it; damaged headers and
 * lengths (public facts) get an {@link InvalidKeyException} and no key; a damaged ciphertext gets
 * the implicit-rejection key of the size the header names, never an error.
 */
class SimpleBlobFormatTest {

    private static final KnownAnswerBlobs WINDOWS = KnownAnswerBlobs.load();
    private static final KeyPolicy EXPORTABLE = KeyPolicy.builder().plaintextExportable(true).build();

    private final SessionKeysProvider provider = new SessionKeysProvider();

    private PrivateKey javaKey() throws Exception {
        return WINDOWS.javaRsaPrivateKey();
    }

    private PublicKey javaPublicKey() throws Exception {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) javaKey();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
    }

    private SessionKey unwrap(byte[] blob, String algorithm) throws Exception {
        Cipher c = Cipher.getInstance("SIMPLEBLOB", provider);
        c.init(Cipher.UNWRAP_MODE, javaKey(), io.sessionkeys.SessionKeyUnwrapSpec.builder().policy(EXPORTABLE).build());
        return (SessionKey) c.unwrap(blob, algorithm, Cipher.SECRET_KEY);
    }

    private byte[] cbcDecrypt(SessionKey key, byte[] ciphertext) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding", provider);
        c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(new byte[16]));
        return c.doFinal(ciphertext);
    }

    @Test
    void simpleBlob_fromCryptoApi_decryptsItsCryptEncrypt() throws Exception {
        SessionKey aes256 = unwrap(WINDOWS.bytes("simpleblob"), "AES");
        assertEquals(256, aes256.keySizeBits());
        assertEquals(EXPORTABLE, aes256.policy());
        assertArrayEquals(WINDOWS.bytes("message"), cbcDecrypt(aes256, WINDOWS.bytes("simpleblob.ciphertext")));

        SessionKey aes128 = unwrap(WINDOWS.bytes("simpleblob128"), "AES_128");
        assertEquals(128, aes128.keySizeBits());
        assertArrayEquals(WINDOWS.bytes("message"), cbcDecrypt(aes128, WINDOWS.bytes("simpleblob128.ciphertext")));
    }

    @Test
    void simpleBlob_wrappedAndUnwrapped_inJava_isTheSameKey_andTheExportIsRecorded() throws Exception {
        KeyGenerator g = KeyGenerator.getInstance("AES", provider);
        g.init(io.sessionkeys.SessionKeyGenParameterSpec.builder().keySize(192).policy(EXPORTABLE).build());
        SessionKey key = (SessionKey) g.generateKey();
        Cipher wrap = Cipher.getInstance("SIMPLEBLOB", provider);
        wrap.init(Cipher.WRAP_MODE, javaPublicKey());
        byte[] blob = wrap.wrap(key);
        assertEquals(12 + 256, blob.length);
        assertEquals(wrap.getOutputSize(0), blob.length);
        assertArrayEquals(new byte[] {0x01, 0x02, 0, 0, 0x0F, 0x66, 0, 0, 0, (byte) 0xA4, 0, 0}, Arrays.copyOf(blob, 12));
        assertEquals("RSA/ECB/PKCS1Padding", key.exports().get(0).method());
        assertArrayEquals(key.getEncoded(), unwrap(blob, "AES").getEncoded());
    }

    @Test
    void wrap_ofAKeyThatMayNotBeWrappedOrIsNotAes_isRefused() throws Exception {
        KeyGenerator g = KeyGenerator.getInstance("AES", provider);
        g.init(io.sessionkeys.SessionKeyGenParameterSpec.builder().keySize(256).policy(KeyPolicy.builder().wrappable(false).build()).build());
        SessionKey sealed = (SessionKey) g.generateKey();
        KeyGenerator chacha = KeyGenerator.getInstance("ChaCha20", provider);
        Cipher wrap = Cipher.getInstance("SIMPLEBLOB", provider);
        wrap.init(Cipher.WRAP_MODE, javaPublicKey());
        assertThrows(InvalidKeyException.class, () -> wrap.wrap(sealed));
        assertThrows(InvalidKeyException.class, () -> wrap.wrap(chacha.generateKey()));
        assertTrue(sealed.exports().isEmpty());
    }

    @Test
    void dataModes_areNotOffered() throws Exception {
        Cipher c = Cipher.getInstance("SIMPLEBLOB", provider);
        assertThrows(UnsupportedOperationException.class, () -> c.init(Cipher.ENCRYPT_MODE, javaPublicKey()));
        assertThrows(InvalidKeyException.class, () -> c.init(Cipher.UNWRAP_MODE, javaPublicKey()));
    }

    @Test
    void damagedHeaderOrLength_isInvalidKey_withoutAKey() throws Exception {
        byte[] good = WINDOWS.bytes("simpleblob");
        assertRefused(with(good, 0, 0x08), "bType 0x08");
        assertRefused(with(good, 1, 1), "bVersion 1");
        assertRefused(with(good, 3, 1), "reserved");
        assertRefused(with(good, 4, 0x03), "0x6603"); // CALG_3DES
        assertRefused(with(good, 9, 0x24), "CALG_RSA_SIGN"); // made for a signature key
        assertRefused(Arrays.copyOf(good, good.length + 1), "bytes long");
        for (int length = 0; length < good.length; length++) {
            assertRefused(Arrays.copyOf(good, length), "");
        }
        SessionKeysMXBean mbean = mbean();
        long created = mbean.getCreatedKeys();
        InvalidKeyException sized = assertThrows(InvalidKeyException.class, () -> unwrap(good, "AES_128"));
        assertTrue(sized.getMessage().contains("CALG_AES_256"), sized.getMessage());
        assertThrows(NoSuchAlgorithmException.class, () -> unwrap(good, "ChaCha20"));
        assertEquals(created, mbean.getCreatedKeys());
    }

    private void assertRefused(byte[] blob, String reason) throws Exception {
        long created = mbean().getCreatedKeys();
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> unwrap(blob, "AES"));
        assertTrue(e.getMessage().contains(reason), () -> "expected \"" + reason + "\" in: " + e.getMessage());
        assertEquals(created, mbean().getCreatedKeys(), "no key was made");
    }

    /**
     * Bad padding is not an error: the answer is a key of the size the header names, the same
     * for the same blob, and useless (it does not decrypt CryptoAPI's ciphertext).
     */
    @Test
    void damagedCiphertext_givesTheImplicitRejectionKey_ofTheHeadersSize() throws Exception {
        byte[] damaged = WINDOWS.bytes("simpleblob");
        damaged[40] ^= 0x01;
        SessionKey first = unwrap(damaged, "AES");
        SessionKey second = unwrap(damaged.clone(), "AES");
        assertEquals(256, first.keySizeBits());
        assertArrayEquals(first.getEncoded(), second.getEncoded(), "deterministic for one blob and key");
        assertFalse(Arrays.equals(unwrap(WINDOWS.bytes("simpleblob"), "AES").getEncoded(), first.getEncoded()));
        assertThrows(BadPaddingException.class, () -> cbcDecrypt(first, WINDOWS.bytes("simpleblob.ciphertext")));
    }

    /**
     * A well-padded 16-byte key in a blob whose header says CALG_AES_256 is a rejection too: the
     * answer is a 256-bit stand-in, not the 16 bytes, so the size gives nothing away either.
     */
    @Test
    void wellPaddedKeyOfTheWrongSize_givesTheImplicitRejectionKey() throws Exception {
        byte[] sixteen = new byte[16];
        Arrays.fill(sixteen, (byte) 0x5A);
        Cipher jdk = Cipher.getInstance("RSA/ECB/PKCS1Padding", "SunJCE");
        jdk.init(Cipher.ENCRYPT_MODE, javaPublicKey());
        byte[] encrypted = jdk.doFinal(sixteen);
        byte[] blob = Arrays.copyOf(WINDOWS.bytes("simpleblob"), 12 + encrypted.length);
        for (int i = 0; i < encrypted.length; i++) {
            blob[12 + i] = encrypted[encrypted.length - 1 - i];
        }
        SessionKey key = unwrap(blob, "AES");
        assertEquals(256, key.keySizeBits());
        assertFalse(Arrays.equals(sixteen, Arrays.copyOf(key.getEncoded(), 16)));

        blob[4] = 0x0E; // the same ciphertext under CALG_AES_128 is the real key
        assertArrayEquals(sixteen, unwrap(blob, "AES").getEncoded());
    }

    private static byte[] with(byte[] blob, int offset, int value) {
        byte[] copy = blob.clone();
        copy[offset] = (byte) value;
        return copy;
    }

    private static SessionKeysMXBean mbean() throws Exception {
        return JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
    }
}

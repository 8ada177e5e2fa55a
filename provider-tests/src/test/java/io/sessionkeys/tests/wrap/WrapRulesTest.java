package io.sessionkeys.tests.wrap;

import static io.sessionkeys.tests.wrap.Wrapping.EXPORTABLE;
import static io.sessionkeys.tests.wrap.Wrapping.NOT_WRAPPABLE;
import static io.sessionkeys.tests.wrap.Wrapping.SESSION_KEYS;
import static io.sessionkeys.tests.wrap.Wrapping.SUN;
import static io.sessionkeys.tests.wrap.Wrapping.bytes;
import static io.sessionkeys.tests.wrap.Wrapping.rsa;
import static io.sessionkeys.tests.wrap.Wrapping.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.KeyState;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyUnwrapSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The export and import rules: what may be wrapped, what an unwrapped key gets, what bad input gets. */
class WrapRulesTest {

    private static final byte[] KEK = bytes(32, 21);
    private static final byte[] KEY = bytes(16, 22);

    private static Cipher kw(int mode, Key kek) throws Exception {
        Cipher c = Cipher.getInstance("AES/KW/NoPadding", SESSION_KEYS);
        c.init(mode, kek);
        return c;
    }

    private static byte[] wrapped() throws Exception {
        return kw(Cipher.WRAP_MODE, new SecretKeySpec(KEK, "AES")).wrap(sessionKey(KEY, "AES", KeyPolicy.builtInDefaults()));
    }

    /** The KEK's bytes as a session key: the unwrapping rules below are SessionKeys' own. */
    private static Key sessionKek() throws Exception {
        return sessionKey(KEK, "AES", KeyPolicy.builtInDefaults());
    }

    private static void assertNoSecretIn(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        for (byte[] secret : new byte[][] {KEK, KEY}) {
            assertFalse(text.contains(HexFormat.of().formatHex(secret, 0, 4)), message);
        }
    }

    @Test
    void wrap_keyWhosePolicyForbidsWrapping_refusedSayingSo() throws Exception {
        SessionKey key = sessionKey(KEY, "AES", NOT_WRAPPABLE);
        for (String name : new String[] {"AES/KW/NoPadding", "AES/KWP/NoPadding", "RSA/ECB/OAEPWithSHA-256AndMGF1Padding"}) {
            Cipher c = Cipher.getInstance(name, SESSION_KEYS);
            c.init(Cipher.WRAP_MODE, name.startsWith("RSA") ? rsa().getPublic() : new SecretKeySpec(KEK, "AES"));
            InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> c.wrap(key), name);
            assertTrue(e.getMessage().contains("may not be wrapped"), e.getMessage());
        }
        assertTrue(key.exports().isEmpty());
    }

    /**
     * Drop-in compatibility: with SessionKeys first, JCA picks the wrap cipher by the KEK alone, so
     * an application wrapping its own SecretKeySpec reaches SessionKeys; it must get what SunJCE
     * would have given it.
     */
    @Test
    void wrap_foreignRawKey_wrappedExactlyAsSunJceWrapsIt() throws Exception {
        Cipher c = kw(Cipher.WRAP_MODE, new SecretKeySpec(KEK, "AES"));
        byte[] ours = c.wrap(new SecretKeySpec(KEY, "AES"));
        Cipher sun = Cipher.getInstance("AESWrap", "SunJCE");
        sun.init(Cipher.WRAP_MODE, new SecretKeySpec(KEK, "AES"));
        assertArrayEquals(sun.wrap(new SecretKeySpec(KEY, "AES")), ours);
    }

    @Test
    void wrap_destroyedKey_refused() throws Exception {
        SessionKey key = sessionKey(KEY, "AES", KeyPolicy.builtInDefaults());
        key.destroy();
        Cipher c = kw(Cipher.WRAP_MODE, new SecretKeySpec(KEK, "AES"));
        assertThrows(InvalidKeyException.class, () -> c.wrap(key));
    }

    @Test
    void wrap_eachExport_isRecordedWithItsMethod() throws Exception {
        SessionKey key = sessionKey(KEY, "AES", KeyPolicy.builtInDefaults());
        kw(Cipher.WRAP_MODE, new SecretKeySpec(KEK, "AES")).wrap(key);
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", SESSION_KEYS);
        rsa.init(Cipher.WRAP_MODE, rsa().getPublic());
        rsa.wrap(key);
        assertEquals(2, key.exports().size());
        assertEquals("AES/KW/NoPadding", key.exports().get(0).method());
        assertEquals("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", key.exports().get(1).method());
    }

    @Test
    void unwrap_sessionKekWithoutSpec_getsTheConfiguredDefaultPolicy() throws Exception {
        Key key = kw(Cipher.UNWRAP_MODE, sessionKek()).unwrap(wrapped(), "AES", Cipher.SECRET_KEY);
        assertTrue(key instanceof SessionKey);
        assertEquals(SESSION_KEYS.defaultPolicy(), ((SessionKey) key).policy());
        assertEquals(null, key.getEncoded());
    }

    @Test
    void unwrap_foreignKekWithoutSpec_isTheNextProvidersUnwrap() throws Exception {
        Key key = kw(Cipher.UNWRAP_MODE, new SecretKeySpec(KEK, "AES")).unwrap(wrapped(), "AES", Cipher.SECRET_KEY);
        Cipher sun = Cipher.getInstance("AES/KW/NoPadding", "SunJCE");
        sun.init(Cipher.UNWRAP_MODE, new SecretKeySpec(KEK, "AES"));
        assertEquals(sun.unwrap(wrapped(), "AES", Cipher.SECRET_KEY), key);
        assertArrayEquals(KEY, key.getEncoded());
    }

    @Test
    void unwrap_withSpec_getsItsPolicyAndScope() throws Exception {
        KeyPolicy policy = KeyPolicy.builder().lifetime(Duration.ofMinutes(5)).wrappable(false).build();
        try (KeyScope scope = KeyScope.open()) {
            Cipher c = Cipher.getInstance("AESWrap", SESSION_KEYS);
            c.init(Cipher.UNWRAP_MODE, new SecretKeySpec(KEK, "AES"), SessionKeyUnwrapSpec.builder()
                    .policy(policy)
                    .scope(scope).build());
            SessionKey key = (SessionKey) c.unwrap(wrapped(), "AES", Cipher.SECRET_KEY);
            assertSame(policy, key.policy());
            scope.close();
            assertEquals(KeyState.DESTROYED, key.state());
        }
    }

    @Test
    void init_specWithClosedScope_refused() throws Exception {
        KeyScope scope = KeyScope.open();
        scope.close();
        Cipher c = Cipher.getInstance("AESWrap", SESSION_KEYS);
        assertThrows(InvalidAlgorithmParameterException.class, () -> c.init(Cipher.UNWRAP_MODE,
                new SecretKeySpec(KEK, "AES"), SessionKeyUnwrapSpec.builder().scope(scope).build()));
    }

    @Test
    void unwrap_chaCha20Key_givesAChaCha20SessionKey() throws Exception {
        byte[] chacha = bytes(32, 23);
        byte[] blob = kw(Cipher.WRAP_MODE, new SecretKeySpec(KEK, "AES")).wrap(sessionKey(chacha, "ChaCha20", EXPORTABLE));
        Cipher c = Cipher.getInstance("AES/KW/NoPadding", SESSION_KEYS);
        c.init(Cipher.UNWRAP_MODE, new SecretKeySpec(KEK, "AES"), SessionKeyUnwrapSpec.builder()
                .policy(EXPORTABLE).build());
        SessionKey key = (SessionKey) c.unwrap(blob, "ChaCha20", Cipher.SECRET_KEY);
        assertEquals("ChaCha20", key.getAlgorithm());
        assertArrayEquals(chacha, key.getEncoded());
    }

    @Test
    void unwrap_badInput_invalidKeyExceptionWithNothingSecret() throws Exception {
        byte[] good = wrapped();
        byte[] tampered = good.clone();
        tampered[10] ^= 0x40;
        byte[][] bad = {tampered, Arrays.copyOf(good, good.length - 8), Arrays.copyOf(good, good.length + 8),
            Arrays.copyOf(good, good.length - 1), new byte[0]};
        for (byte[] blob : bad) {
            Cipher c = kw(Cipher.UNWRAP_MODE, new SecretKeySpec(KEK, "AES"));
            InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> c.unwrap(blob, "AES", Cipher.SECRET_KEY));
            assertNoSecretIn(e.getMessage());
        }
        Cipher wrongKek = kw(Cipher.UNWRAP_MODE, new SecretKeySpec(bytes(32, 99), "AES"));
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> wrongKek.unwrap(good, "AES", Cipher.SECRET_KEY));
        assertTrue(e.getMessage().contains("Integrity check failed"), e.getMessage());
        Cipher wrongIcv = Cipher.getInstance("AES/KW/NoPadding", SESSION_KEYS);
        wrongIcv.init(Cipher.UNWRAP_MODE, new SecretKeySpec(KEK, "AES"), new IvParameterSpec(new byte[8]));
        assertThrows(InvalidKeyException.class, () -> wrongIcv.unwrap(good, "AES", Cipher.SECRET_KEY));
    }

    @Test
    void unwrap_lengthThatDoesNotFitTheAlgorithm_refused() throws Exception {
        Cipher c = kw(Cipher.UNWRAP_MODE, sessionKek());
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> c.unwrap(wrapped(), "ChaCha20", Cipher.SECRET_KEY));
        assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());
    }

    @Test
    void unwrap_unknownAlgorithmOrNonSecretType_noSuchAlgorithm() throws Exception {
        Cipher c = kw(Cipher.UNWRAP_MODE, sessionKek());
        assertThrows(NoSuchAlgorithmException.class, () -> c.unwrap(wrapped(), "Blowfish", Cipher.SECRET_KEY));
        assertThrows(NoSuchAlgorithmException.class, () -> c.unwrap(wrapped(), "AES", Cipher.PRIVATE_KEY));
    }

    @Test
    void unwrapRsa_invalidPaddingAndWrongKey_sameErrorMessage() throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", SESSION_KEYS);
        c.init(Cipher.UNWRAP_MODE, rsa().getPrivate());
        byte[] random = bytes(256, 31);
        random[0] = 0;
        Cipher other = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", SESSION_KEYS);
        KeyPairGenerator sameSize = KeyPairGenerator.getInstance("RSA");
        sameSize.initialize(2048); // the default differs between JDKs (3072 bits on JDK 25)
        other.init(Cipher.WRAP_MODE, sameSize.generateKeyPair().getPublic());
        byte[] otherKeys = other.wrap(sessionKey(KEY, "AES", KeyPolicy.builtInDefaults()));
        String a = assertThrows(InvalidKeyException.class, () -> c.unwrap(random, "AES", Cipher.SECRET_KEY)).getMessage();
        String b = assertThrows(InvalidKeyException.class, () -> c.unwrap(otherKeys, "AES", Cipher.SECRET_KEY)).getMessage();
        byte[] aboveModulus = new byte[256];
        Arrays.fill(aboveModulus, (byte) 0xFF);
        String d = assertThrows(InvalidKeyException.class, () -> c.unwrap(aboveModulus, "AES", Cipher.SECRET_KEY)).getMessage();
        assertEquals(a, b);
        assertEquals(a, d);
    }

    @Test
    void init_rsaWrongKeyKind_refused() throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding", SESSION_KEYS);
        assertThrows(InvalidKeyException.class, () -> c.init(Cipher.WRAP_MODE, rsa().getPrivate()));
        assertThrows(InvalidKeyException.class, () -> c.init(Cipher.UNWRAP_MODE, rsa().getPublic()));
    }

    @Test
    void kek_fromPkcs12KeyStore_wrapsAndSunJceUnwraps() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "changeit".toCharArray();
        store.setEntry("kek", new KeyStore.SecretKeyEntry(new SecretKeySpec(KEK, "AES")),
                new KeyStore.PasswordProtection(password));
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        store.store(saved, password);
        KeyStore loaded = KeyStore.getInstance("PKCS12");
        loaded.load(new ByteArrayInputStream(saved.toByteArray()), password);
        SecretKey kek = (SecretKey) loaded.getKey("kek", password);

        byte[] blob = kw(Cipher.WRAP_MODE, kek).wrap(sessionKey(KEY, "AES", KeyPolicy.builtInDefaults()));
        Cipher sun = Cipher.getInstance("AES/KW/NoPadding", SUN);
        sun.init(Cipher.UNWRAP_MODE, kek);
        assertArrayEquals(KEY, sun.unwrap(blob, "AES", Cipher.SECRET_KEY).getEncoded());
    }

    @Test
    void kek_sessionKey_decryptOnlyCanUnwrapButNotWrap() throws Exception {
        SessionKey kek = sessionKey(KEK, "AES", KeyPolicy.builder().maxEncryptions(1).build());
        byte[] blob = kw(Cipher.WRAP_MODE, kek).wrap(sessionKey(KEY, "AES", KeyPolicy.builtInDefaults()));
        assertThrows(InvalidKeyException.class, () -> kw(Cipher.WRAP_MODE, kek));
        assertEquals(SESSION_KEYS.defaultPolicy(),
                ((SessionKey) kw(Cipher.UNWRAP_MODE, kek).unwrap(blob, "AES", Cipher.SECRET_KEY)).policy());
    }

    @Test
    void icv_customForKw_matchesSunJce_customForKwp_refusedLikeCurrentSunJce() throws Exception {
        IvParameterSpec icv = new IvParameterSpec(bytes(8, 41));
        Cipher here = Cipher.getInstance("AES/KW/NoPadding", SESSION_KEYS);
        here.init(Cipher.WRAP_MODE, new SecretKeySpec(KEK, "AES"), icv);
        byte[] blob = here.wrap(sessionKey(KEY, "AES", KeyPolicy.builtInDefaults()));
        Cipher sun = Cipher.getInstance("AES/KW/NoPadding", SUN);
        sun.init(Cipher.UNWRAP_MODE, new SecretKeySpec(KEK, "AES"), icv);
        assertArrayEquals(KEY, sun.unwrap(blob, "AES", Cipher.SECRET_KEY).getEncoded());
        assertArrayEquals(icv.getIV(), here.getIV());

        // SessionKeys' own rule (a session KEK): KWP's ICV is fixed; KW's is 8 bytes
        Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding", SESSION_KEYS);
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> kwp.init(Cipher.WRAP_MODE, sessionKek(), new IvParameterSpec(new byte[4])));
        kwp.init(Cipher.WRAP_MODE, sessionKek(), new IvParameterSpec(new byte[] {(byte) 0xA6, 0x59, 0x59, (byte) 0xA6}));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> here.init(Cipher.WRAP_MODE, sessionKek(), new IvParameterSpec(new byte[4])));
    }

    @Test
    void encryptAndDecryptModes_anyKwpLength_matchSunJceBothWays() throws Exception {
        for (String name : new String[] {"AES/KWP/NoPadding", "AES/KW/PKCS5Padding"}) {
            for (int length = name.contains("KWP") ? 1 : 8; length <= 40; length++) {
                byte[] data = bytes(length, length);
                Cipher here = Cipher.getInstance(name, SESSION_KEYS);
                Cipher sun = Cipher.getInstance(name, SUN);
                here.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEK, "AES"));
                sun.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEK, "AES"));
                int split = length / 2;
                here.update(data, 0, split);
                assertArrayEquals(data, sun.doFinal(here.doFinal(data, split, length - split)), name + " " + length);
                sun.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEK, "AES"));
                here.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEK, "AES"));
                assertArrayEquals(data, here.doFinal(sun.doFinal(data)), name + " " + length);
            }
        }
    }

    @Test
    void decryptMode_tamperedData_illegalBlockSizeLikeSunJce() throws Exception {
        Cipher here = Cipher.getInstance("AES/KW/NoPadding", SESSION_KEYS);
        here.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEK, "AES"));
        byte[] blob = wrapped();
        blob[0] ^= 1;
        assertThrows(IllegalBlockSizeException.class, () -> here.doFinal(blob));
        assertThrows(IllegalBlockSizeException.class, () -> here.doFinal(new byte[17]));
    }
}

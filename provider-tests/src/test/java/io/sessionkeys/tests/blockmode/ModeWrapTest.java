package io.sessionkeys.tests.blockmode;

import static io.sessionkeys.tests.blockmode.BlockModes.cipher;
import static io.sessionkeys.tests.blockmode.BlockModes.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import java.security.AlgorithmParameters;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WRAP_MODE and UNWRAP_MODE wherever SunJCE allows them: every AES mode and padding, and GCM. A
 * session key wrapped by SessionKeys unwraps with SunJCE to the same bytes; a key wrapped by
 * SunJCE unwraps into a session key that wraps again, under ECB, exactly as SunJCE wraps the
 * original bytes. ChaCha20 and ChaCha20-Poly1305 refuse the modes, as in SunJCE.
 */
class ModeWrapTest {

    private static final Provider SUN_JCE = Security.getProvider("SunJCE");
    private static final byte[] KEK = BlockModes.hex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] KEY = BlockModes.hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");

    static List<String> wrapping() {
        List<String> all = new ArrayList<>(BlockModes.TRANSFORMATIONS);
        all.add("AES/GCM/NoPadding");
        all.add("AES_128/CFB/NoPadding");
        return all;
    }

    @ParameterizedTest
    @MethodSource("wrapping")
    void wrapBySessionKeys_unwrapsWithSunJceToTheSameBytes(String transformation) throws Exception {
        Cipher ours = cipher(transformation);
        ours.init(Cipher.WRAP_MODE, sessionKey(KEK));
        byte[] wrapped = ours.wrap(sessionKey(KEY));
        Cipher sun = Cipher.getInstance(transformation, SUN_JCE);
        sun.init(Cipher.UNWRAP_MODE, new SecretKeySpec(KEK, "AES"), ours.getParameters());
        assertArrayEquals(KEY, sun.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded());
    }

    @ParameterizedTest
    @MethodSource("wrapping")
    void wrapBySunJce_unwrapsIntoASessionKeyHoldingTheSameBytes(String transformation) throws Exception {
        Cipher sun = Cipher.getInstance(transformation, SUN_JCE);
        sun.init(Cipher.WRAP_MODE, new SecretKeySpec(KEK, "AES"));
        byte[] wrapped = sun.wrap(new SecretKeySpec(KEY, "AES"));
        AlgorithmParameters params = sun.getParameters();
        Cipher ours = cipher(transformation);
        ours.init(Cipher.UNWRAP_MODE, sessionKey(KEK), params);
        Key unwrapped = ours.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
        assertTrue(unwrapped instanceof SessionKey, unwrapped.getClass().getName());
        assertArrayEquals(ecbWrapBySunJce(KEY), ecbWrapByUs((SecretKey) unwrapped));
    }

    @Test
    void unwrap_withSessionKeyUnwrapSpec_givesTheKeyItsPolicy() throws Exception {
        Cipher sun = Cipher.getInstance("AES/CFB8/NoPadding", SUN_JCE);
        sun.init(Cipher.WRAP_MODE, new SecretKeySpec(KEK, "AES"), BlockModes.iv(4));
        byte[] wrapped = sun.wrap(new SecretKeySpec(KEY, "AES"));
        Cipher ours = cipher("AES/CFB8/NoPadding");
        ours.init(Cipher.UNWRAP_MODE, sessionKey(KEK), io.sessionkeys.SessionKeyUnwrapSpec.builder()
                .policy(KeyPolicy.builder().plaintextExportable(true).build()).cipherParameters(BlockModes.iv(4))
                .build());
        assertArrayEquals(KEY, ours.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded());
    }

    @Test
    void wrap_keyWhosePolicyForbidsWrapping_isRefused() throws Exception {
        Cipher ours = cipher("AES/CBC/PKCS5Padding");
        ours.init(Cipher.WRAP_MODE, sessionKey(KEK));
        SecretKey sealed = sessionKey(KEY, KeyPolicy.builder().wrappable(false).build());
        assertThrows(InvalidKeyException.class, () -> ours.wrap(sealed));
    }

    @Test
    void unwrap_badPadding_throwsInvalidKeyExceptionAsSunJce() throws Exception {
        Cipher ours = cipher("AES/CBC/PKCS5Padding");
        ours.init(Cipher.UNWRAP_MODE, sessionKey(KEK), BlockModes.iv(3));
        assertThrows(InvalidKeyException.class, () -> ours.unwrap(new byte[32], "AES", Cipher.SECRET_KEY));
    }

    @Test
    void chaCha20_refusesWrapModeAsSunJce() throws Exception {
        SecretKey key = javax.crypto.SecretKeyFactory.getInstance("ChaCha20", BlockModes.SESSION_KEYS)
                .generateSecret(new SecretKeySpec(KEY, "ChaCha20"));
        for (String name : new String[] {"ChaCha20", "ChaCha20-Poly1305"}) {
            Cipher c = Cipher.getInstance(name, BlockModes.SESSION_KEYS);
            assertThrows(UnsupportedOperationException.class, () -> c.init(Cipher.WRAP_MODE, key), name);
        }
        Cipher plain = Cipher.getInstance("ChaCha20", BlockModes.SESSION_KEYS);
        assertThrows(UnsupportedOperationException.class,
                () -> plain.init(Cipher.UNWRAP_MODE, key, new ChaCha20ParameterSpec(new byte[12], 1)));
    }

    private static byte[] ecbWrapBySunJce(byte[] raw) throws Exception {
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding", SUN_JCE);
        c.init(Cipher.WRAP_MODE, new SecretKeySpec(KEK, "AES"));
        return c.wrap(new SecretKeySpec(raw, "AES"));
    }

    private static byte[] ecbWrapByUs(SecretKey key) throws Exception {
        Cipher c = cipher("AES/ECB/NoPadding");
        c.init(Cipher.WRAP_MODE, sessionKey(KEK));
        return c.wrap(key);
    }
}

package io.sessionkeys.tests.wrap;

import static io.sessionkeys.tests.wrap.Wrapping.BC;
import static io.sessionkeys.tests.wrap.Wrapping.EXPORTABLE;
import static io.sessionkeys.tests.wrap.Wrapping.SESSION_KEYS;
import static io.sessionkeys.tests.wrap.Wrapping.SUN;
import static io.sessionkeys.tests.wrap.Wrapping.bytes;
import static io.sessionkeys.tests.wrap.Wrapping.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyUnwrapSpec;
import java.security.InvalidKeyException;
import java.security.Key;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AES-KW, AES-KW with PKCS#5 padding and AES-KWP, both ways with SunJCE and Bouncy Castle, for
 * every KEK size and every wrapped key size, with the KEK as a session key or a foreign
 * {@code SecretKeySpec}.
 */
class AesWrapInteropTest {

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String transformation : new String[] {"AES/KW/NoPadding", "AES/KW/PKCS5Padding", "AES/KWP/NoPadding"}) {
            for (int kekBytes : new int[] {16, 24, 32}) {
                for (String wrapped : new String[] {"AES-16", "AES-24", "AES-32", "ChaCha20-32"}) {
                    for (boolean foreignKek : new boolean[] {false, true}) {
                        all.add(Arguments.of(transformation, kekBytes, wrapped, foreignKek));
                    }
                }
            }
        }
        return all.stream();
    }

    private static Key kek(byte[] bytes, boolean foreign) throws Exception {
        return foreign ? new SecretKeySpec(bytes, "AES") : sessionKey(bytes, "AES", KeyPolicy.builtInDefaults());
    }

    @ParameterizedTest(name = "{0} KEK {1} bytes, {2}, foreign KEK {3}")
    @MethodSource("cases")
    void wrapHere_unwrapBySunJceAndBouncyCastle_givesTheKey(String transformation, int kekBytes, String wrapped,
            boolean foreignKek) throws Exception {
        String algorithm = wrapped.substring(0, wrapped.indexOf('-'));
        byte[] keyBytes = bytes(Integer.parseInt(wrapped.substring(wrapped.indexOf('-') + 1)), 3);
        byte[] kekRaw = bytes(kekBytes, 5);
        Cipher here = Cipher.getInstance(transformation, SESSION_KEYS);
        here.init(Cipher.WRAP_MODE, kek(kekRaw, foreignKek));
        byte[] blob = here.wrap(sessionKey(keyBytes, algorithm, KeyPolicy.builtInDefaults()));

        Cipher sun = Cipher.getInstance(transformation, SUN);
        sun.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kekRaw, "AES"));
        assertArrayEquals(keyBytes, sun.unwrap(blob, algorithm, Cipher.SECRET_KEY).getEncoded(), "SunJCE");

        assertArrayEquals(keyBytes, bouncyCastleUnwrap(transformation, kekRaw, blob), "Bouncy Castle");
    }

    @ParameterizedTest(name = "{0} KEK {1} bytes, {2}, foreign KEK {3}")
    @MethodSource("cases")
    void wrapBySunJceAndBouncyCastle_unwrapHere_givesTheKey(String transformation, int kekBytes, String wrapped,
            boolean foreignKek) throws Exception {
        String algorithm = wrapped.substring(0, wrapped.indexOf('-'));
        byte[] keyBytes = bytes(Integer.parseInt(wrapped.substring(wrapped.indexOf('-') + 1)), 7);
        byte[] kekRaw = bytes(kekBytes, 11);

        Cipher sun = Cipher.getInstance(transformation, SUN);
        sun.init(Cipher.WRAP_MODE, new SecretKeySpec(kekRaw, "AES"));
        byte[] fromSun = sun.wrap(new SecretKeySpec(keyBytes, algorithm));
        byte[] fromBc = bouncyCastleWrap(transformation, kekRaw, keyBytes);

        for (byte[] blob : new byte[][] {fromSun, fromBc}) {
            Cipher here = Cipher.getInstance(transformation, SESSION_KEYS);
            here.init(Cipher.UNWRAP_MODE, kek(kekRaw, foreignKek), SessionKeyUnwrapSpec.builder()
                    .policy(EXPORTABLE).build());
            SessionKey key = (SessionKey) here.unwrap(blob, algorithm, Cipher.SECRET_KEY);
            assertEquals(algorithm, key.getAlgorithm());
            assertArrayEquals(keyBytes, key.getEncoded());
        }
    }

    /** Bouncy Castle has AESWrap and AESWrapPad; SunJCE's KW/PKCS5Padding is KW over PKCS#5-padded data. */
    private static byte[] bouncyCastleUnwrap(String transformation, byte[] kek, byte[] blob) throws Exception {
        Cipher bc = Cipher.getInstance(transformation.contains("KWP") ? "AESWrapPad" : "AESWrap", BC);
        bc.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"));
        byte[] data = bc.doFinal(blob);
        if (!transformation.endsWith("PKCS5Padding")) {
            return data;
        }
        int pad = data[data.length - 1];
        return Arrays.copyOf(data, data.length - pad);
    }

    private static byte[] bouncyCastleWrap(String transformation, byte[] kek, byte[] keyBytes) throws Exception {
        Cipher bc = Cipher.getInstance(transformation.contains("KWP") ? "AESWrapPad" : "AESWrap", BC);
        bc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"));
        byte[] data = keyBytes;
        if (transformation.endsWith("PKCS5Padding")) {
            int pad = 8 - keyBytes.length % 8;
            data = Arrays.copyOf(keyBytes, keyBytes.length + pad);
            Arrays.fill(data, keyBytes.length, data.length, (byte) pad);
        }
        return bc.doFinal(data);
    }

    static Stream<Arguments> fixedSizeNames() {
        List<Arguments> all = new ArrayList<>();
        String[][] names = {
            {"AES_128/KW/NoPadding", "AESWrap_128", "2.16.840.1.101.3.4.1.5"},
            {"AES_192/KW/NoPadding", "AESWrap_192", "2.16.840.1.101.3.4.1.25"},
            {"AES_256/KW/NoPadding", "AESWrap_256", "2.16.840.1.101.3.4.1.45"},
            {"AES_128/KWP/NoPadding", "AESWrapPad_128", "2.16.840.1.101.3.4.1.8"},
            {"AES_192/KWP/NoPadding", "AESWrapPad_192", "2.16.840.1.101.3.4.1.28"},
            {"AES_256/KWP/NoPadding", "AESWrapPad_256", "2.16.840.1.101.3.4.1.48"},
            {"AES_128/KW/PKCS5Padding"}, {"AES_192/KW/PKCS5Padding"}, {"AES_256/KW/PKCS5Padding"},
        };
        for (String[] n : names) {
            int kekBytes = Integer.parseInt(n[0].substring(4, 7)) / 8;
            for (String name : n) {
                all.add(Arguments.of(name, n[0], kekBytes));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixedSizeNames")
    void fixedSizeNamesAndOids_wrapLikeSunJce(String name, String sunName, int kekBytes) throws Exception {
        byte[] kekRaw = bytes(kekBytes, 13);
        byte[] keyBytes = bytes(32, 17);
        Cipher here = Cipher.getInstance(name, SESSION_KEYS);
        here.init(Cipher.WRAP_MODE, new SecretKeySpec(kekRaw, "AES"));
        byte[] blob = here.wrap(sessionKey(keyBytes, "AES", KeyPolicy.builtInDefaults()));
        Cipher sun = Cipher.getInstance(sunName, SUN);
        sun.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kekRaw, "AES"));
        assertArrayEquals(keyBytes, sun.unwrap(blob, "AES", Cipher.SECRET_KEY).getEncoded());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixedSizeNames")
    void fixedSizeNames_otherKekSize_refused(String name, String sunName, int kekBytes) throws Exception {
        Cipher here = Cipher.getInstance(name, SESSION_KEYS);
        Key wrongSize = sessionKey(bytes(kekBytes == 16 ? 32 : 16, 1), "AES", KeyPolicy.builtInDefaults());
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> here.init(Cipher.WRAP_MODE, wrongSize));
        assertTrue(e.getMessage().contains(kekBytes + " bytes"), e.getMessage());
    }
}

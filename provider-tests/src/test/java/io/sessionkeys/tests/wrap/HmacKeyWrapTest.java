package io.sessionkeys.tests.wrap;

import static io.sessionkeys.tests.wrap.Wrapping.EXPORTABLE;
import static io.sessionkeys.tests.wrap.Wrapping.SESSION_KEYS;
import static io.sessionkeys.tests.wrap.Wrapping.SUN;
import static io.sessionkeys.tests.wrap.Wrapping.bytes;
import static io.sessionkeys.tests.wrap.Wrapping.rsa;
import static io.sessionkeys.tests.wrap.Wrapping.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyUnwrapSpec;
import java.security.Key;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HMAC session keys of any length through KWP and RSA-OAEP: SunJCE unwraps ours, we unwrap
 * SunJCE's, and the key that comes back MACs exactly like the original (with SessionKeys' Mac).
 */
class HmacKeyWrapTest {

    private static final byte[] MESSAGE = bytes(100, 77);

    private static byte[] mac(String algorithm, Key key) throws Exception {
        Mac mac = Mac.getInstance(algorithm, SESSION_KEYS);
        mac.init(key);
        return mac.doFinal(MESSAGE);
    }

    @ParameterizedTest(name = "{0} {1} bytes via {2}")
    @CsvSource({
        "HmacSHA256, 20, AES/KWP/NoPadding", "HmacSHA256, 32, AES/KWP/NoPadding", "HmacSHA384, 57, AES/KWP/NoPadding",
        "HmacSHA512, 1, AES/KWP/NoPadding", "HmacSHA512, 64, AES/KW/NoPadding", "HmacSHA384, 48, AES/KW/PKCS5Padding",
        "HmacSHA256, 20, RSA/ECB/OAEPWithSHA-256AndMGF1Padding", "HmacSHA512, 64, RSA/ECB/OAEPWithSHA-1AndMGF1Padding",
    })
    void hmacKey_wrapAndUnwrapBothWaysWithSunJce_macsLikeTheOriginal(String algorithm, int length, String cipher)
            throws Exception {
        boolean rsa = cipher.startsWith("RSA");
        Key wrapKek = rsa ? rsa().getPublic() : new SecretKeySpec(bytes(32, 3), "AES");
        Key unwrapKek = rsa ? rsa().getPrivate() : wrapKek;
        byte[] raw = bytes(length, length);
        SessionKey original = sessionKey(raw, algorithm, KeyPolicy.builtInDefaults());

        Cipher here = Cipher.getInstance(cipher, SESSION_KEYS);
        here.init(Cipher.WRAP_MODE, wrapKek);
        Cipher sun = Cipher.getInstance(cipher, SUN);
        sun.init(Cipher.UNWRAP_MODE, unwrapKek);
        assertArrayEquals(raw, sun.unwrap(here.wrap(original), algorithm, Cipher.SECRET_KEY).getEncoded());

        sun.init(Cipher.WRAP_MODE, wrapKek);
        byte[] fromSun = sun.wrap(new SecretKeySpec(raw, algorithm));
        here.init(Cipher.UNWRAP_MODE, unwrapKek, SessionKeyUnwrapSpec.builder().policy(EXPORTABLE).build());
        SessionKey back = (SessionKey) here.unwrap(fromSun, algorithm, Cipher.SECRET_KEY);
        assertEquals(algorithm, back.getAlgorithm());
        assertEquals(length * 8, back.keySizeBits());
        assertArrayEquals(mac(algorithm, original), mac(algorithm, back));
    }
}

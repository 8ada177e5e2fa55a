package io.sessionkeys.tests.wrap;

import static io.sessionkeys.tests.wrap.Wrapping.BC;
import static io.sessionkeys.tests.wrap.Wrapping.EXPORTABLE;
import static io.sessionkeys.tests.wrap.Wrapping.SESSION_KEYS;
import static io.sessionkeys.tests.wrap.Wrapping.SUN;
import static io.sessionkeys.tests.wrap.Wrapping.bytes;
import static io.sessionkeys.tests.wrap.Wrapping.rsa;
import static io.sessionkeys.tests.wrap.Wrapping.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyUnwrapSpec;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.SecretKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * RSA/ECB/PKCS1Padding: encryption and decryption as SunJCE offers them (both block types),
 * wrap and unwrap of session keys with SunJCE and Bouncy Castle on the other side, and unwrapping
 * that answers bad padding with the implicit-rejection key (checked against an independent
 * implementation) instead of an exception.
 */
class RsaPkcs1Test {

    private static final String NAME = "RSA/ECB/PKCS1Padding";

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16, 100, 245})
    void encryptByUs_decryptsWithSunJceAndBackWithUs(int length) throws Exception {
        KeyPair pair = rsa();
        byte[] message = bytes(length, length);
        Cipher ours = Cipher.getInstance(NAME, SESSION_KEYS);
        ours.init(Cipher.ENCRYPT_MODE, pair.getPublic());
        byte[] ct = ours.doFinal(message);
        Cipher sun = Cipher.getInstance(NAME, SUN);
        sun.init(Cipher.DECRYPT_MODE, pair.getPrivate());
        assertArrayEquals(message, sun.doFinal(ct));
        Cipher back = Cipher.getInstance(NAME, SESSION_KEYS);
        back.init(Cipher.DECRYPT_MODE, pair.getPrivate());
        assertArrayEquals(message, back.doFinal(ct));
    }

    @Test
    void privateKeyEncryption_isBlockTypeOneAsInSunJce() throws Exception {
        KeyPair pair = rsa();
        byte[] message = bytes(40, 3);
        Cipher ours = Cipher.getInstance(NAME, SESSION_KEYS);
        ours.init(Cipher.ENCRYPT_MODE, pair.getPrivate());
        Cipher sun = Cipher.getInstance(NAME, SUN);
        sun.init(Cipher.ENCRYPT_MODE, pair.getPrivate());
        assertArrayEquals(sun.doFinal(message), ours.doFinal(message)); // type 1 is deterministic
        Cipher verify = Cipher.getInstance(NAME, SESSION_KEYS);
        verify.init(Cipher.DECRYPT_MODE, pair.getPublic());
        assertArrayEquals(message, verify.doFinal(sun.doFinal(message)));
    }

    @Test
    void decrypt_badPadding_throwsBadPaddingExceptionAsSunJce() throws Exception {
        KeyPair pair = rsa();
        byte[] ct = encryptRaw(pair, encoded(pair, 16, 1, true)); // block type 1 where 2 belongs
        Cipher ours = Cipher.getInstance(NAME, SESSION_KEYS);
        ours.init(Cipher.DECRYPT_MODE, pair.getPrivate());
        assertThrows(BadPaddingException.class, () -> ours.doFinal(ct));
        Cipher sun = Cipher.getInstance(NAME, SUN);
        sun.init(Cipher.DECRYPT_MODE, pair.getPrivate());
        assertThrows(BadPaddingException.class, () -> sun.doFinal(ct));
    }

    @Test
    void encrypt_messageLongerThanKMinus11_throwsIllegalBlockSizeException() throws Exception {
        Cipher ours = Cipher.getInstance(NAME, SESSION_KEYS);
        ours.init(Cipher.ENCRYPT_MODE, rsa().getPublic());
        assertThrows(IllegalBlockSizeException.class, () -> ours.doFinal(new byte[246]));
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32})
    void wrapByUs_unwrapsWithSunJceAndBouncyCastle(int length) throws Exception {
        KeyPair pair = rsa();
        byte[] raw = bytes(length, 9);
        Cipher ours = Cipher.getInstance(NAME, SESSION_KEYS);
        ours.init(Cipher.WRAP_MODE, pair.getPublic());
        byte[] wrapped = ours.wrap(sessionKey(raw, "AES", EXPORTABLE));
        for (java.security.Provider peer : new java.security.Provider[] {SUN, BC}) {
            Cipher u = Cipher.getInstance(NAME, peer);
            u.init(Cipher.UNWRAP_MODE, pair.getPrivate());
            assertArrayEquals(raw, u.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded(), peer.getName());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32})
    void wrapBySunJce_unwrapsIntoASessionKeyWithTheSameBytes(int length) throws Exception {
        KeyPair pair = rsa();
        byte[] raw = bytes(length, 5);
        Cipher sun = Cipher.getInstance(NAME, SUN);
        sun.init(Cipher.WRAP_MODE, pair.getPublic());
        byte[] wrapped = sun.wrap(new javax.crypto.spec.SecretKeySpec(raw, "AES"));
        SecretKey key = unwrap(pair, wrapped, "AES");
        assertTrue(key instanceof SessionKey);
        assertArrayEquals(raw, key.getEncoded());
    }

    @Test
    void unwrap_badPadding_returnsTheImplicitRejectionKeyNotAnException() throws Exception {
        KeyPair pair = rsa();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 10; i++) {
            byte[] ct = encryptRaw(pair, corrupted(encoded(pair, 16, 2, true), r));
            SecretKey key = unwrap(pair, ct, "HmacSHA256");
            assertArrayEquals(ImplicitRejection.hmacKey((RSAPrivateKey) pair.getPrivate(), ct), key.getEncoded(),
                    "case " + i);
        }
    }

    @Test
    void unwrap_aesWithBadPadding_givesAnAesKeyOfAnAllowedSizeTheSameEveryTime() throws Exception {
        KeyPair pair = rsa();
        byte[] ct = encryptRaw(pair, corrupted(encoded(pair, 16, 2, true), new SplittableRandom(3)));
        byte[] first = unwrap(pair, ct, "AES").getEncoded();
        assertTrue(first.length == 16 || first.length == 24 || first.length == 32, "length " + first.length);
        assertArrayEquals(first, unwrap(pair, ct, "AES").getEncoded(), "implicit rejection is deterministic");
        byte[] otherEm = encoded(pair, 16, 2, true);
        otherEm[1] = 3; // another bad block type, so another ciphertext
        byte[] other = encryptRaw(pair, otherEm);
        assertFalse(Arrays.equals(first, unwrap(pair, other, "AES").getEncoded()), "and depends on the ciphertext");
    }

    @Test
    void unwrap_validPaddingAroundAMessageAesCannotBe_givesTheImplicitRejectionKey() throws Exception {
        KeyPair pair = rsa();
        byte[] em = encoded(pair, 20, 2, true);
        byte[] ct = encryptRaw(pair, em);
        byte[] asHmac = unwrap(pair, ct, "HmacSHA256").getEncoded();
        assertArrayEquals(Arrays.copyOfRange(em, em.length - 20, em.length), asHmac, "20 bytes are an HMAC key");
        byte[] asAes = unwrap(pair, ct, "AES").getEncoded();
        assertFalse(Arrays.equals(Arrays.copyOfRange(em, em.length - asAes.length, em.length), asAes));
    }

    @Test
    void wrapWithPrivateKeyOrUnwrapWithPublicKey_asSunJce() throws Exception {
        // The application's RSA key is not SessionKeys' own: it gets what SunJCE gives it.
        for (int mode : new int[] {Cipher.WRAP_MODE, Cipher.UNWRAP_MODE}) {
            java.security.Key key = mode == Cipher.WRAP_MODE ? rsa().getPrivate() : rsa().getPublic();
            assertEquals(initOutcome(Cipher.getInstance(NAME, "SunJCE"), mode, key),
                    initOutcome(Cipher.getInstance(NAME, SESSION_KEYS), mode, key), "mode " + mode);
        }
    }

    private static String initOutcome(Cipher c, int mode, java.security.Key key) {
        try {
            c.init(mode, key);
            return "accepted";
        } catch (java.security.GeneralSecurityException e) {
            return e.getClass().getName();
        }
    }

    private static SecretKey unwrap(KeyPair pair, byte[] wrapped, String algorithm) throws Exception {
        Cipher u = Cipher.getInstance(NAME, SESSION_KEYS);
        u.init(Cipher.UNWRAP_MODE, pair.getPrivate(), io.sessionkeys.SessionKeyUnwrapSpec.builder().policy(EXPORTABLE).build());
        return (SecretKey) u.unwrap(wrapped, algorithm, Cipher.SECRET_KEY);
    }

    /** EM = 0x00 ‖ type ‖ PS (non-zero) ‖ 0x00 ‖ M, M being {@code length} known bytes. */
    static byte[] encoded(KeyPair pair, int length, int type, boolean separator) {
        int k = (((RSAPublicKey) pair.getPublic()).getModulus().bitLength() + 7) / 8;
        byte[] em = new byte[k];
        em[1] = (byte) type;
        for (int i = 2; i < k; i++) {
            em[i] = (byte) (1 + (i * 37) % 255);
        }
        if (separator) {
            em[k - length - 1] = 0;
        }
        return em;
    }

    /** A copy of {@code em} with one of the defects a padding oracle would tell apart. */
    private static byte[] corrupted(byte[] em, SplittableRandom r) {
        byte[] bad = em.clone();
        switch (r.nextInt(4)) {
            case 0 -> bad[0] = 1;
            case 1 -> bad[1] = (byte) (3 + r.nextInt(200));
            case 2 -> bad[bad.length - 17] = 5; // no separator
            default -> bad[2 + r.nextInt(8)] = 0; // padding string shorter than 8 bytes
        }
        return bad;
    }

    static byte[] encryptRaw(KeyPair pair, byte[] em) {
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        int k = (pub.getModulus().bitLength() + 7) / 8;
        byte[] c = new BigInteger(1, em).modPow(pub.getPublicExponent(), pub.getModulus()).toByteArray();
        byte[] fixed = new byte[k];
        int n = Math.min(c.length, k);
        System.arraycopy(c, c.length - n, fixed, k - n, n);
        return fixed;
    }
}

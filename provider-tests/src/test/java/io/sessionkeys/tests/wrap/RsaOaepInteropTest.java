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
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyUnwrapSpec;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RSA-OAEP key transport both ways with SunJCE and Bouncy Castle, for every OAEP name and every
 * session-key size. Without parameters SessionKeys follows SunJCE (MGF1 over SHA-1 for every
 * {@code OAEPWith<H>AndMGF1Padding}); Bouncy Castle uses MGF1 over H, so with it the tests pass an
 * explicit {@code OAEPParameterSpec} on one side.
 */
class RsaOaepInteropTest {

    private static final String[] HASHES = {"SHA-1", "SHA-256", "SHA-384", "SHA-512"};
    private static final String[] KEYS = {"AES-16", "AES-24", "AES-32", "ChaCha20-32"};

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String hash : HASHES) {
            for (String key : KEYS) {
                all.add(Arguments.of(hash, key));
            }
        }
        return all.stream();
    }

    private static String name(String hash) {
        return "RSA/ECB/OAEPWith" + hash + "AndMGF1Padding";
    }

    private static OAEPParameterSpec spec(String hash, String mgfHash, byte[] label) {
        return new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(mgfHash), new PSource.PSpecified(label));
    }

    private static byte[] wrapHere(String transformation, OAEPParameterSpec spec, String algorithm, byte[] keyBytes)
            throws Exception {
        Cipher here = Cipher.getInstance(transformation, SESSION_KEYS);
        here.init(Cipher.WRAP_MODE, rsa().getPublic(), spec);
        return here.wrap(sessionKey(keyBytes, algorithm, KeyPolicy.builtInDefaults()));
    }

    private static byte[] unwrapHere(String transformation, OAEPParameterSpec spec, String algorithm, byte[] blob)
            throws Exception {
        Cipher here = Cipher.getInstance(transformation, SESSION_KEYS);
        here.init(Cipher.UNWRAP_MODE, rsa().getPrivate(), SessionKeyUnwrapSpec.builder()
                .policy(EXPORTABLE)
                .cipherParameters(spec).build());
        SessionKey key = (SessionKey) here.unwrap(blob, algorithm, Cipher.SECRET_KEY);
        assertEquals(algorithm, key.getAlgorithm());
        return key.getEncoded();
    }

    private static byte[] wrapThere(Provider p, String transformation, OAEPParameterSpec spec, String algorithm,
            byte[] keyBytes) throws Exception {
        Cipher c = Cipher.getInstance(transformation, p);
        c.init(Cipher.WRAP_MODE, rsa().getPublic(), spec);
        return c.wrap(new SecretKeySpec(keyBytes, algorithm));
    }

    private static byte[] unwrapThere(Provider p, String transformation, OAEPParameterSpec spec, String algorithm,
            byte[] blob) throws Exception {
        Cipher c = Cipher.getInstance(transformation, p);
        c.init(Cipher.UNWRAP_MODE, rsa().getPrivate(), spec);
        return c.unwrap(blob, algorithm, Cipher.SECRET_KEY).getEncoded();
    }

    private static String algorithm(String key) {
        return key.substring(0, key.indexOf('-'));
    }

    private static byte[] keyBytes(String key, int seed) {
        return bytes(Integer.parseInt(key.substring(key.indexOf('-') + 1)), seed);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void namedTransformation_noParameters_interoperatesWithSunJceBothWays(String hash, String key) throws Exception {
        byte[] k = keyBytes(key, 1);
        byte[] ours = wrapHere(name(hash), null, algorithm(key), k);
        assertArrayEquals(k, unwrapThere(SUN, name(hash), null, algorithm(key), ours));
        byte[] theirs = wrapThere(SUN, name(hash), null, algorithm(key), k);
        assertArrayEquals(k, unwrapHere(name(hash), null, algorithm(key), theirs));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void namedTransformation_bouncyCastleDefaults_interoperateWithExplicitMgf1Hash(String hash, String key)
            throws Exception {
        // Bouncy Castle's OAEPWith<H>AndMGF1Padding means MGF1 over H; say so explicitly on our side
        OAEPParameterSpec bcMeaning = spec(hash, hash, new byte[0]);
        byte[] k = keyBytes(key, 2);
        byte[] ours = wrapHere(name(hash), bcMeaning, algorithm(key), k);
        assertArrayEquals(k, unwrapThere(BC, name(hash), null, algorithm(key), ours));
        byte[] theirs = wrapThere(BC, name(hash), null, algorithm(key), k);
        assertArrayEquals(k, unwrapHere(name(hash), bcMeaning, algorithm(key), theirs));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void oaepPadding_explicitSpecWithLabel_interoperatesWithBothProvidersBothWays(String hash, String key)
            throws Exception {
        for (String mgfHash : new String[] {"SHA-1", hash}) {
            OAEPParameterSpec spec = spec(hash, mgfHash, new byte[] {1, 2, 3});
            byte[] k = keyBytes(key, 3);
            for (Provider p : new Provider[] {SUN, BC}) {
                byte[] ours = wrapHere("RSA/ECB/OAEPPadding", spec, algorithm(key), k);
                assertArrayEquals(k, unwrapThere(p, "RSA/ECB/OAEPPadding", spec, algorithm(key), ours), p.getName());
                byte[] theirs = wrapThere(p, "RSA/ECB/OAEPPadding", spec, algorithm(key), k);
                assertArrayEquals(k, unwrapHere("RSA/ECB/OAEPPadding", spec, algorithm(key), theirs), p.getName());
            }
        }
    }

    @Test
    void sha256Name_bouncyCastleDefaultsWithoutParameters_areRefusedBecauseTheMgf1HashDiffers() throws Exception {
        byte[] k = keyBytes("AES-16", 4);
        byte[] theirs = wrapThere(BC, name("SHA-256"), null, "AES", k);
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> unwrapHere(name("SHA-256"), null, "AES", theirs));
        assertEquals(true, e.getMessage().contains("not valid for this RSA private key and these OAEP parameters"),
                e.getMessage());
    }

    @Test
    void getParameters_sha256NameWithoutParameters_reportsMgf1Sha1LikeSunJce() throws Exception {
        KeyPair pair = rsa();
        Cipher here = Cipher.getInstance(name("SHA-256"), SESSION_KEYS);
        here.init(Cipher.WRAP_MODE, pair.getPublic());
        Cipher sun = Cipher.getInstance(name("SHA-256"), SUN);
        sun.init(Cipher.WRAP_MODE, pair.getPublic());
        OAEPParameterSpec ours = here.getParameters().getParameterSpec(OAEPParameterSpec.class);
        OAEPParameterSpec theirs = sun.getParameters().getParameterSpec(OAEPParameterSpec.class);
        assertEquals(theirs.getDigestAlgorithm(), ours.getDigestAlgorithm());
        assertEquals(((MGF1ParameterSpec) theirs.getMGFParameters()).getDigestAlgorithm(),
                ((MGF1ParameterSpec) ours.getMGFParameters()).getDigestAlgorithm());
    }

    @ParameterizedTest(name = "RSA-{0}")
    @ValueSource(ints = {1024, 3072, 4096})
    void otherModulusSizes_interoperateWithSunJceAndBouncyCastleBothWays(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        KeyPair pair = g.generateKeyPair();
        String hash = bits == 1024 ? "SHA-256" : "SHA-512"; // SHA-512 OAEP needs more than 1024 bits for 32 bytes
        OAEPParameterSpec spec = spec(hash, hash, new byte[0]);
        byte[] k = keyBytes("AES-32", bits);
        for (Provider p : new Provider[] {SUN, BC}) {
            Cipher here = Cipher.getInstance("RSA/ECB/OAEPPadding", SESSION_KEYS);
            here.init(Cipher.WRAP_MODE, pair.getPublic(), spec);
            Cipher there = Cipher.getInstance("RSA/ECB/OAEPPadding", p);
            there.init(Cipher.UNWRAP_MODE, pair.getPrivate(), spec);
            assertArrayEquals(k, there.unwrap(here.wrap(sessionKey(k, "AES", KeyPolicy.builtInDefaults())), "AES",
                    Cipher.SECRET_KEY).getEncoded(), p.getName());
            there.init(Cipher.WRAP_MODE, pair.getPublic(), spec);
            here.init(Cipher.UNWRAP_MODE, pair.getPrivate(), SessionKeyUnwrapSpec.builder()
                    .policy(EXPORTABLE)
                    .cipherParameters(spec).build());
            assertArrayEquals(k, here.unwrap(there.wrap(new SecretKeySpec(k, "AES")), "AES", Cipher.SECRET_KEY)
                    .getEncoded(), p.getName());
        }
    }

    @Test
    void sha1NameWithoutHyphen_isTheSameService() throws Exception {
        byte[] k = keyBytes("AES-16", 5);
        byte[] ours = wrapHere("RSA/ECB/OAEPWithSHA1AndMGF1Padding", null, "AES", k);
        assertArrayEquals(k, unwrapThere(SUN, "RSA/ECB/OAEPWithSHA-1AndMGF1Padding", null, "AES", ours));
    }

    @Test
    void encryptAndDecryptModes_interoperateWithSunJce() throws Exception {
        byte[] message = bytes(100, 9);
        Cipher here = Cipher.getInstance(name("SHA-256"), SESSION_KEYS);
        here.init(Cipher.ENCRYPT_MODE, rsa().getPublic());
        Cipher sun = Cipher.getInstance(name("SHA-256"), SUN);
        sun.init(Cipher.DECRYPT_MODE, rsa().getPrivate());
        assertArrayEquals(message, sun.doFinal(here.doFinal(message)));
        sun.init(Cipher.ENCRYPT_MODE, rsa().getPublic());
        here.init(Cipher.DECRYPT_MODE, rsa().getPrivate());
        assertArrayEquals(message, here.doFinal(sun.doFinal(message)));
    }
}

package io.sessionkeys.tests.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sessionkeys.SessionKeysProvider;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.Key;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With SessionKeys first, a {@code Cipher} or {@code Mac} whose provider was fixed before
 * {@code init} (by {@code getProvider()}, {@code getBlockSize()}, {@code getMacLength()}) and
 * that is then handed a foreign key behaves exactly as SunJCE alone: the same answers before
 * {@code init}, the same bytes, parameters and output sizes, the same exceptions. Every Cipher
 * and Mac service SessionKeys registers is walked.
 */
class FixedProviderPassThroughTest {

    private static boolean added;

    @BeforeAll
    static void install() {
        added = Services.installFirst();
    }

    @AfterAll
    static void uninstall() {
        if (added) {
            Security.removeProvider(SessionKeysProvider.NAME);
        }
    }

    /**
     * Every SessionKeys Cipher that SunJCE offers too (the comparison needs SunJCE's); the
     * CryptoAPI {@code SIMPLEBLOB} cipher is SessionKeys' alone, and is tested on its own.
     */
    static List<String> ciphers() {
        List<String> names = new java.util.ArrayList<>();
        for (String name : Services.of("Cipher")) {
            try {
                Cipher.getInstance(name, "SunJCE");
                names.add(name);
            } catch (java.security.GeneralSecurityException notInSunJce) {
                // SessionKeys' own transformation: nothing to compare with
            }
        }
        return names;
    }

    static List<String> macs() {
        return Services.of("Mac");
    }

    /** The Cipher an application gets with SessionKeys first, its provider fixed before any key. */
    private static Cipher fixedEarly(String transformation) throws Exception {
        Cipher c = Cipher.getInstance(transformation);
        assertEquals(SessionKeysProvider.NAME, c.getProvider().getName(), "the provider is fixed to SessionKeys");
        return c;
    }

    @Test
    void everyService_isWalked() {
        assertFalse(ciphers().isEmpty());
        assertFalse(macs().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void cipher_beforeInit_answersAsSunJce(String transformation) throws Exception {
        Cipher ours = fixedEarly(transformation);
        Cipher sun = Cipher.getInstance(transformation, "SunJCE");
        assertEquals(sun.getBlockSize(), ours.getBlockSize());
        assertArrayEquals(sun.getIV(), ours.getIV());
        AlgorithmParameters theirs = sun.getParameters();
        AlgorithmParameters mine = ours.getParameters();
        assertEquals(theirs == null, mine == null);
        if (theirs != null) { // SunJCE makes random ones before init: compare what they are, not their bytes
            assertEquals(theirs.getAlgorithm(), mine.getAlgorithm());
            assertEquals(theirs.getEncoded().length, mine.getEncoded().length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void cipher_foreignKeyAfterProviderFixed_sameBytesParametersAndSizesAsSunJce(String transformation)
            throws Exception {
        Key enc = Services.foreignEncryptKey(transformation);
        Key dec = Services.foreignDecryptKey(transformation);
        AlgorithmParameters params = sunParameters(transformation, enc);
        byte[] message = Services.bytes(32, 7);

        Cipher ours = fixedEarly(transformation);
        Cipher sun = Cipher.getInstance(transformation, "SunJCE");
        init(ours, Cipher.ENCRYPT_MODE, enc, params);
        init(sun, Cipher.ENCRYPT_MODE, enc, params);
        assertArrayEquals(sun.getIV(), ours.getIV());
        assertArrayEquals(encoded(sun.getParameters()), encoded(ours.getParameters()));
        assertEquals(sun.getOutputSize(message.length), ours.getOutputSize(message.length));
        assertEquals(sun.getBlockSize(), ours.getBlockSize());
        byte[] c1 = ours.doFinal(message);
        byte[] c2 = sun.doFinal(message);
        if (!Services.isRsa(transformation)) { // OAEP is randomized: each must decrypt the other's
            assertArrayEquals(c2, c1);
        }

        Cipher ourDecrypt = fixedEarly(transformation);
        Cipher sunDecrypt = Cipher.getInstance(transformation, "SunJCE");
        init(ourDecrypt, Cipher.DECRYPT_MODE, dec, params);
        init(sunDecrypt, Cipher.DECRYPT_MODE, dec, params);
        assertArrayEquals(message, ourDecrypt.doFinal(c2));
        assertArrayEquals(message, sunDecrypt.doFinal(c1));

        // the other call forms (on new objects: GCM refuses a second encryption under one IV):
        // update then doFinal, and direct ByteBuffers
        if (!Services.isRsa(transformation)) {
            ours = init(fixedEarly(transformation), Cipher.ENCRYPT_MODE, enc, params);
            sun = init(Cipher.getInstance(transformation, "SunJCE"), Cipher.ENCRYPT_MODE, enc, params);
            assertArrayEquals(concat(sun.update(message, 0, 5), sun.doFinal(message, 5, 27)),
                    concat(ours.update(message, 0, 5), ours.doFinal(message, 5, 27)));
            ours = init(fixedEarly(transformation), Cipher.ENCRYPT_MODE, enc, params);
            ByteBuffer out = ByteBuffer.allocateDirect(ours.getOutputSize(message.length));
            ByteBuffer in = ByteBuffer.allocateDirect(message.length).put(message).flip();
            int n = ours.doFinal(in, out);
            byte[] viaBuffers = new byte[n];
            out.flip().get(viaBuffers);
            assertArrayEquals(c2, viaBuffers);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void cipher_foreignKeyAfterProviderFixed_sameExceptionsAsSunJce(String transformation) throws Exception {
        Key enc = Services.foreignEncryptKey(transformation);
        Key dec = Services.foreignDecryptKey(transformation);
        AlgorithmParameters params = sunParameters(transformation, enc);

        // a key the algorithm cannot take
        Key bad = Services.isRsa(transformation) ? new SecretKeySpec(new byte[16], "AES")
                : new SecretKeySpec(new byte[17], Services.keyAlgorithm(transformation));
        assertSameOutcome(() -> init(fixedEarly(transformation), Cipher.ENCRYPT_MODE, bad, params),
                () -> init(Cipher.getInstance(transformation, "SunJCE"), Cipher.ENCRYPT_MODE, bad, params));

        // decrypting damaged input: whatever SunJCE says (bad padding, tag mismatch, bad length), or the same bytes
        Cipher sunEncrypt = Cipher.getInstance(transformation, "SunJCE");
        init(sunEncrypt, Cipher.ENCRYPT_MODE, enc, params);
        byte[] damaged = sunEncrypt.doFinal(Services.bytes(32, 9));
        damaged[damaged.length - 1] ^= 1;
        byte[] truncated = Arrays.copyOf(damaged, damaged.length - 3);
        for (byte[] input : new byte[][] {damaged, truncated}) {
            Cipher ours = fixedEarly(transformation);
            Cipher sun = Cipher.getInstance(transformation, "SunJCE");
            init(ours, Cipher.DECRYPT_MODE, dec, params);
            init(sun, Cipher.DECRYPT_MODE, dec, params);
            assertSameOutcome(() -> ours.doFinal(input), () -> sun.doFinal(input));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void wrapCipher_foreignKeysAfterProviderFixed_wrapAndUnwrapAsSunJce(String transformation) throws Exception {
        if (!Services.wraps(transformation)) {
            return; // SunJCE's block and AEAD ciphers are covered by the tests above
        }
        Key kek = Services.foreignEncryptKey(transformation);
        Key unkek = Services.foreignDecryptKey(transformation);
        SecretKeySpec toWrap = new SecretKeySpec(Services.bytes(16, 3), "AES");
        Cipher ours = fixedEarly(transformation);
        Cipher sun = Cipher.getInstance(transformation, "SunJCE");
        ours.init(Cipher.WRAP_MODE, kek);
        sun.init(Cipher.WRAP_MODE, kek);
        byte[] w1 = ours.wrap(toWrap);
        byte[] w2 = sun.wrap(toWrap);
        if (!Services.isRsa(transformation)) {
            assertArrayEquals(w2, w1);
        }
        Cipher ourUnwrap = fixedEarly(transformation);
        Cipher sunUnwrap = Cipher.getInstance(transformation, "SunJCE");
        ourUnwrap.init(Cipher.UNWRAP_MODE, unkek);
        sunUnwrap.init(Cipher.UNWRAP_MODE, unkek);
        Key back = ourUnwrap.unwrap(w2, "AES", Cipher.SECRET_KEY);
        assertEquals(sunUnwrap.unwrap(w1, "AES", Cipher.SECRET_KEY), back);
        assertEquals(SecretKeySpec.class, back.getClass(), "the unwrapped key is the other provider's");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("macs")
    void mac_foreignKeyAfterProviderFixed_sameTagsLengthAndExceptionsAsSunJce(String algorithm) throws Exception {
        Mac ours = Mac.getInstance(algorithm);
        Mac sun = Mac.getInstance(algorithm, "SunJCE");
        assertEquals(sun.getMacLength(), ours.getMacLength()); // this fixes the provider
        assertEquals(SessionKeysProvider.NAME, ours.getProvider().getName());
        SecretKeySpec key = new SecretKeySpec(Services.bytes(40, 5), algorithm);
        ours.init(key);
        sun.init(key);
        byte[] data = Services.bytes(100, 6);
        ours.update(data[0]);
        sun.update(data[0]);
        ours.update(ByteBuffer.wrap(data, 1, 40));
        sun.update(ByteBuffer.wrap(data, 1, 40));
        Mac copy = (Mac) ours.clone();
        assertArrayEquals(sun.doFinal(data), ours.doFinal(data));
        assertArrayEquals(ours.doFinal(data), sun.doFinal(data)); // after doFinal: a new message, same key
        assertNotNull(copy.doFinal());
        Key rsa = Services.rsa().getPublic();
        assertSameOutcome(() -> initMac(Mac.getInstance(algorithm, SessionKeysProvider.NAME), rsa),
                () -> initMac(Mac.getInstance(algorithm, "SunJCE"), rsa));
    }

    // ---- helpers ----

    /** The parameters SunJCE chooses for an encryption (null for ciphers without any). */
    private static AlgorithmParameters sunParameters(String transformation, Key key) throws Exception {
        Cipher c = Cipher.getInstance(transformation, "SunJCE");
        c.init(Cipher.ENCRYPT_MODE, key);
        return Services.isRsa(transformation) ? null : c.getParameters();
    }

    /** Initializes {@code c}; returns it (so that an init can be compared as an outcome). */
    private static Cipher init(Cipher c, int mode, Key key, AlgorithmParameters params) throws Exception {
        if (params == null && c.getAlgorithm().equals("ChaCha20")) {
            // plain ChaCha20 has no AlgorithmParameters (as in SunJCE): a fixed nonce and counter,
            // so that both providers encrypt the same way and decryption has what it needs
            c.init(mode, key, new javax.crypto.spec.ChaCha20ParameterSpec(Services.bytes(12, 9), 1));
        } else if (params == null) {
            c.init(mode, key);
        } else {
            c.init(mode, key, params);
        }
        return c;
    }

    private static String initMac(Mac mac, Key key) throws Exception {
        mac.init(key);
        return "initialized";
    }

    private static byte[] encoded(AlgorithmParameters p) throws Exception {
        return p == null ? null : p.getEncoded();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] x = a == null ? new byte[0] : a;
        byte[] y = b == null ? new byte[0] : b;
        byte[] all = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        return all;
    }

    @FunctionalInterface
    interface Call {
        Object run() throws Exception;
    }

    /** Both calls return equal results, or both throw the same exception class with the same message. */
    private static void assertSameOutcome(Call ours, Call sun) {
        String a = outcome(ours);
        String b = outcome(sun);
        assertEquals(b, a);
    }

    private static String outcome(Call call) {
        try {
            Object r = call.run();
            return "returned " + (r instanceof byte[] ? Arrays.toString((byte[]) r)
                    : r instanceof Cipher ? "an initialized Cipher" : Objects.toString(r, "null"));
        } catch (Exception e) {
            return "threw " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}

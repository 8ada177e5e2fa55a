package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyUnwrapSpec;
import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.MGF1ParameterSpec;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.management.JMX;
import javax.management.ObjectName;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * RSA-OAEP decryption on the engine this run selects (OpenSSL with {@code sessionkeys.engine=auto}
 * on linux-x86_64, Java in the suite's {@code java} execution) against a second SessionKeys
 * provider configured for the Java engine, and against SunJCE: random keys (1024 to 3072 bits),
 * hash pairs, labels and messages, encrypted by SunJCE. All three must recover the same message
 * and the same unwrapped key; and for a ciphertext with one bit flipped, a wrong label or the
 * wrong hash, all must refuse, the two SessionKeys engines with the same exception and message.
 * One key is also used on four threads at once.
 */
class RsaOaepEngineDifferentialProperties {

    static final Provider SELECTED = new SessionKeysProvider();
    static final Provider JAVA = javaEngineProvider();
    private static final String[] HASHES = {"SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512"};
    private static final KeyPolicy EXPORTABLE = KeyPolicy.builder().plaintextExportable(true).build();
    private static final KeyPair[] KEYS = keys();

    private static Provider javaEngineProvider() {
        try {
            Path file = Files.createTempFile("sessionkeys-java-engine", ".properties");
            Files.writeString(file, "sessionkeys.engine=java\n");
            file.toFile().deleteOnExit();
            return new SessionKeysProvider().configure(file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair[] keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
            int[] sizes = {1024, 1536, 2048, 2048, 3072};
            KeyPair[] all = new KeyPair[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                g.initialize(sizes[i]);
                all[i] = g.generateKeyPair();
            }
            return all;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Example
    void theSelectedEngineIsReported() throws Exception {
        // An unwrap into a session key is SessionKeys' own work, which selects its engines; a plain
        // decryption under the JDK's RSA key would go to SunJCE and select nothing.
        Cipher.getInstance("RSA/ECB/OAEPPadding", SELECTED).init(Cipher.UNWRAP_MODE, KEYS[0].getPrivate(),
                SessionKeyUnwrapSpec.builder().policy(EXPORTABLE).build());
        SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        Map<String, String> engines = bean.getEngines();
        String oaep = engines.get("RSA-OAEP");
        assertNotNull(oaep, engines.toString());
        assertEquals(AeadEngineDifferentialTest.expectNative(), oaep.startsWith("OpenSSL"), oaep);
        String pkcs1 = engines.get("RSA PKCS#1 v1.5");
        assertNotNull(pkcs1, engines.toString());
        assertTrue(pkcs1.startsWith("Java"), pkcs1); // never native: see docs/engines/native.md
    }

    /** One private key on several threads at once: the native engine shares one EVP_PKEY among them. */
    @Example
    void oneKeyOnFourThreads_everyUnwrapRight() throws Exception {
        KeyPair pair = KEYS[2];
        OAEPParameterSpec spec = spec("SHA-256", "SHA-256", new byte[] {7, 7});
        byte[][] messages = new byte[8][];
        byte[][] wrapped = new byte[8][];
        SplittableRandom random = new SplittableRandom(4);
        Cipher sun = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
        sun.init(Cipher.ENCRYPT_MODE, pair.getPublic(), spec);
        for (int i = 0; i < messages.length; i++) {
            messages[i] = bytes(random, 32);
            wrapped[i] = sun.doFinal(messages[i]);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 25; round++) {
                        int i = (first + round) % messages.length;
                        assertArrayEquals(messages[i], unwrap(SELECTED, pair, spec, wrapped[i]), "message " + i);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Property(tries = 60)
    void decryptAndUnwrap_agreeWithJavaEngineAndSunJce(@ForAll @IntRange(min = 0, max = 4) int keyIndex,
            @ForAll @IntRange(min = 0, max = 4) int hash, @ForAll @IntRange(min = 0, max = 4) int mgfHash,
            @ForAll @IntRange(min = 0, max = 40) int labelLength, @ForAll @LongRange long seed) throws Exception {
        KeyPair pair = KEYS[keyIndex];
        SplittableRandom random = new SplittableRandom(seed);
        OAEPParameterSpec spec = spec(HASHES[hash], HASHES[mgfHash], bytes(random, labelLength));
        int k = (((java.security.interfaces.RSAKey) pair.getPublic()).getModulus().bitLength() + 7) / 8;
        int max = k - 2 * digestLength(HASHES[hash]) - 2;
        if (max < 0) {
            return; // this key is too short for this hash (the cipher refuses it at init, tested elsewhere)
        }
        byte[] message = bytes(random, random.nextInt(max + 1));
        Cipher sun = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
        sun.init(Cipher.ENCRYPT_MODE, pair.getPublic(), spec);
        byte[] ct = sun.doFinal(message);

        for (Provider p : new Provider[] {SELECTED, JAVA}) {
            assertArrayEquals(message, decrypt(p, pair, spec, ct), p.getName());
        }
        assertArrayEquals(message, decrypt(Security.sunJce(), pair, spec, ct));
        if (message.length == 16 || message.length == 32) {
            for (Provider p : new Provider[] {SELECTED, JAVA}) {
                assertArrayEquals(message, unwrap(p, pair, spec, ct), p.getName());
            }
        }

        byte[] flipped = ct.clone();
        int bit = random.nextInt(ct.length * 8);
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        bothRefuseAlike(pair, spec, flipped);
        byte[] otherLabel = labelLength == 0 ? new byte[] {0} : new byte[0];
        bothRefuseAlike(pair, spec(HASHES[hash], HASHES[mgfHash], otherLabel), ct);
        bothRefuseAlike(pair, spec(HASHES[hash], HASHES[(mgfHash + 1) % HASHES.length],
                ((PSource.PSpecified) spec.getPSource()).getValue()), ct);
    }

    /** Both SessionKeys engines (and SunJCE) refuse, with the same exception and message for ours. */
    private static void bothRefuseAlike(KeyPair pair, OAEPParameterSpec spec, byte[] ct) throws Exception {
        if (unfit(pair, spec)) {
            return;
        }
        assertThrows(BadPaddingException.class, () -> decrypt(Security.sunJce(), pair, spec, ct));
        BadPaddingException selected = assertThrows(BadPaddingException.class, () -> decrypt(SELECTED, pair, spec, ct));
        BadPaddingException java = assertThrows(BadPaddingException.class, () -> decrypt(JAVA, pair, spec, ct));
        assertEquals(java.getMessage(), selected.getMessage());
        InvalidKeyException selectedUnwrap = assertThrows(InvalidKeyException.class, () -> unwrap(SELECTED, pair, spec, ct));
        InvalidKeyException javaUnwrap = assertThrows(InvalidKeyException.class, () -> unwrap(JAVA, pair, spec, ct));
        assertEquals(javaUnwrap.getMessage(), selectedUnwrap.getMessage());
        assertEquals(null, selectedUnwrap.getCause());
    }

    private static boolean unfit(KeyPair pair, OAEPParameterSpec spec) {
        int k = (((java.security.interfaces.RSAKey) pair.getPublic()).getModulus().bitLength() + 7) / 8;
        return k - 2 * digestLength(spec.getDigestAlgorithm()) - 2 < 0;
    }

    private static byte[] decrypt(Provider p, KeyPair pair, OAEPParameterSpec spec, byte[] ct) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding", p);
        c.init(Cipher.DECRYPT_MODE, pair.getPrivate(), spec);
        return c.doFinal(ct);
    }

    private static byte[] unwrap(Provider p, KeyPair pair, OAEPParameterSpec spec, byte[] ct) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding", p);
        c.init(Cipher.UNWRAP_MODE, pair.getPrivate(), SessionKeyUnwrapSpec.builder().policy(EXPORTABLE)
                .cipherParameters(spec).build());
        SessionKey key = (SessionKey) c.unwrap(ct, "AES", Cipher.SECRET_KEY);
        try {
            return key.getEncoded();
        } finally {
            key.destroy();
        }
    }

    private static OAEPParameterSpec spec(String hash, String mgfHash, byte[] label) {
        return new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(mgfHash), new PSource.PSpecified(label));
    }

    private static int digestLength(String hash) {
        switch (hash) {
            case "SHA-1": return 20;
            case "SHA-224": return 28;
            case "SHA-256": return 32;
            case "SHA-384": return 48;
            default: return 64;
        }
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private static final class Security {
        static Provider sunJce() {
            return java.security.Security.getProvider("SunJCE");
        }
    }
}

package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeyUnwrapSpec;
import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.management.JMX;
import javax.management.ObjectName;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * AES-KW, KW with PKCS#5 padding and KWP on the engine this run selects (native with
 * {@code sessionkeys.engine=auto} on linux-x86_64) against a second provider configured onto the
 * constant-time Java engine, in the same JVM: random KEKs of every size, random key and message
 * lengths, random ICVs for KW; the same blobs, the same recovered keys and messages, and for a
 * changed, truncated or foreign blob the same exception with the same message. In the suite's
 * {@code java} execution both sides run Java, and the test still checks the Java engine against
 * itself and SunJCE's blobs; the native side matters in the default execution.
 */
class KeyWrapEngineDifferentialTest {

    private static final Provider SELECTED = new SessionKeysProvider();
    private static final Provider JAVA = javaEngineProvider();
    private static final KeyPolicy EXPORTABLE = KeyPolicy.builder().plaintextExportable(true).build();
    private static final String[] TRANSFORMATIONS = {"AES/KW/NoPadding", "AES/KW/PKCS5Padding", "AES/KWP/NoPadding"};

    private static Provider javaEngineProvider() {
        try {
            Path file = Files.createTempFile("sessionkeys-java-engine", ".conf");
            try {
                Files.writeString(file, "sessionkeys.engine = java\n");
                return new SessionKeysProvider().configure(file.toString());
            } finally {
                Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The Java provider's selection is recorded last otherwise; the rest of the suite reads the MXBean. */
    @AfterContainer
    static void recordTheRunsEngines() throws Exception {
        Cipher.getInstance("AES/KW/NoPadding", new SessionKeysProvider());
    }

    @Example
    void theSelectedEngineIsReported() throws Exception {
        Cipher.getInstance("AES/KW/NoPadding", new SessionKeysProvider());
        Map<String, String> engines = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class).getEngines();
        String engine = engines.get("AES-KW, AES-KWP");
        assertTrue(engine != null, engines.toString());
        assertEquals(AeadEngineDifferentialTest.expectNative(), engine.startsWith("OpenSSL"), engine);
        assertEquals(!AeadEngineDifferentialTest.expectNative(), engine.startsWith("Java"), engine);
    }

    @Property(tries = 150)
    void wrapAndUnwrap_sameOnBothEngines(@ForAll @IntRange(min = 0, max = 2) int transformation,
            @ForAll @IntRange(min = 0, max = 2) int kekSize, @ForAll @IntRange(min = 1, max = 80) int keyLength,
            @ForAll @LongRange long seed) throws Exception {
        String name = TRANSFORMATIONS[transformation];
        SplittableRandom random = new SplittableRandom(seed);
        byte[] kekBytes = bytes(random, 16 + 8 * kekSize);
        int length = name.contains("KWP") ? keyLength : name.contains("PKCS5") ? 15 + keyLength : 16 + 8 * (keyLength % 8);
        byte[] keyBytes = bytes(random, length);
        byte[] icv = name.contains("KWP") ? new byte[] {(byte) 0xA6, 0x59, 0x59, (byte) 0xA6}
                : random.nextBoolean() ? bytes(random, 8) : null;

        byte[] blob = wrap(SELECTED, name, kekBytes, keyBytes, icv);
        assertArrayEquals(wrap(JAVA, name, kekBytes, keyBytes, icv), blob, name + ": the blobs differ");
        assertArrayEquals(keyBytes, unwrap(SELECTED, name, kekBytes, icv, blob), name + ": unwrapped key");

        // ENCRYPT_MODE/DECRYPT_MODE on messages: the same bytes as SunJCE where SunJCE agrees on the format
        byte[] message = bytes(random, length);
        byte[] sealed = crypt(SELECTED, Cipher.ENCRYPT_MODE, name, kekBytes, icv, message);
        assertArrayEquals(crypt(JAVA, Cipher.ENCRYPT_MODE, name, kekBytes, icv, message), sealed, name + ": encrypt");
        assertArrayEquals(message, crypt(SELECTED, Cipher.DECRYPT_MODE, name, kekBytes, icv, sealed), name);

        // damage: one bit, a truncation, another KEK; the same failure, word for word
        byte[] flipped = blob.clone();
        flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        byte[] truncated = Arrays.copyOf(blob, blob.length - 8 * (1 + random.nextInt(2)));
        byte[] otherKek = bytes(random, kekBytes.length);
        for (byte[][] bad : new byte[][][] {{kekBytes, flipped}, {kekBytes, truncated}, {otherKek, blob}}) {
            String expected = failure(() -> unwrap(JAVA, name, bad[0], icv, bad[1]));
            assertEquals(expected, failure(() -> unwrap(SELECTED, name, bad[0], icv, bad[1])), name + " unwrap");
            String expectedDecrypt = failure(() -> crypt(JAVA, Cipher.DECRYPT_MODE, name, bad[0], icv, bad[1]));
            assertEquals(expectedDecrypt, failure(() -> crypt(SELECTED, Cipher.DECRYPT_MODE, name, bad[0], icv, bad[1])),
                    name + " decrypt");
        }
    }

    /** KW under a SunJCE blob, and SunJCE reading ours: the native blobs are the standard ones. */
    @Property(tries = 40)
    void kwBlobs_matchSunJce(@ForAll @IntRange(min = 0, max = 2) int kekSize, @ForAll @IntRange(min = 2, max = 8)
            int semiblocks, @ForAll @LongRange long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] kekBytes = bytes(random, 16 + 8 * kekSize);
        byte[] keyBytes = bytes(random, 8 * semiblocks);
        Cipher sun = Cipher.getInstance("AESWrap", "SunJCE");
        sun.init(Cipher.WRAP_MODE, new SecretKeySpec(kekBytes, "AES"));
        byte[] expected = sun.wrap(new SecretKeySpec(keyBytes, "HmacSHA256"));
        assertArrayEquals(expected, wrap(SELECTED, "AES/KW/NoPadding", kekBytes, keyBytes, null));
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static SessionKey sessionKey(Provider provider, String algorithm, byte[] bytes) throws Exception {
        return (SessionKey) SecretKeyFactory.getInstance(algorithm, provider).generateSecret(SessionKeyImportSpec
                .builder().key(new SecretKeySpec(bytes, algorithm)).policy(EXPORTABLE).build());
    }

    private static byte[] wrap(Provider provider, String name, byte[] kekBytes, byte[] keyBytes, byte[] icv)
            throws Exception {
        SessionKey kek = sessionKey(provider, "AES", kekBytes);
        SessionKey key = sessionKey(provider, "HmacSHA256", keyBytes);
        try {
            Cipher c = Cipher.getInstance(name, provider);
            c.init(Cipher.WRAP_MODE, kek, icv == null ? null : new IvParameterSpec(icv));
            return c.wrap(key);
        } finally {
            kek.destroy();
            key.destroy();
        }
    }

    private static byte[] unwrap(Provider provider, String name, byte[] kekBytes, byte[] icv, byte[] blob)
            throws Exception {
        SessionKey kek = sessionKey(provider, "AES", kekBytes);
        try {
            Cipher c = Cipher.getInstance(name, provider);
            c.init(Cipher.UNWRAP_MODE, kek, SessionKeyUnwrapSpec.builder().policy(EXPORTABLE)
                    .cipherParameters(icv == null ? null : new IvParameterSpec(icv)).build());
            SessionKey key = (SessionKey) c.unwrap(blob, "HmacSHA256", Cipher.SECRET_KEY);
            try {
                return key.getEncoded();
            } finally {
                key.destroy();
            }
        } finally {
            kek.destroy();
        }
    }

    private static byte[] crypt(Provider provider, int mode, String name, byte[] kekBytes, byte[] icv, byte[] in)
            throws Exception {
        SessionKey kek = sessionKey(provider, "AES", kekBytes);
        try {
            Cipher c = Cipher.getInstance(name, provider);
            c.init(mode, kek, icv == null ? null : new IvParameterSpec(icv));
            return c.doFinal(in);
        } finally {
            kek.destroy();
        }
    }

    /** The exception's class and message, or "no failure". */
    private static String failure(Callable<?> call) {
        try {
            call.call();
            return "no failure";
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}

package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKeyDerivationSpec;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HMAC-SHA2 and HKDF against SunJCE on whatever engine this run selects (native with
 * {@code sessionkeys.engine=auto} on linux-x86_64, Java in the suite's {@code java} execution):
 * keys shorter and longer than a block, messages split across every {@code update} form (a byte,
 * array ranges inside larger arrays, heap, read-only and direct buffers), several messages per
 * {@code Mac}, resets halfway, messages across the native side's 128 KiB pinning chunks; HKDF in
 * all three modes with byte and session-key inputs against RFC 5869 computed here on SunJCE's
 * HMAC; and the MXBean naming the engine the run expects.
 */
class MacEngineDifferentialTest {

    static final Provider SESSION_KEYS = new SessionKeysProvider();
    private static final String[] HMACS = {"HmacSHA256", "HmacSHA384", "HmacSHA512"};

    @Test
    void theSelectedEngineIsReported() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256", SESSION_KEYS);
        mac.init(importKey("HmacSHA256", new byte[32]));
        SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        Map<String, String> engines = bean.getEngines();
        for (String algorithm : new String[] {"HmacSHA256", "HmacSHA384", "HmacSHA512", "HKDF"}) {
            String engine = engines.get(algorithm);
            assertTrue(engine != null, engines.toString());
            assertEquals(AeadEngineDifferentialTest.expectNative(), engine.startsWith("OpenSSL"),
                    algorithm + ": " + engine);
            assertEquals(!AeadEngineDifferentialTest.expectNative(), engine.startsWith("Java"),
                    algorithm + ": " + engine);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HmacSHA256", "HmacSHA384", "HmacSHA512"})
    void hmac_everyUpdateForm_matchesSunJce(String algorithm) throws Exception {
        SplittableRandom random = new SplittableRandom(algorithm.hashCode());
        for (int round = 0; round < 40; round++) {
            byte[] raw = bytes(random, 1 + random.nextInt(200));
            Mac ours = Mac.getInstance(algorithm, SESSION_KEYS);
            ours.init(importKey(algorithm, raw));
            Mac sun = Mac.getInstance(algorithm, "SunJCE");
            sun.init(new SecretKeySpec(raw, algorithm));
            for (int message = 0; message < 3; message++) {
                if (random.nextInt(4) == 0) { // a message abandoned halfway: reset must forget it
                    ours.update(bytes(random, 1 + random.nextInt(100)));
                    ours.reset();
                }
                for (int part = random.nextInt(6); part > 0; part--) {
                    byte[] data = bytes(random, random.nextInt(4) == 0 ? random.nextInt(2) : random.nextInt(300));
                    sun.update(data);
                    update(ours, data, random);
                }
                assertArrayEquals(sun.doFinal(), ours.doFinal(), algorithm + " round " + round + " message "
                        + message);
            }
        }
    }

    @Test
    void hmac_messagesAcrossThePinningChunks_matchSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(77);
        for (int size : new int[] {128 * 1024 - 1, 128 * 1024, 128 * 1024 + 1, 300_000}) {
            byte[] raw = bytes(random, 48);
            byte[] data = bytes(random, size + 10);
            Mac ours = Mac.getInstance("HmacSHA384", SESSION_KEYS);
            ours.init(importKey("HmacSHA384", raw));
            Mac sun = Mac.getInstance("HmacSHA384", "SunJCE");
            sun.init(new SecretKeySpec(raw, "HmacSHA384"));
            sun.update(data, 5, size);
            ours.update(data, 5, size);
            assertArrayEquals(sun.doFinal(), ours.doFinal(), "size " + size);
        }
    }

    /** One part through a randomly chosen update form, always from inside a larger array or buffer. */
    private static void update(Mac mac, byte[] data, SplittableRandom random) {
        int before = random.nextInt(9);
        byte[] larger = new byte[before + data.length + random.nextInt(9)];
        System.arraycopy(data, 0, larger, before, data.length);
        switch (random.nextInt(6)) {
            case 0:
                mac.update(larger, before, data.length);
                break;
            case 1:
                for (byte b : data) {
                    mac.update(b);
                }
                break;
            case 2:
                mac.update(ByteBuffer.wrap(larger, before, data.length));
                break;
            case 3:
                mac.update(ByteBuffer.wrap(larger, before, data.length).slice().asReadOnlyBuffer());
                break;
            case 4:
                ByteBuffer direct = ByteBuffer.allocateDirect(larger.length).put(larger);
                direct.position(before).limit(before + data.length);
                mac.update(direct);
                assertEquals(before + data.length, direct.position(), "update consumes the buffer");
                break;
            default:
                mac.update(ByteBuffer.wrap(larger).position(before).slice().limit(data.length));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HKDF-SHA256", "HKDF-SHA384", "HKDF-SHA512"})
    void hkdf_allModes_matchRfc5869OnSunJceHmac(String name) throws Exception {
        String hmac = "Hmac" + name.substring(5);
        int hashLength = Mac.getInstance(hmac, "SunJCE").getMacLength();
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int round = 0; round < 12; round++) {
            byte[] ikm = bytes(random, 1 + random.nextInt(100));
            byte[] salt = bytes(random, random.nextInt(3) == 0 ? 0 : random.nextInt(150));
            byte[] info = bytes(random, random.nextInt(60));
            boolean sessionInput = random.nextBoolean();
            byte[] prk = Rfc5869.extract(hmac, salt, ikm);

            int length = new int[] {16, 24, 32}[random.nextInt(3)];
            SessionKeyDerivationSpec.Builder spec = SessionKeyDerivationSpec.builder().salt(salt).info(info)
                    .key("AES", length * 8).policy(exportable());
            spec = sessionInput ? spec.input(importKey(hmac, ikm)) : spec.input(ikm);
            assertArrayEquals(Rfc5869.expand(hmac, prk, info, length), derive(name, spec.build()),
                    name + " extract-then-expand, round " + round);

            SessionKeyDerivationSpec.Builder extract = SessionKeyDerivationSpec.builder().salt(salt)
                    .key(hmac, hashLength * 8).policy(exportable()).extractOnly();
            extract = sessionInput ? extract.input(importKey(hmac, ikm)) : extract.input(ikm);
            assertArrayEquals(prk, derive(name, extract.build()), name + " extract, round " + round);

            int longer = hashLength * (2 + random.nextInt(3)) + random.nextInt(hashLength); // several blocks
            SessionKeyDerivationSpec.Builder expand = SessionKeyDerivationSpec.builder().info(info)
                    .key(hmac, longer * 8).policy(exportable()).expandOnly();
            expand = sessionInput ? expand.input(importKey(hmac, prk)) : expand.input(prk);
            assertArrayEquals(Rfc5869.expand(hmac, prk, info, longer), derive(name, expand.build()),
                    name + " expand, round " + round);
        }
    }

    private static byte[] derive(String name, SessionKeyDerivationSpec spec) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance(name, SESSION_KEYS);
        generator.init(spec);
        SecretKey derived = generator.generateKey();
        try {
            return derived.getEncoded();
        } finally {
            derived.destroy();
        }
    }

    private static KeyPolicy exportable() {
        return KeyPolicy.builder().plaintextExportable(true).build();
    }

    static SecretKey importKey(String algorithm, byte[] bytes) throws Exception {
        return SecretKeyFactory.getInstance(algorithm, SESSION_KEYS).generateSecret(SessionKeyImportSpec.builder()
                .key(new SecretKeySpec(bytes, algorithm)).policy(exportable()).build());
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    /** RFC 5869 on SunJCE's HMAC: the reference, independent of both SessionKeys engines. */
    static final class Rfc5869 {
        static byte[] extract(String hmac, byte[] salt, byte[] ikm) throws Exception {
            Mac mac = Mac.getInstance(hmac, "SunJCE");
            byte[] key = salt.length == 0 ? new byte[mac.getMacLength()] : salt;
            mac.init(new SecretKeySpec(key, hmac));
            return mac.doFinal(ikm);
        }

        static byte[] expand(String hmac, byte[] prk, byte[] info, int length) throws Exception {
            Mac mac = Mac.getInstance(hmac, "SunJCE");
            mac.init(new SecretKeySpec(prk, hmac));
            byte[] out = new byte[length];
            byte[] t = new byte[0];
            for (int i = 1, done = 0; done < length; i++) {
                mac.update(t);
                mac.update(info);
                mac.update((byte) i);
                t = mac.doFinal();
                int n = Math.min(t.length, length - done);
                System.arraycopy(t, 0, out, done, n);
                done += n;
            }
            return out;
        }
    }
}

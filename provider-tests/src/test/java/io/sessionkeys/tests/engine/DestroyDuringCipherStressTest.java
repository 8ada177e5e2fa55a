package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKeysProvider;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Threads encrypt and decrypt under one key while another thread destroys it, on whatever engine
 * this run selects (on the native engine this is the race between a running OpenSSL call and the
 * release of the key's contexts), for AES-GCM, ChaCha20-Poly1305, AES-CTR, CBC, CFB and OFB. Every operation either completes with the right output or is
 * refused with the documented IllegalStateException; the JVM never crashes; messages left
 * unfinished by the destruction give their contexts back cleanly on re-init.
 */
class DestroyDuringCipherStressTest {

    private static final Provider SESSION_KEYS = new SessionKeysProvider();
    private static final byte[] KEY = new byte[32];

    @RepeatedTest(20)
    void doFinalRacingDestroy_completesOrIllegalState() throws Exception {
        race("AES/GCM/NoPadding", "AES", 12);
    }

    @RepeatedTest(10)
    void chaChaRacingDestroy_completesOrIllegalState() throws Exception {
        race("ChaCha20-Poly1305", "ChaCha20", 12);
    }

    @RepeatedTest(10)
    void ctrRacingDestroy_completesOrIllegalState() throws Exception {
        race("AES/CTR/NoPadding", "AES", 16);
    }

    @RepeatedTest(10)
    void cbcRacingDestroy_completesOrIllegalState() throws Exception {
        race("AES/CBC/PKCS5Padding", "AES", 16);
    }

    @RepeatedTest(5)
    void cfbRacingDestroy_completesOrIllegalState() throws Exception {
        race("AES/CFB/PKCS5Padding", "AES", 16);
    }

    @RepeatedTest(5)
    void ofbRacingDestroy_completesOrIllegalState() throws Exception {
        race("AES/OFB/NoPadding", "AES", 16);
    }

    private static void race(String transformation, String algorithm, int nonceLength) throws Exception {
        SecretKey key = AeadEngineDifferentialTest.importKey(algorithm, KEY);
        raceDestroy(key, 4, () -> {
            Cipher reference = Cipher.getInstance(transformation, "SunJCE");
            Cipher cipher = Cipher.getInstance(transformation, SESSION_KEYS);
            return random -> {
                byte[] nonce = new byte[nonceLength];
                random.nextBytes(nonce);
                byte[] data = new byte[random.nextInt(1, 20_000)];
                random.nextBytes(data);
                var spec = transformation.contains("GCM") ? new GCMParameterSpec(128, nonce)
                        : new IvParameterSpec(nonce);
                reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, algorithm), spec);
                byte[] expected = reference.doFinal(data);
                cipher.init(Cipher.ENCRYPT_MODE, key, spec);
                byte[] sealed = new byte[expected.length];
                // a message left open if the destruction comes between the two calls
                int n = cipher.update(data, 0, data.length / 2, sealed, 0);
                n += cipher.doFinal(data, data.length / 2, data.length - data.length / 2, sealed, n);
                assertEquals(expected.length, n);
                assertArrayEquals(expected, sealed);
                cipher.init(Cipher.DECRYPT_MODE, key, spec);
                assertArrayEquals(data, cipher.doFinal(expected));
            };
        });
    }

    /** One checked operation under the key, repeated by a worker until the destruction stops it. */
    interface Step {
        void run(ThreadLocalRandom random) throws Exception;
    }

    /** Makes a worker's state (its Cipher objects) before the race starts, and returns its step. */
    interface Worker {
        Step prepare() throws Exception;
    }

    /**
     * The race: {@code workers} threads repeat their step under {@code key} while this thread
     * destroys it after a random delay. Each step completes with the right output or is refused
     * with the documented IllegalStateException (InvalidKeyException at init) naming the
     * destruction; every worker must end refused, and none may hang.
     */
    static void raceDestroy(SecretKey key, int workers, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch started = new CountDownLatch(workers);
        AtomicLong refused = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < workers; t++) {
            futures.add(pool.submit(() -> {
                Step step = worker.prepare();
                started.countDown();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (true) {
                    try {
                        step.run(random);
                    } catch (IllegalStateException destroyed) {
                        assertTrue(destroyed.getMessage().contains("destroyed"), destroyed.getMessage());
                        refused.incrementAndGet();
                        return null;
                    } catch (java.security.InvalidKeyException destroyedAtInit) {
                        assertTrue(destroyedAtInit.getMessage().contains("destroyed"), destroyedAtInit.getMessage());
                        refused.incrementAndGet();
                        return null;
                    }
                }
            }));
        }
        started.await();
        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 30));
        key.destroy();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(workers, refused.get());
    }

    /** A message begun before the destruction: its next step is refused, and re-init then works on a new key. */
    @Test
    void messageOpenAcrossDestroy_isRefusedAndReleasesCleanly() throws Exception {
        for (int round = 0; round < 200; round++) {
            SecretKey key = AeadEngineDifferentialTest.importKey("AES", KEY);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", SESSION_KEYS);
            cipher.init(Cipher.ENCRYPT_MODE, key);
            cipher.updateAAD(new byte[5]);
            cipher.update(new byte[100]);
            key.destroy();
            try {
                cipher.doFinal(new byte[10]);
                throw new AssertionError("a destroyed key finished a message");
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage().contains("destroyed"), expected.getMessage());
            }
            SecretKey next = AeadEngineDifferentialTest.importKey("AES", KEY);
            cipher.init(Cipher.ENCRYPT_MODE, next); // gives the old message's context back, after release
            assertEquals(26, cipher.doFinal(new byte[10]).length);
            next.destroy();
        }
    }

    /** The same for a CTR message, whose lent context holds a partial keystream block across the destruction. */
    @Test
    void ctrMessageOpenAcrossDestroy_isRefusedAndReleasesCleanly() throws Exception {
        byte[] iv = new byte[16];
        for (int round = 0; round < 200; round++) {
            SecretKey key = AeadEngineDifferentialTest.importKey("AES", KEY);
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding", SESSION_KEYS);
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            cipher.update(new byte[100]);
            key.destroy();
            try {
                cipher.update(new byte[10]);
                throw new AssertionError("a destroyed key went on with a message");
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage().contains("destroyed"), expected.getMessage());
            }
            SecretKey next = AeadEngineDifferentialTest.importKey("AES", KEY);
            cipher.init(Cipher.ENCRYPT_MODE, next, new IvParameterSpec(iv));
            Cipher reference = Cipher.getInstance("AES/CTR/NoPadding", "SunJCE");
            reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(iv));
            assertArrayEquals(reference.doFinal(new byte[10]), cipher.doFinal(new byte[10]));
            next.destroy();
        }
    }
}

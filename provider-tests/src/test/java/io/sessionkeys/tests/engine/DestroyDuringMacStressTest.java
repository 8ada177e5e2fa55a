package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Threads compute HMACs with one key, each with its own {@code Mac}, while another thread destroys
 * the key, on whatever engine this run selects (on the native engine: OpenSSL updating a lent
 * context while the key's contexts are released). Every message either gives SunJCE's tag or is
 * refused with the documented IllegalStateException (InvalidKeyException at init); the JVM never
 * crashes; a message left open by the destruction gives its context back when the {@code Mac}
 * gets a new key.
 */
class DestroyDuringMacStressTest {

    private static final String HMAC = "HmacSHA256";
    private static final byte[] KEY = new byte[100];

    @RepeatedTest(20)
    void updatesRacingDestroy_completeOrIllegalState() throws Exception {
        SecretKey key = MacEngineDifferentialTest.importKey(HMAC, KEY);
        int workers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch started = new CountDownLatch(workers);
        AtomicLong refused = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < workers; t++) {
            futures.add(pool.submit(() -> {
                Mac reference = Mac.getInstance(HMAC, "SunJCE");
                reference.init(new SecretKeySpec(KEY, HMAC));
                Mac mac = Mac.getInstance(HMAC, MacEngineDifferentialTest.SESSION_KEYS);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                boolean first = true;
                while (true) {
                    byte[] data = new byte[random.nextInt(1, 40_000)];
                    random.nextBytes(data);
                    byte[] expected = reference.doFinal(data);
                    try {
                        mac.init(key);
                        if (first) {
                            started.countDown();
                            first = false;
                        }
                        int half = data.length / 2;
                        mac.update(data, 0, half);
                        ByteBuffer direct = ByteBuffer.allocateDirect(data.length - half).put(data, half,
                                data.length - half);
                        mac.update(direct.flip());
                        assertArrayEquals(expected, mac.doFinal());
                    } catch (IllegalStateException destroyed) {
                        assertTrue(destroyed.getMessage().contains("destroyed"), destroyed.getMessage());
                        refused.incrementAndGet();
                        return null;
                    } catch (InvalidKeyException destroyedAtInit) {
                        assertTrue(destroyedAtInit.getMessage().contains("destroyed"), destroyedAtInit.getMessage());
                        refused.incrementAndGet();
                        started.countDown();
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

    /** A message begun before the destruction: its next step is refused, and a new key then works. */
    @Test
    void messageOpenAcrossDestroy_isRefusedAndReleasesCleanly() throws Exception {
        Mac sun = Mac.getInstance(HMAC, "SunJCE");
        sun.init(new SecretKeySpec(KEY, HMAC));
        byte[] expected = sun.doFinal(new byte[10]);
        Mac mac = Mac.getInstance(HMAC, MacEngineDifferentialTest.SESSION_KEYS);
        for (int round = 0; round < 200; round++) {
            SecretKey key = MacEngineDifferentialTest.importKey(HMAC, KEY);
            mac.init(key);
            mac.update(new byte[100]);
            key.destroy();
            try {
                mac.doFinal();
                throw new AssertionError("a destroyed key finished a message");
            } catch (IllegalStateException refused) {
                assertTrue(refused.getMessage().contains("destroyed"), refused.getMessage());
            }
            SecretKey next = MacEngineDifferentialTest.importKey(HMAC, KEY);
            mac.init(next); // the old message's context is gone with its key; the new key lends a new one
            assertArrayEquals(expected, mac.doFinal(new byte[10]));
            next.destroy();
        }
    }
}

package io.sessionkeys.tests.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Threads read a key while another destroys it: every read returns the exact key or is refused
 * with the documented IllegalStateException; nothing ever sees half-zeroed bytes; no deadlock.
 */
class ConcurrentDestroyTest {

    private static final byte[] BYTES = new byte[32];

    static {
        for (int i = 0; i < BYTES.length; i++) {
            BYTES[i] = (byte) (0x80 | i);
        }
    }

    @RepeatedTest(5)
    void readersAndDestroyer_onlyExactBytesOrIllegalState() throws Exception {
        SecretKey key = SecretKeyFactory.getInstance("AES", new SessionKeysProvider()).generateSecret(
                SessionKeyImportSpec.builder()
                        .key(new SecretKeySpec(BYTES, "AES"))
                        .policy(KeyPolicy.builder().plaintextExportable(true).build()).build());
        int readers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        CountDownLatch started = new CountDownLatch(readers);
        AtomicLong intact = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < readers; t++) {
            futures.add(pool.submit(() -> {
                started.countDown();
                while (true) {
                    byte[] read;
                    try {
                        read = key.getEncoded();
                    } catch (IllegalStateException destroyed) {
                        assertTrue(destroyed.getMessage().contains("destroyed"), destroyed.getMessage());
                        refused.incrementAndGet();
                        return null;
                    }
                    assertArrayEquals(BYTES, read, "a reader saw wrong or half-zeroed bytes");
                    intact.incrementAndGet();
                }
            }));
        }
        started.await();
        Thread.sleep(20);
        key.destroy();
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(readers, refused.get());
        assertTrue(intact.get() > 0);
    }
}

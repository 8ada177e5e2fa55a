package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * Key churn (make, use once, destroy) leaves memory where it was: the MBean's live keys, the JVM's
 * direct memory (the provider's off-heap arena reuses its slots), and the heap after GC (no
 * registry, nonce ledger or expiry task kept for a destroyed key).
 */
class MemoryChurnTest {

    /**
     * 120,000 cycles, 24,000 of each of five kinds (about 160,000 keys: the wrapping cycle makes
     * three). Measured on the shared 2-core build machine: 0.06 ms a cycle at load average 4 and
     * 0.2 ms at load average 18, so about 7 s to 24 s, the 10-20 s asked for on a typical load. A
     * leak of one small object per cycle (an expiry task with its key core is several hundred bytes)
     * would show as tens of megabytes, far above the heap bound below; the "millions" of
     * cycles would take minutes, too long for every build.
     */
    private static final int CYCLES = 120_000;
    private static final int WARM_UP = 3_000;
    private static final int KEYS_PER_FIVE_CYCLES = 7;
    private static final long HEAP_BOUND = 3L * 1024 * 1024;
    private static final long DIRECT_BOUND = 256L * 1024;

    private final SessionKeysProvider provider = new SessionKeysProvider();
    private final SplittableRandom random = new SplittableRandom(42);

    @Test
    void churn_makeUseDestroy_liveKeysDirectMemoryAndHeapReturnToBaseline() throws Exception {
        churn(WARM_UP); // fills the arena's slots, loads and compiles the code
        SessionKeysMXBean mbean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        long directBefore = direct();
        long heapBefore = heapAfterGc();
        Counts before = Counts.of(mbean);
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

        churn(CYCLES);

        Counts after = Counts.of(mbean);
        long directAfter = direct();
        long heapAfter = heapAfterGc();
        // Exactly: seven keys per five cycles (the wrap cycle makes three), each destroyed
        // explicitly, one wrapped export per five cycles, nothing refused.
        assertEquals(KEYS_PER_FIVE_CYCLES * CYCLES / 5, after.created - before.created, "keys created by the churn");
        assertEquals(KEYS_PER_FIVE_CYCLES * CYCLES / 5, after.explicit - before.explicit, "keys destroyed by the churn");
        assertEquals(CYCLES / 5, after.exported - before.exported, "keys exported by the churn");
        assertEquals(0, after.refused - before.refused, "operations refused during the churn");
        // Earlier tests' unreachable or expiring keys may be destroyed by the cleaner or the timer
        // meanwhile, so live keys may fall by exactly that many, and must not otherwise change:
        // a churn key left in the live set shows here even when others' keys leave it.
        assertEquals(before.live - (after.background - before.background), after.live,
                "live keys " + before.live + " -> " + after.live + ", background destructions "
                        + (after.background - before.background));
        assertTrue(directAfter - directBefore <= DIRECT_BOUND, "direct memory " + directBefore + " -> " + directAfter);
        assertTrue(heapAfter - heapBefore <= HEAP_BOUND, "heap after GC " + heapBefore + " -> " + heapAfter);
        // Seen from outside, the timer is one daemon thread, however many lifetimes were scheduled.
        long timers = Thread.getAllStackTraces().keySet().stream()
                .filter(th -> th.getName().startsWith("sessionkeys-expiry")).count();
        assertTrue(timers <= 1, timers + " expiry threads");
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        assertTrue(threadsAfter <= threadsBefore + 2, "threads " + threadsBefore + " -> " + threadsAfter);
    }

    private void churn(int cycles) throws Exception {
        KeyGenerator aes = KeyGenerator.getInstance("AES", provider);
        KeyGenerator hmac = KeyGenerator.getInstance("HmacSHA256", provider);
        SecretKeyFactory chacha = SecretKeyFactory.getInstance("ChaCha20", provider);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", provider);
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding", provider);
        Cipher poly = Cipher.getInstance("ChaCha20-Poly1305", provider);
        Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding", provider);
        Mac mac = Mac.getInstance("HmacSHA256", provider);
        KeyPolicy lifetime = KeyPolicy.builder().lifetime(Duration.ofHours(1)).build();
        byte[] raw = new byte[32];
        byte[] message = new byte[64];
        for (int i = 0; i < cycles; i++) {
            switch (i % 5) {
                case 0: { // generated, provider nonce (per-key nonce ledger)
                    aes.init(256);
                    SecretKey k = aes.generateKey();
                    gcm.init(Cipher.ENCRYPT_MODE, k);
                    gcm.doFinal(message);
                    ((SessionKey) k).destroy();
                    break;
                }
                case 1: { // with a lifetime: an expiry task that destroy must cancel
                    aes.init(SessionKeyGenParameterSpec.builder().keySize(128).policy(lifetime).build());
                    SecretKey k = aes.generateKey();
                    ctr.init(Cipher.ENCRYPT_MODE, k);
                    ctr.doFinal(message);
                    ((SessionKey) k).destroy();
                    break;
                }
                case 2: { // imported
                    random.nextBytes(raw);
                    SecretKey k = chacha.generateSecret(SessionKeyImportSpec.builder()
                            .key(new SecretKeySpec(raw, "ChaCha20"))
                            .policy(KeyPolicy.builtInDefaults()).build());
                    poly.init(Cipher.ENCRYPT_MODE, k);
                    poly.doFinal(message);
                    ((SessionKey) k).destroy();
                    break;
                }
                case 3: { // HMAC key schedule
                    SecretKey k = hmac.generateKey();
                    mac.init(k);
                    mac.doFinal(message);
                    ((SessionKey) k).destroy();
                    break;
                }
                default: { // wrapped and unwrapped: two keys
                    aes.init(128);
                    SecretKey kek = aes.generateKey();
                    SecretKey k = aes.generateKey();
                    kwp.init(Cipher.WRAP_MODE, kek);
                    byte[] blob = kwp.wrap(k);
                    kwp.init(Cipher.UNWRAP_MODE, kek);
                    ((SessionKey) kwp.unwrap(blob, "AES", Cipher.SECRET_KEY)).destroy();
                    ((SessionKey) k).destroy();
                    ((SessionKey) kek).destroy();
                    break;
                }
            }
        }
    }

    /** The MBean's counters, read until two readings agree (a background destruction may fall between). */
    private record Counts(long created, long explicit, long background, long exported, long refused, int live) {
        static Counts of(SessionKeysMXBean mbean) {
            Counts last = read(mbean);
            while (true) {
                Counts again = read(mbean);
                if (again.equals(last)) {
                    return again;
                }
                last = again;
            }
        }

        private static Counts read(SessionKeysMXBean mbean) {
            Map<String, Long> destroyed = mbean.getDestroyedKeysByReason();
            long background = destroyed.entrySet().stream().filter(e -> !e.getKey().equals("EXPLICIT"))
                    .mapToLong(Map.Entry::getValue).sum();
            return new Counts(mbean.getCreatedKeys(), destroyed.get("EXPLICIT"), background, mbean.getExportedKeys(),
                    mbean.getRefusedOperations(), mbean.getLiveKeys());
        }
    }

    private static long direct() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed)
                .sum();
    }

    /** Heap in use after collections have settled (the lowest of a few rounds). */
    private static long heapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}

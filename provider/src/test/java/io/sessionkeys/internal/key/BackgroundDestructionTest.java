package io.sessionkeys.internal.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Destruction that nobody asks for: the expiry timer and the cleaner. These wait for the JVM's
 * background threads, with generous bounds; they assert what happened, never how fast. Keys have
 * non-zero bytes, read back before destruction, so "all zero" afterwards is a change the
 * destruction made.
 */
class BackgroundDestructionTest {

    private static final long PATIENCE_MILLIS = 10_000;

    /** 16 key bytes, none of them zero. */
    static byte[] nonZeroKey() {
        byte[] k = new byte[16];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (0xA1 + 7 * i);
        }
        return k;
    }

    /** A precomputation that copies the key, so its buffer holds key bytes until zeroized. */
    static final Precomputation COPY = new Precomputation() {
        @Override
        public String name() {
            return "copy";
        }

        @Override
        public int size(int rawKeyLength) {
            return rawKeyLength;
        }

        @Override
        public void compute(ByteBuffer rawKey, ByteBuffer out) {
            out.put(0, rawKey, 0, rawKey.limit());
        }
    };

    /** Whether the whole buffer, to its capacity, is zero. */
    static boolean allZero(ByteBuffer b) {
        for (int i = 0; i < b.capacity(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] contents(ByteBuffer b) {
        byte[] out = new byte[b.limit()];
        b.get(0, out);
        return out;
    }

    @Test
    void expiryTimer_untouchedKey_isZeroizedWithoutAnyoneUsingIt() throws Exception {
        ManagedSessionKey k = ManagedSessionKey.create("AES", 128, nonZeroKey(), 0, 16,
                KeyPolicy.builder().lifetime(Duration.ofMillis(200)).build(), null, Clock.systemUTC());
        KeyCore core = k.core();
        ByteBuffer precomputed = k.withMaterial(KeyUse.PROCESS, COPY, b -> b);
        assertArrayEquals(nonZeroKey(), k.withMaterial(KeyUse.PROCESS, null, BackgroundDestructionTest::contents));
        assertArrayEquals(nonZeroKey(), contents(precomputed));
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        // Look only at the core: asking the handle would apply the expiry itself.
        while (core.destroyReason() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(DestroyReason.EXPIRED, core.destroyReason());
        assertTrue(core.material().rawIsAllZero(), "raw key bytes left after expiry");
        assertTrue(allZero(precomputed), "precomputation left after expiry");
    }

    @Test
    void cleaner_unreachableKey_isZeroizedAsUnreachable() throws Exception {
        ByteBuffer[] precomputed = new ByteBuffer[1];
        KeyCore core = createUseAndDrop(precomputed);
        assertFalse(core.material().rawIsAllZero());
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (core.destroyReason() == null && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(DestroyReason.UNREACHABLE, core.destroyReason());
        assertTrue(core.material().rawIsAllZero(), "raw key bytes left after cleaning");
        assertTrue(allZero(precomputed[0]), "precomputation left after cleaning");
    }

    private static KeyCore createUseAndDrop(ByteBuffer[] precomputed) {
        ManagedSessionKey k = ManagedSessionKey.create("AES", 128, nonZeroKey(), 0, 16, KeyPolicy.builtInDefaults(),
                null, Clock.systemUTC());
        precomputed[0] = k.withMaterial(KeyUse.PROCESS, COPY, b -> b);
        assertArrayEquals(nonZeroKey(), contents(precomputed[0]));
        return k.core();
    }

    @Test
    void destroy_cancelsTheExpiryTaskAndLeavesTheLiveSet() throws Exception {
        ManagedSessionKey k = ManagedSessionKey.create("AES", 128, nonZeroKey(), 0, 16,
                KeyPolicy.builder().lifetime(Duration.ofDays(1)).build(), null, Clock.systemUTC());
        Future<?> task = expiryTask(k.core());
        assertNotNull(task, "no expiry task scheduled for a key with a lifetime");
        assertFalse(task.isDone());
        assertTrue(LiveKeys.contains(k.core()), "new key not in the live set");
        k.destroy();
        assertTrue(task.isCancelled(), "expiry task not cancelled");
        assertFalse(LiveKeys.contains(k.core()), "destroyed key still in the live set");
        assertTrue(k.core().material().rawIsAllZero());
    }

    /**
     * The key's own expiry task. Read reflectively rather than through a test-only accessor in
     * the provider; a renamed field fails here loudly (NoSuchFieldException), never silently.
     */
    private static Future<?> expiryTask(KeyCore core) throws Exception {
        Field f = KeyCore.class.getDeclaredField("expiryTask");
        f.setAccessible(true);
        return (Future<?>) f.get(core);
    }
}

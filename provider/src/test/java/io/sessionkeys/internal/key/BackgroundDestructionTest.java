package io.sessionkeys.internal.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Destruction that nobody asks for: the expiry timer and the cleaner. These wait for the JVM's
 * background threads, with generous bounds; they assert what happened, never how fast.
 */
class BackgroundDestructionTest {

    private static final long PATIENCE_MILLIS = 10_000;

    @Test
    void expiryTimer_untouchedKey_isZeroizedWithoutAnyoneUsingIt() throws Exception {
        ManagedSessionKey k = ManagedSessionKey.create("AES", 128, new byte[16], 0, 16,
                KeyPolicy.builder().lifetime(Duration.ofMillis(50)).build(), null, Clock.systemUTC());
        KeyCore core = k.core();
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        // Look only at the core: asking the handle would apply the expiry itself.
        while (core.destroyReason() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(DestroyReason.EXPIRED, core.destroyReason());
        assertTrue(core.material().rawIsAllZero());
    }

    @Test
    void cleaner_unreachableKey_isZeroizedAsUnreachable() throws Exception {
        KeyCore core = createAndDrop();
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (core.destroyReason() == null && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(DestroyReason.UNREACHABLE, core.destroyReason());
        assertTrue(core.material().rawIsAllZero());
    }

    private static KeyCore createAndDrop() {
        return ManagedSessionKey.create("AES", 128, new byte[16], 0, 16, KeyPolicy.builtInDefaults(), null,
                Clock.systemUTC()).core();
    }

    @Test
    void destroy_cancelsTheExpiryTaskAndLeavesTheLiveSet() {
        int liveBefore = LiveKeys.count();
        ManagedSessionKey k = ManagedSessionKey.create("AES", 128, new byte[16], 0, 16,
                KeyPolicy.builder().lifetime(Duration.ofDays(1)).build(), null, Clock.systemUTC());
        int pendingWithKey = ExpiryTimer.pending();
        assertTrue(LiveKeys.count() >= liveBefore + 1 || LiveKeys.count() >= 1);
        k.destroy();
        assertTrue(ExpiryTimer.pending() < pendingWithKey, "expiry task not removed");
        assertTrue(!LiveKeys.contains(k.core()), "destroyed key still in the live set");
    }
}

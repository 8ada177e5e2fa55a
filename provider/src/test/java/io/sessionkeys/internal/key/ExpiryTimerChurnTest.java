package io.sessionkeys.internal.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Keys with lifetimes that end early (destroyed, expired as seen through a clock, closed with their
 * scope) must not leave their expiry tasks queued: the timer's queue returns to where it was.
 */
class ExpiryTimerChurnTest {

    /** 3,000 keys per way of ending early: enough that a leak of even one task in ten shows. */
    private static final int KEYS_PER_WAY = 3_000;

    private static ManagedSessionKey key(SteppingClock clock, KeyScope scope) {
        return ManagedSessionKey.create("AES", 128, new byte[16], 0, 16,
                KeyPolicy.builder().lifetime(Duration.ofDays(1)).build(), scope, clock);
    }

    @Test
    void churn_keysWithLifetimesEndingEarly_leaveNoExpiryTasks() {
        int before = ExpiryTimer.pending();
        int liveBefore = LiveKeys.count();
        SteppingClock clock = new SteppingClock();
        for (int i = 0; i < KEYS_PER_WAY; i++) {
            key(clock, null).destroy();
        }
        assertTrue(ExpiryTimer.pending() <= before, "destroyed keys left tasks: " + ExpiryTimer.pending());

        ManagedSessionKey[] expiring = new ManagedSessionKey[KEYS_PER_WAY];
        for (int i = 0; i < KEYS_PER_WAY; i++) {
            expiring[i] = key(clock, null);
        }
        assertTrue(ExpiryTimer.pending() >= before + KEYS_PER_WAY, "the timer did not see the lifetimes");
        clock.advance(Duration.ofDays(2));
        for (ManagedSessionKey k : expiring) {
            k.state(); // applies the expiry, as any use would
            assertEquals(Optional.of(DestroyReason.EXPIRED), k.destroyReason());
        }
        assertTrue(ExpiryTimer.pending() <= before, "expired keys left tasks: " + ExpiryTimer.pending());

        try (KeyScope scope = KeyScope.open()) {
            for (int i = 0; i < KEYS_PER_WAY; i++) {
                key(clock, scope);
            }
        }
        assertTrue(ExpiryTimer.pending() <= before, "keys closed with their scope left tasks: " + ExpiryTimer.pending());
        assertTrue(LiveKeys.count() <= liveBefore, "keys still live: " + LiveKeys.count() + " > " + liveBefore);
    }
}

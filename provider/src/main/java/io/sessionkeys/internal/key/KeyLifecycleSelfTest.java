package io.sessionkeys.internal.key;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.service.KnownAnswerTest;
import java.time.Clock;
import java.util.List;

/**
 * Known-answer test of the key itself: material written off the heap reads back unchanged
 * through the gate, and after destruction it is zero and the gate refuses to read it.
 */
public final class KeyLifecycleSelfTest {

    private KeyLifecycleSelfTest() {
    }

    public static List<KnownAnswerTest> tests() {
        return List.of(KnownAnswerTest.of("session key: write, read through the gate, zeroize", KeyLifecycleSelfTest::roundTrip));
    }

    private static void roundTrip() {
        byte[] pattern = new byte[32];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (0xA5 ^ i);
        }
        byte[] source = pattern.clone();
        ManagedSessionKey key = ManagedSessionKey.create("AES", 256, source, 0, source.length,
                KeyPolicy.builtInDefaults(), null, Clock.systemUTC());
        Zeroing.wipe(source);
        byte[] read = key.withMaterial(KeyUse.PROCESS, null, m -> {
            byte[] out = new byte[m.limit()];
            m.get(0, out);
            return out;
        });
        KnownAnswerTest.expectEqual(pattern, read, "material read back");
        Zeroing.wipe(read);
        KeyMaterial material = key.core().material();
        key.destroy(DestroyReason.EXPLICIT);
        if (!material.isZeroized() || !material.rawIsAllZero()) {
            throw new AssertionError("material not zero after destroy()");
        }
        try {
            key.withMaterial(KeyUse.PROCESS, null, m -> m.get(0));
            throw new AssertionError("a destroyed key was read");
        } catch (IllegalStateException expected) {
            // the gate refused
        }
    }
}

package io.sessionkeys.internal.key;

import io.sessionkeys.DestroyReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** JVM-wide counters of key lifecycle events, for the self-test report and monitoring. */
public final class KeyStatistics {

    private static final LongAdder CREATED = new LongAdder();
    private static final LongAdder EXPORTED = new LongAdder();
    private static final Map<DestroyReason, LongAdder> DESTROYED = new EnumMap<>(DestroyReason.class);

    static {
        for (DestroyReason r : DestroyReason.values()) {
            DESTROYED.put(r, new LongAdder());
        }
    }

    private KeyStatistics() {
    }

    static void created() {
        CREATED.increment();
    }

    static void destroyed(DestroyReason reason) {
        DESTROYED.get(reason).increment();
    }

    static void exported() {
        EXPORTED.increment();
    }

    public static long createdCount() {
        return CREATED.sum();
    }

    public static long exportedCount() {
        return EXPORTED.sum();
    }

    public static long destroyedCount(DestroyReason reason) {
        return DESTROYED.get(reason).sum();
    }

    /** Keys made and not yet destroyed, in this JVM. */
    public static int liveCount() {
        return LiveKeys.count();
    }
}

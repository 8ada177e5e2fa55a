package io.sessionkeys.internal.key;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.SessionKeysMXBean;
import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.ObjectName;
import java.util.concurrent.atomic.LongAdder;

/**
 * JVM-wide counters of key lifecycle events, published through {@link SessionKeysMXBean} on the
 * platform MBean server (registered when the first key is made).
 */
public final class KeyStatistics implements SessionKeysMXBean {

    private static final System.Logger LOG = System.getLogger("io.sessionkeys");
    private static final LongAdder CREATED = new LongAdder();
    private static final LongAdder EXPORTED = new LongAdder();
    private static final LongAdder PLAINTEXT_READS = new LongAdder();
    private static final LongAdder REFUSED = new LongAdder();
    private static volatile boolean registered;
    private static final Map<DestroyReason, LongAdder> DESTROYED = new EnumMap<>(DestroyReason.class);

    static {
        for (DestroyReason r : DestroyReason.values()) {
            DESTROYED.put(r, new LongAdder());
        }
    }

    static void created() {
        if (!registered) {
            register();
        }
        CREATED.increment();
    }

    private static volatile Map<String, String> engines = Map.of();

    /**
     * Records which engine runs each algorithm and why (the engine selection calls it); the
     * latest selection in this JVM is what the MBean shows.
     */
    public static void recordEngines(Map<String, String> byAlgorithm) {
        engines = Map.copyOf(byAlgorithm);
    }

    @Override
    public Map<String, String> getMemory() {
        return ArenaMemory.report();
    }

    @Override
    public String getMemoryTier() {
        return ArenaMemory.strongest().label();
    }

    @Override
    public Map<String, String> getEngines() {
        return new TreeMap<>(engines);
    }

    static void refused() {
        REFUSED.increment();
    }

    private static synchronized void register() {
        if (registered) {
            return;
        }
        registered = true;
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new KeyStatistics(),
                    new ObjectName(SessionKeysMXBean.OBJECT_NAME));
        } catch (JMException | RuntimeException e) {
            // Monitoring is optional: a missing or locked-down MBean server must not stop keys.
            LOG.log(System.Logger.Level.DEBUG, "SessionKeys MBean not registered: " + e);
        }
    }

    static void destroyed(DestroyReason reason) {
        DESTROYED.get(reason).increment();
    }

    static void exported() {
        EXPORTED.increment();
    }

    static void plaintextRead() {
        PLAINTEXT_READS.increment();
    }

    public static long plaintextReadCount() {
        return PLAINTEXT_READS.sum();
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

    public static long refusedCount() {
        return REFUSED.sum();
    }

    private KeyStatistics() {
    }

    @Override
    public int getLiveKeys() {
        return liveCount();
    }

    @Override
    public Map<String, Integer> getLiveKeysByAlgorithm() {
        return LiveKeys.countByAlgorithm();
    }

    @Override
    public long getCreatedKeys() {
        return createdCount();
    }

    @Override
    public Map<String, Long> getDestroyedKeysByReason() {
        Map<String, Long> byReason = new TreeMap<>();
        DESTROYED.forEach((reason, count) -> byReason.put(reason.name(), count.sum()));
        return byReason;
    }

    @Override
    public long getExportedKeys() {
        return exportedCount();
    }

    @Override
    public long getPlaintextReads() {
        return plaintextReadCount();
    }

    @Override
    public long getRefusedOperations() {
        return refusedCount();
    }
}

package io.sessionkeys.internal.key;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Destroys keys when their lifetime runs out, even if nobody touches them again: one daemon
 * thread for the whole JVM, started when the first key with a lifetime is made.
 *
 * <p>Lateness: the thread wakes at the deadline as scheduled by {@link ScheduledThreadPoolExecutor},
 * so a key is zeroized within a few milliseconds of its deadline on an idle machine; a stop-the-
 * world pause or a starved CPU can delay it by that long. Every use also checks the deadline
 * itself, so a late timer never lets an expired key be used, it only delays the zeroizing of a
 * key nobody uses. The task holds the key's core, not its handle, so a scheduled key can still
 * become unreachable and be cleaned earlier; destruction cancels the task.
 */
final class ExpiryTimer {

    private ExpiryTimer() {
    }

    private static final class Holder {
        static final ScheduledThreadPoolExecutor EXECUTOR = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread t = new Thread(runnable, "sessionkeys-expiry");
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            return executor;
        }
    }

    /** Schedules {@code core} for destruction in {@code delayMillis} (by wall time). */
    static Future<?> schedule(KeyCore core, long delayMillis) {
        return Holder.EXECUTOR.schedule(() -> core.expireIfDue(), Math.max(0, delayMillis),
                TimeUnit.MILLISECONDS);
    }

    /** Tasks waiting, for leak tests. */
    static int pending() {
        return Holder.EXECUTOR.getQueue().size();
    }
}

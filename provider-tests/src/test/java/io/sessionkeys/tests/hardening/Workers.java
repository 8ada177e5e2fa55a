package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs workers on their own threads with a deadline: a deadlock fails the test instead of hanging it. */
final class Workers {

    /** The work of one thread; {@code index} tells the threads apart. */
    interface Work {
        void run(int index) throws Exception;
    }

    private Workers() {
    }

    /**
     * Runs {@code threads} copies of {@code work} and, on the calling thread, {@code meanwhile};
     * fails if they are not all done within {@code seconds}, and rethrows the first failure.
     */
    static void run(int threads, Work work, Work meanwhile, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int index = t;
                jobs.add(pool.submit(() -> {
                    work.run(index);
                    return null;
                }));
            }
            meanwhile.run(-1);
        } finally {
            pool.shutdown();
            boolean done = pool.awaitTermination(seconds, TimeUnit.SECONDS);
            if (!done) {
                pool.shutdownNow();
            }
            assertTrue(done, "workers still running after " + seconds + " s: a deadlock or a livelock");
        }
        for (Future<?> job : jobs) {
            try {
                job.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception) {
                    throw (Exception) e.getCause();
                }
                throw new AssertionError(e.getCause());
            }
        }
    }

    /** Waits (bounded) until {@code condition} holds, polling every millisecond. */
    static void awaitUntil(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(1);
        }
    }
}

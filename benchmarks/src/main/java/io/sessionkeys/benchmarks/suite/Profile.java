package io.sessionkeys.benchmarks.suite;

import java.util.List;
import java.util.Locale;

/**
 * How long and how often each benchmark runs. Every profile runs every benchmark and provider;
 * they differ in time spent, and smoke also trims message sizes to one.
 */
public enum Profile {
    /** For CI: proves that every benchmark builds, starts in its own JVM and runs. Numbers mean nothing. */
    SMOKE(1, 0, 0, 100, 1, 100, List.of("1024")),
    /**
     * About 7-8 minutes on 2 quiet cores once every SessionKeys service exists (about 200 forks):
     * the table and chart for a quick comparison. Error bars are wide; publish from FULL.
     */
    SHORT(1, 1, 3, 600, 2, 300, List.of("64", "1024", "16384", "1048576")),
    /**
     * For publishing: two forks per cell, real warm-up, tighter error bars. About an hour (two forks
     * of each of about 200 cells).
     */
    FULL(2, 3, 3, 1000, 5, 1000, List.of("64", "1024", "16384", "1048576")),
    /**
     * For the README's tables ({@code publish.sh}, a subset chosen with {@code --include}): one
     * fork per cell, but a warm-up long enough for the JDK's intrinsics (5 x 1 s; 10 x 1 s for 1 MiB
     * messages, where 5 left SunJCE's GCM still compiling) and 4 x 1 s measured, so that the rows
     * that matter fit in about twelve minutes per JDK. The report marks any cell still speeding up.
     */
    PUBLISH(1, 5, 10, 1000, 4, 1000, List.of("64", "1024", "16384", "1048576"));

    private static final int LARGE_MESSAGE_BYTES = 1 << 20;

    final int forks;
    final int warmupIterations;
    /**
     * Warm-up iterations for 1 MiB messages: a short iteration holds only a few such operations,
     * too few for the JIT to finish with a pure-Java provider's loops.
     */
    final int largeMessageWarmupIterations;
    final int warmupMillis;
    final int measurementIterations;
    final int measurementMillis;
    final List<String> aeadSizes;

    Profile(int forks, int warmupIterations, int largeMessageWarmupIterations, int warmupMillis,
            int measurementIterations, int measurementMillis, List<String> aeadSizes) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.largeMessageWarmupIterations = largeMessageWarmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.aeadSizes = aeadSizes;
    }

    static Profile byName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown profile '" + name + "': expected smoke, short, full or publish");
        }
    }

    /** Measured plus warm-up seconds per fork, for the time estimate printed before a run. */
    double secondsPerFork(int warmups) {
        return (warmups * warmupMillis + measurementIterations * measurementMillis) / 1000.0;
    }

    /** Warm-up iterations for a row with messages of {@code size} bytes (0: no message). */
    int warmupIterations(int size) {
        return size >= LARGE_MESSAGE_BYTES ? largeMessageWarmupIterations : warmupIterations;
    }

    @Override
    public String toString() {
        String warmup = largeMessageWarmupIterations == warmupIterations ? "" + warmupIterations
                : warmupIterations + " (1 MiB messages: " + largeMessageWarmupIterations + ")";
        return name().toLowerCase(Locale.ROOT) + " (" + forks + " fork(s); warm-up " + warmup + " x "
                + warmupMillis + " ms; measurement " + measurementIterations + " x " + measurementMillis + " ms)";
    }
}

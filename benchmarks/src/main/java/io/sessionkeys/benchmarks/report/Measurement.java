package io.sessionkeys.benchmarks.report;

import java.util.Map;

/**
 * One JMH result: a benchmark, its parameters, the throughput and, from the GC profiler, the
 * bytes allocated per operation.
 *
 * @param benchmark the fully qualified benchmark name (class.method)
 * @param params every JMH parameter, provider included
 * @param score operations per second
 * @param error the 99.9% confidence half-width, or NaN when JMH had too few iterations
 * @param allocatedBytesPerOp gc.alloc.rate.norm, or NaN when the profiler did not run
 * @param lateSpeedup how much faster the last third of the measurement iterations ran than the
 *     first third, averaged over forks (1.0: as fast; NaN: fewer than three iterations per fork)
 */
record Measurement(String benchmark, Map<String, String> params, double score, double error,
        double allocatedBytesPerOp, double lateSpeedup) {

    /**
     * Last iterations this much faster than the first mean the JIT was still compiling (the JDK's
     * intrinsics take seconds): the score then understates the provider's warm speed.
     */
    static final double NOT_WARM_SPEEDUP = 1.15;

    String provider() {
        return params.get("provider");
    }

    /** The message size in bytes, or 0 for benchmarks without one. */
    int size() {
        String size = params.get("size");
        return size == null ? 0 : Integer.parseInt(size);
    }

    /** Throughput in MiB/s for sized benchmarks, operations per second otherwise. */
    double displayScore() {
        return size() == 0 ? score : score * size() / (1024.0 * 1024.0);
    }

    /** Whether the run ended before the provider was warm (see {@link #NOT_WARM_SPEEDUP}). */
    boolean notWarm() {
        return lateSpeedup > NOT_WARM_SPEEDUP;
    }

    double relativeError() {
        return score == 0 || Double.isNaN(error) ? Double.NaN : error / score;
    }
}

package io.sessionkeys.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.ThroughputResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;
import org.junit.jupiter.api.Test;

/** Rounds of one fork per provider must come back as one result per provider over all its forks. */
class ForkRoundsTest {

    @Test
    void eachRoundStartsWithTheNextProvider() {
        List<String> providers = List.of("SessionKeys", "SunJCE", "ACCP");
        assertEquals(providers, ForkRounds.order(providers, 0));
        assertEquals(List.of("SunJCE", "ACCP", "SessionKeys"), ForkRounds.order(providers, 1));
        assertEquals(List.of("ACCP", "SessionKeys", "SunJCE"), ForkRounds.order(providers, 2));
        assertEquals(providers, ForkRounds.order(providers, 3));
    }

    @Test
    void mergedResultsKeepEveryForkOfEveryProvider() {
        ForkRounds rounds = new ForkRounds();
        rounds.add(List.of(fork("SessionKeys", 100), fork("SunJCE", 10)));
        rounds.add(List.of(fork("SunJCE", 30), fork("SessionKeys", 300)));

        Map<String, RunResult> merged = rounds.merged().stream()
                .collect(Collectors.toMap(r -> r.getParams().getParam("provider"), r -> r));
        assertEquals(2, merged.size());
        assertEquals(2, merged.get("SessionKeys").getParams().getForks());
        assertEquals(2, merged.get("SessionKeys").getBenchmarkResults().size());
        assertEquals(200, merged.get("SessionKeys").getPrimaryResult().getScore(), 1e-9);
        assertEquals(20, merged.get("SunJCE").getPrimaryResult().getScore(), 1e-9);
        assertEquals("some.Benchmark.method", merged.get("SunJCE").getParams().getBenchmark());
    }

    /** One fork's result: one measured iteration at the given throughput. */
    private static RunResult fork(String provider, double opsPerSecond) {
        WorkloadParams workload = new WorkloadParams();
        workload.put("provider", provider, 0);
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 1, TimeValue.seconds(1), 1);
        IterationParams measurement = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.seconds(1), 1);
        BenchmarkParams params = new BenchmarkParams("some.Benchmark.method", "some.Benchmark_method_jmhTest",
                false, 1, new int[] {1}, List.of(), 1, 0, warmup, measurement, Mode.Throughput, workload,
                TimeUnit.SECONDS, 1, "java", List.of(), "17", "VM", "1", "1.37", TimeValue.minutes(1));
        IterationResult iteration = new IterationResult(params, measurement, null);
        iteration.addResult(new ThroughputResult(ResultRole.PRIMARY, "method", opsPerSecond, 1_000_000_000L,
                TimeUnit.SECONDS));
        return new RunResult(params, List.of(new BenchmarkResult(params, List.of(iteration))));
    }
}

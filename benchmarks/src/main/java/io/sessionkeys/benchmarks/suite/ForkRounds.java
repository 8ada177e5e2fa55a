package io.sessionkeys.benchmarks.suite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.WorkloadParams;

/**
 * A row's forks taken in rounds, one fork per provider per round, and put back together as one
 * result per provider, as if JMH had run them all at once.
 *
 * <p>Why rounds: JMH runs all forks of one provider before the next provider's. This VM changes
 * speed for minutes at a time (docs/benchmarks.md, "Two speed levels"): SunJCE's key life ran at
 * 1.0M ops/s in one fork and 0.75M in the next, both warm. With the forks in one block per
 * provider, such a change lands on one provider and reads as a difference between providers; in
 * rounds it falls on every provider's forks alike.
 */
final class ForkRounds {

    private final Map<String, BenchmarkParams> firstParams = new LinkedHashMap<>();
    private final Map<String, List<BenchmarkResult>> forks = new LinkedHashMap<>();

    /** The providers in the order a round runs them: rotated each round, so none is always first. */
    static List<String> order(List<String> providers, int round) {
        List<String> rotated = new ArrayList<>(providers.size());
        for (int i = 0; i < providers.size(); i++) {
            rotated.add(providers.get((round + i) % providers.size()));
        }
        return rotated;
    }

    /** Adds one round's results (one fork per provider). */
    void add(Collection<RunResult> round) {
        for (RunResult r : round) {
            String provider = r.getParams().getParam("provider");
            firstParams.putIfAbsent(provider, r.getParams());
            forks.computeIfAbsent(provider, p -> new ArrayList<>()).addAll(r.getBenchmarkResults());
        }
    }

    /** One result per provider measured, over all its forks, its parameters saying how many. */
    List<RunResult> merged() {
        List<RunResult> merged = new ArrayList<>();
        forks.forEach((provider, results) ->
                merged.add(new RunResult(withForks(firstParams.get(provider), results.size()), results)));
        return merged;
    }

    private static BenchmarkParams withForks(BenchmarkParams p, int forks) {
        WorkloadParams workload = new WorkloadParams();
        int order = 0;
        for (String key : p.getParamsKeys()) {
            workload.put(key, p.getParam(key), order++);
        }
        return new BenchmarkParams(p.getBenchmark(), p.generatedBenchmark(), p.shouldSynchIterations(),
                p.getThreads(), p.getThreadGroups(), p.getThreadGroupLabels(), forks, p.getWarmupForks(),
                p.getWarmup(), p.getMeasurement(), p.getMode(), workload, p.getTimeUnit(), p.getOpsPerInvocation(),
                p.getJvm(), p.getJvmArgs(), p.getJdkVersion(), p.getVmName(), p.getVmVersion(), p.getJmhVersion(),
                p.getTimeout());
    }
}

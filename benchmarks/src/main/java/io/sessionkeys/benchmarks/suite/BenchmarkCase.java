package io.sessionkeys.benchmarks.suite;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of the table: a benchmark method with its parameters fixed, except the provider.
 *
 * @param benchmark the fully qualified JMH benchmark name (class.method)
 * @param params the non-provider parameters, in a stable order
 * @param intrinsicsMatter whether SunJCE's AES/GHASH/ChaCha20/Poly1305 intrinsics can change the
 *        result, so that a SunJCE-nointrinsics fork is worth running
 * @param probe opens the benchmark's fixture in this JVM to learn what each provider offers
 * @param forksAtLeast the fewest forks a measuring profile gives this row: 1, or more for a row whose
 *        result moves from one JVM to the next more than within one (so that one fork per provider
 *        would compare two draws rather than two providers)
 * @param warmupsAtLeast the fewest warm-up iterations a measuring profile gives this row: 0, or
 *        more for a row whose code the JIT takes longer than the profile's warm-up to compile
 */
record BenchmarkCase(String benchmark, Map<String, String> params, boolean intrinsicsMatter, Probe probe,
        int forksAtLeast, int warmupsAtLeast) {

    BenchmarkCase(String benchmark, Map<String, String> params, boolean intrinsicsMatter, Probe probe) {
        this(benchmark, params, intrinsicsMatter, probe, 1, 0);
    }

    /** The message size in bytes, or 0 for rows without messages. */
    int size() {
        String size = params.get("size");
        return size == null ? 0 : Integer.parseInt(size);
    }

    /** The parameters as the report keys rows: {@code name=value} pairs, comma separated, by name. */
    String paramsKey() {
        return paramsKey(params);
    }

    static String paramsKey(Map<String, String> params) {
        return params.entrySet().stream()
                .filter(e -> !e.getKey().equals("provider"))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        return params.isEmpty() ? shortName : shortName + " " + paramsKey();
    }
}

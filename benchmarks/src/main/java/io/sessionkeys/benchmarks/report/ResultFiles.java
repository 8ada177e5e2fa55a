package io.sessionkeys.benchmarks.report;

import io.sessionkeys.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Reads what the suite wrote: the JMH JSON, the availability file and the environment. */
final class ResultFiles {

    private ResultFiles() {
    }

    @SuppressWarnings("unchecked")
    static List<Measurement> measurements(Path dir) throws IOException {
        Path file = dir.resolve("jmh-result.json");
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        List<Measurement> measurements = new ArrayList<>();
        if (text.isEmpty()) {
            return measurements;
        }
        for (Object entry : (List<Object>) Json.parse(text)) {
            Map<String, Object> result = (Map<String, Object>) entry;
            Map<String, String> params = new LinkedHashMap<>();
            Object rawParams = result.get("params");
            if (rawParams != null) {
                ((Map<String, Object>) rawParams).forEach((k, v) -> params.put(k, String.valueOf(v)));
            }
            Map<String, Object> primary = (Map<String, Object>) result.get("primaryMetric");
            double allocation = Double.NaN;
            Object secondary = result.get("secondaryMetrics");
            if (secondary != null) {
                for (Map.Entry<String, Object> metric : ((Map<String, Object>) secondary).entrySet()) {
                    // JMH before 1.37 prefixed secondary metrics with a middle dot.
                    if (metric.getKey().replace("\u00b7", "").equals("gc.alloc.rate.norm")) {
                        allocation = number(((Map<String, Object>) metric.getValue()).get("score"));
                    }
                }
            }
            boolean timePerOperation = String.valueOf(primary.get("scoreUnit")).contains("/op");
            measurements.add(new Measurement((String) result.get("benchmark"), params,
                    number(primary.get("score")), number(primary.get("scoreError")), allocation,
                    lateSpeedup((List<Object>) primary.get("rawData"), timePerOperation)));
        }
        return measurements;
    }

    /**
     * The mean of each fork's last third of iterations divided by the mean of its first third
     * (inverted for time-per-operation scores, so above 1 always means "got faster"), averaged
     * over forks; NaN without at least three iterations in a fork.
     */
    @SuppressWarnings("unchecked")
    static double lateSpeedup(List<Object> rawData, boolean timePerOperation) {
        if (rawData == null) {
            return Double.NaN;
        }
        double sum = 0;
        int forks = 0;
        for (Object fork : rawData) {
            List<Object> iterations = (List<Object>) fork;
            int third = iterations.size() / 3;
            if (third == 0) {
                continue;
            }
            double first = mean(iterations.subList(0, third));
            double last = mean(iterations.subList(iterations.size() - third, iterations.size()));
            sum += timePerOperation ? first / last : last / first;
            forks++;
        }
        return forks == 0 ? Double.NaN : sum / forks;
    }

    private static double mean(List<Object> values) {
        double sum = 0;
        for (Object v : values) {
            sum += number(v);
        }
        return sum / values.size();
    }

    /** One availability line: benchmark, params key, provider, status, detail. */
    record Cell(String benchmark, String paramsKey, String provider, String status, String detail) {
    }

    static List<Cell> availability(Path dir) throws IOException {
        List<Cell> cells = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("availability.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length >= 5) {
                cells.add(new Cell(f[0], f[1], f[2], f[3], f[4]));
            }
        }
        return cells;
    }

    static Properties environment(Path dir) throws IOException {
        Properties p = new Properties();
        Path file = dir.resolve("environment.properties");
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    /** The params key the suite writes: non-provider parameters as name=value, by name. */
    static String paramsKey(Map<String, String> params) {
        StringBuilder key = new StringBuilder();
        params.entrySet().stream()
                .filter(e -> !e.getKey().equals("provider"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> key.append(key.length() == 0 ? "" : ",").append(e.getKey()).append('=')
                        .append(e.getValue()));
        return key.toString();
    }

    private static double number(Object value) {
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof String) {
            try {
                return Double.parseDouble((String) value); // JMH writes "NaN" as a string
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}

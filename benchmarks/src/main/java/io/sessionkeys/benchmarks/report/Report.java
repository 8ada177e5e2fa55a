package io.sessionkeys.benchmarks.report;

import io.sessionkeys.benchmarks.ProviderUnderTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Writes {@code report.md} from a suite run's files: one table per family of benchmarks, every
 * provider side by side, with SessionKeys' throughput divided by SunJCE's and by the best peer's;
 * the key-life budget; and bytes allocated per operation.
 *
 * <p>Usage: {@code Report DIR} (the directory the suite wrote).
 */
public final class Report {

    private static final String PACKAGE = "io.sessionkeys.benchmarks.";

    /** A family of benchmarks shown as one table. */
    private record Section(String title, String unit, List<String> benchmarks, List<String> keyColumns,
            String explanation) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("AEAD encryption", "MiB/s", List.of("AeadBenchmark.encrypt"),
                    List.of("algorithm", "size"),
                    "Per message: `init` with a fresh IV, then `doFinal`; message size as given."),
            new Section("AEAD decryption (tag verified)", "MiB/s", List.of("AeadBenchmark.decrypt"),
                    List.of("algorithm", "size"), "Per message: `init` with the message's IV, then `doFinal`."),
            new Section("AES-256-GCM between direct ByteBuffers, 16 KiB messages", "MiB/s",
                    List.of("AeadBenchmark.encryptDirect", "AeadBenchmark.decryptDirect"), List.of("algorithm"),
                    "As the AEAD rows, with `doFinal(ByteBuffer, ByteBuffer)` from one direct buffer to another."),
            new Section("AES-CTR, CBC, CFB and OFB, 16 KiB messages (CFB8: 1 KiB)", "MiB/s",
                    List.of("BlockModeBenchmark.encrypt", "BlockModeBenchmark.decrypt"), List.of("algorithm"),
                    "CBC with PKCS5 padding; CFB with 128-bit segments, CFB8 with 8-bit ones. Per message:"
                            + " `init` with a fresh IV, then `doFinal`."),
            new Section("Session key life (AES-256)", "ops/s",
                    List.of("KeyLifeBenchmark.generate", "KeyLifeBenchmark.generateDestroy",
                            "KeyLifeBenchmark.generateEncryptDestroy", "KeyLifeBenchmark.importKey"),
                    List.of(), "`generateEncryptDestroy`: generate, one 1 KiB AES-256-GCM encryption, destroy. "
                            + "`importKey`: `SecretKeyFactory.generateSecret` of raw bytes."),
            new Section("Wrapping and unwrapping an AES-256 key", "ops/s",
                    List.of("WrapBenchmark.wrap", "WrapBenchmark.unwrap"), List.of("algorithm"),
                    "`init` included. RSA-OAEP: 2048-bit key, SHA-256 with MGF1-SHA-256 given explicitly."),
            new Section("HMAC tags", "MiB/s", List.of("HmacBenchmark.tag"), List.of("algorithm", "size"),
                    "Per message: `doFinal` over the whole message, the `Mac` initialized once per iteration."),
            new Section("HKDF-SHA256 (extract and expand to an AES-256 key)", "ops/s",
                    List.of("HkdfBenchmark.derive"), List.of(),
                    "Through `javax.crypto.KDF` (JDK 24 and later) unless a note says otherwise."),
            new Section("TLS 1.3 bulk transfer, the JDK's own TLS", "MiB/s",
                    List.of("TlsBulkBenchmark.transfer"), List.of("suite"),
                    "Two `SSLEngine`s in memory, 1 MiB from client to server per operation, so ops/s = MiB/s."
                            + " `SunJCE`: the JDK's providers alone; `SessionKeys`: the same with SessionKeys"
                            + " first. SessionKeys should not be in this path: SK ÷ SunJCE should be 0.95× or more."));

    private static final String NOT_WARM = String.format(Locale.ROOT, "The last third of this cell's measurement"
            + " iterations ran more than %.2f× as fast as the first third: the JIT was still compiling, so the"
            + " score understates the provider's warm speed. Rerun with a longer warm-up (the full profile) before"
            + " quoting it.", Measurement.NOT_WARM_SPEEDUP);

    private final Map<String, Measurement> measurements = new HashMap<>();
    private final Map<String, Map<String, ResultFiles.Cell>> rows = new LinkedHashMap<>();
    private final Map<String, Integer> notes = new LinkedHashMap<>();
    /** The providers with at least one cell in this run (a run may leave some out), in the suite's order. */
    private final List<String> providers = new ArrayList<>();
    private final StringBuilder md = new StringBuilder();

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Report DIR (a directory written by the suite)");
        }
        Path dir = Paths.get(args[0]);
        String report = new Report(ResultFiles.measurements(dir), ResultFiles.availability(dir))
                .render(ResultFiles.environment(dir));
        Path file = dir.resolve("report.md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println("Wrote " + file);
    }

    private Report(List<Measurement> results, List<ResultFiles.Cell> cells) {
        for (Measurement m : results) {
            measurements.put(key(m.benchmark(), ResultFiles.paramsKey(m.params()), m.provider()), m);
        }
        for (ResultFiles.Cell c : cells) {
            rows.computeIfAbsent(c.benchmark() + "|" + c.paramsKey(), k -> new LinkedHashMap<>()).put(c.provider(), c);
        }
        for (String label : ProviderUnderTest.labels()) {
            if (cells.stream().anyMatch(c -> c.provider().equals(label))) {
                providers.add(label);
            }
        }
    }

    private String render(Properties env) {
        md.append("# SessionKeys benchmarks\n\n");
        md.append("| | |\n|---|---|\n");
        line("Date (UTC)", env.getProperty("date", "?"));
        line("JDK", env.getProperty("jdk.version", "?") + " (" + env.getProperty("jdk.vendor", "?") + ", "
                + env.getProperty("jdk.vm", "?") + ")");
        line("Machine", env.getProperty("cpu", "?") + ", " + env.getProperty("cpus", "?") + " CPUs, "
                + env.getProperty("os", "?"));
        line("Profile", env.getProperty("profile.detail", "?"));
        line("SunJCE-nointrinsics", "SunJCE in forks started with `" + env.getProperty("nointrinsics.flags", "?")
                + "`");
        line("SessionKeys", env.getProperty("sessionkeys.version", "?") + "; engines: "
                + env.getProperty("sessionkeys.engines", "?"));
        md.append("\nThroughput, higher is better. `±` is JMH's 99.9% confidence half-width relative to the score"
                + " (absent with a single iteration). **SK ÷ SunJCE** and **SK ÷ best peer** divide SessionKeys'"
                + " throughput by SunJCE's and by the fastest of SunJCE, BC, ACCP and Conscrypt: above 1×"
                + " SessionKeys is faster. `not provided`: the provider does not offer it (reason in the notes);"
                + " `–`: not run (SunJCE-nointrinsics runs only where intrinsics matter).\n");
        for (Section section : SECTIONS) {
            table(section);
        }
        budget();
        allocations();
        md.append("\n## Notes\n\n");
        notes.forEach((text, n) -> md.append("[").append(n).append("] ").append(text).append("  \n"));
        return md.toString();
    }

    private void table(Section section) {
        List<String> sectionRows = new ArrayList<>();
        for (String row : rows.keySet()) {
            if (section.benchmarks.contains(shortName(row.substring(0, row.indexOf('|'))))) {
                sectionRows.add(row);
            }
        }
        if (sectionRows.isEmpty()) {
            return;
        }
        md.append("\n## ").append(section.title).append(" (").append(section.unit).append(")\n\n")
                .append(section.explanation).append("\n\n|");
        if (section.benchmarks.size() > 1) {
            md.append(" operation |");
        }
        section.keyColumns.forEach(c -> md.append(' ').append(c).append(" |"));
        providers.forEach(p -> md.append(' ').append(p).append(" |"));
        md.append(" SK ÷ SunJCE | SK ÷ best peer |\n|");
        int columns = (section.benchmarks.size() > 1 ? 1 : 0) + section.keyColumns.size() + providers.size() + 2;
        md.append("---|".repeat(columns)).append('\n');
        for (String row : sectionRows) {
            String benchmark = row.substring(0, row.indexOf('|'));
            String paramsKey = row.substring(row.indexOf('|') + 1);
            Map<String, String> params = parseParams(paramsKey);
            md.append('|');
            if (section.benchmarks.size() > 1) {
                md.append(' ').append(method(benchmark)).append(" |");
            }
            for (String column : section.keyColumns) {
                md.append(' ').append(column.equals("size") ? sizeLabel(params.get(column)) : params.get(column))
                        .append(" |");
            }
            for (String provider : providers) {
                md.append(' ').append(cell(rows.get(row).get(provider), benchmark, paramsKey, provider)).append(" |");
            }
            md.append(' ').append(ratios(benchmark, paramsKey)).append(" |\n");
        }
    }

    private String cell(ResultFiles.Cell cell, String benchmark, String paramsKey, String provider) {
        if (cell == null) {
            return "–";
        }
        switch (cell.status()) {
            case "NOT_PROVIDED":
                return "not provided " + note(cell.detail());
            case "ERROR":
                return "**error** " + note(cell.detail());
            default:
                Measurement m = measurements.get(key(benchmark, paramsKey, provider));
                if (m == null) {
                    return "**error** " + note("no result in jmh-result.json");
                }
                String value = number(m.displayScore());
                double relative = m.relativeError();
                if (!Double.isNaN(relative)) {
                    value += String.format(Locale.ROOT, " ±%.0f%%", relative * 100);
                }
                if (m.notWarm()) {
                    value = "**not warm** " + value + " " + note(NOT_WARM);
                }
                return cell.detail().isEmpty() ? value : value + " " + note(cell.detail());
        }
    }

    private String ratios(String benchmark, String paramsKey) {
        Measurement ours = measurements.get(key(benchmark, paramsKey, ProviderUnderTest.SESSIONKEYS.label()));
        Measurement sunJce = measurements.get(key(benchmark, paramsKey, ProviderUnderTest.SUNJCE.label()));
        Measurement best = null;
        for (ProviderUnderTest p : ProviderUnderTest.values()) {
            Measurement m = measurements.get(key(benchmark, paramsKey, p.label()));
            if (p.isPeer() && m != null && (best == null || m.score() > best.score())) {
                best = m;
            }
        }
        String vsSunJce = ours == null || sunJce == null ? "–" : ratio(ours.score() / sunJce.score());
        String vsBest = ours == null || best == null ? "–"
                : ratio(ours.score() / best.score()) + " (" + best.provider() + ")";
        return vsSunJce + " | " + vsBest;
    }

    /** The key-life budget: generating and destroying a session key costs at most twice SunJCE's generateKey(). */
    private void budget() {
        Measurement ours = measurements.get(key(PACKAGE + "KeyLifeBenchmark.generateDestroy", "",
                ProviderUnderTest.SESSIONKEYS.label()));
        Measurement sunJce = measurements.get(key(PACKAGE + "KeyLifeBenchmark.generate", "",
                ProviderUnderTest.SUNJCE.label()));
        if (ours == null && sunJce == null) {
            return;
        }
        md.append("\n## Key-life budget\n\nGenerating and destroying a SessionKeys key must cost at most"
                + " twice SunJCE's `generateKey()` alone, both measured in this run.\n\n");
        if (ours == null || sunJce == null) {
            md.append("Not measured: ").append(ours == null ? "SessionKeys generate + destroy" : "SunJCE generate")
                    .append(" has no result.\n");
            return;
        }
        double cost = sunJce.score() / ours.score();
        md.append(String.format(Locale.ROOT, "- SessionKeys generate + destroy: %s ops/s%n- SunJCE generateKey():"
                + " %s ops/s%n- cost ratio (SessionKeys time ÷ SunJCE time): **%.2f×**, limit 2.00×: **%s**%n",
                number(ours.score()), number(sunJce.score()), cost, cost <= 2.0 ? "met" : "NOT met"));
    }

    private void allocations() {
        String ours = ProviderUnderTest.SESSIONKEYS.label();
        String sunJce = ProviderUnderTest.SUNJCE.label();
        md.append("\n## Allocation per operation (bytes/op, JMH GC profiler)\n\nHeap bytes allocated per measured"
                + " operation (`gc.alloc.rate.norm`); session-key material itself is off-heap and not counted.\n\n"
                + "| benchmark | parameters | ").append(ours).append(" | ").append(sunJce).append(" |\n|---|---|---|---|\n");
        for (Map.Entry<String, Map<String, ResultFiles.Cell>> row : rows.entrySet()) {
            String benchmark = row.getKey().substring(0, row.getKey().indexOf('|'));
            String paramsKey = row.getKey().substring(row.getKey().indexOf('|') + 1);
            Measurement a = measurements.get(key(benchmark, paramsKey, ours));
            Measurement b = measurements.get(key(benchmark, paramsKey, sunJce));
            if (a == null && b == null) {
                continue;
            }
            md.append("| ").append(shortName(benchmark)).append(" | ")
                    .append(paramsKey.isEmpty() ? "" : paramsKey.replace(",", ", ")).append(" | ")
                    .append(bytes(a)).append(" | ").append(bytes(b)).append(" |\n");
        }
    }

    private String note(String text) {
        int n = notes.computeIfAbsent(text, t -> notes.size() + 1);
        return "[" + n + "]";
    }

    private void line(String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String bytes(Measurement m) {
        return m == null || Double.isNaN(m.allocatedBytesPerOp()) ? "–"
                : String.format(Locale.ROOT, "%,.0f", m.allocatedBytesPerOp());
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 10 ? "%.0f×" : "%.2f×", r);
    }

    static String sizeLabel(String bytes) {
        int n = Integer.parseInt(bytes);
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return n / (1 << 20) + " MiB";
        }
        if (n >= 1024 && n % 1024 == 0) {
            return n / 1024 + " KiB";
        }
        return n + " B";
    }

    private static Map<String, String> parseParams(String paramsKey) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!paramsKey.isEmpty()) {
            for (String pair : paramsKey.split(",")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return params;
    }

    private static String key(String benchmark, String paramsKey, String provider) {
        return benchmark + "|" + paramsKey + "|" + provider;
    }

    /** "io.sessionkeys.benchmarks.AeadBenchmark.encrypt" becomes "AeadBenchmark.encrypt". */
    static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        return benchmark.substring(benchmark.lastIndexOf('.', method - 1) + 1);
    }

    private static String method(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }
}

package io.sessionkeys.compat.report;

import io.sessionkeys.compat.Row;
import io.sessionkeys.compat.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the published compatibility table from the result files of real runs (one per JDK):
 *
 * <pre>java -cp compat/target/test-classes io.sessionkeys.compat.report.CompatibilityTable \
 *     [--summary | --into docs/compatibility.md] results-jdk17.md results-jdk25.md</pre>
 *
 * Prints markdown: the full table (library, version, case, one column per JDK; "n/a" where that JDK
 * has no such case, such as a cipher suite it does not enable by default), or with
 * {@code --summary} one line per library and JDK with the counts; {@code --into DOC} rewrites in
 * place the sections of that document it finds: runs, summary, the full table, and the cases that do
 * not simply work ({@code compat-notable}: refused by design, works with a setting, breaks), which is
 * what the README shows beside the summary.
 */
public final class CompatibilityTable {

    private static final int MAX_ERROR = 160;

    private CompatibilityTable() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 && args[0].startsWith("--") ? args[0] : "";
        Path into = mode.equals("--into") && args.length > 1 ? Path.of(args[1]) : null;
        int first = mode.isEmpty() ? 0 : into == null ? 1 : 2;
        List<ResultFile> runs = new ArrayList<>();
        for (int i = first; i < args.length; i++) {
            runs.add(ResultFile.read(Path.of(args[i])));
        }
        if (runs.isEmpty() || !(mode.isEmpty() || mode.equals("--summary") || into != null)) {
            System.err.println("usage: CompatibilityTable [--summary | --into DOC.md] results-jdkNN.md...");
            System.exit(2);
        }
        if (into != null) {
            Map<String, String> sections = new LinkedHashMap<>();
            sections.put("compat-runs", runs(runs));
            sections.put("compat-summary", summary(runs));
            sections.put("compat-table", table(runs));
            sections.put("compat-notable", notable(runs));
            String doc = Files.readString(into, StandardCharsets.UTF_8);
            String updated = doc;
            for (Map.Entry<String, String> section : sections.entrySet()) {
                if (updated.contains("<!-- " + section.getKey() + " -->\n")) {
                    updated = replaceBetween(updated, section.getKey(), section.getValue());
                }
            }
            if (!sections.keySet().stream().anyMatch(name -> doc.contains("<!-- " + name + " -->\n"))) {
                throw new IllegalArgumentException(into + " has none of the sections " + sections.keySet());
            }
            Files.writeString(into, updated, StandardCharsets.UTF_8);
        } else {
            System.out.print(mode.equals("--summary") ? summary(runs) : table(runs));
        }
    }

    /** Replaces what stands between {@code <!-- name -->} and {@code <!-- /name -->}. */
    static String replaceBetween(String doc, String name, String content) {
        String start = "<!-- " + name + " -->\n";
        String end = "<!-- /" + name + " -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("the document has no " + start.strip() + " ... " + end + " section");
        }
        return doc.substring(0, from + start.length()) + content + doc.substring(to);
    }

    /** One line per run: the JDK and the library versions it used. */
    static String runs(List<ResultFile> runs) {
        StringBuilder out = new StringBuilder();
        for (ResultFile run : runs) {
            out.append("- JDK ").append(run.facts().get("jdk")).append(": ")
                    .append(run.facts().get("java.vendor")).append(' ')
                    .append(run.facts().get("java.runtime.version"));
            run.facts().forEach((k, v) -> {
                if (k.startsWith("version ")) {
                    out.append("; ").append(k.substring("version ".length())).append(' ').append(v);
                }
            });
            out.append('\n');
        }
        return out.toString();
    }

    static String table(List<ResultFile> runs) {
        return table(runs, false);
    }

    /** The table's rows for the cases that, on some JDK, are anything but "works"; a sentence if there are none. */
    static String notable(List<ResultFile> runs) {
        String table = table(runs, true);
        return table.lines().count() > 2 ? table : "Every case works as it does without SessionKeys.\n";
    }

    private static String table(List<ResultFile> runs, boolean notableOnly) {
        StringBuilder out = new StringBuilder("| Library | Version | Case |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (ResultFile run : runs) {
            out.append(" JDK ").append(run.facts().get("jdk")).append(" |");
            rule.append("---|");
        }
        out.append('\n').append(rule).append('\n');
        for (Map.Entry<String, Row> e : casesInOrder(runs).entrySet()) {
            if (notableOnly && runs.stream().flatMap(run -> run.rows().stream())
                    .noneMatch(r -> r.id().equals(e.getKey()) && r.verdict() != Verdict.WORKS)) {
                continue;
            }
            Row first = e.getValue();
            out.append("| ").append(first.library()).append(" | ").append(version(runs.get(0), first.library()))
                    .append(" | ").append(escape(first.description())).append(" |");
            for (ResultFile run : runs) {
                Row row = run.rows().stream().filter(r -> r.id().equals(e.getKey())).findFirst().orElse(null);
                out.append(' ').append(row == null ? "n/a" : escape(cell(row))).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String summary(List<ResultFile> runs) {
        StringBuilder out = new StringBuilder("| Library | Version | JDK | works | refused by design | breaks |\n");
        out.append("|---|---|---|---|---|---|\n");
        Map<String, List<String>> libraries = new LinkedHashMap<>();
        for (Row r : casesInOrder(runs).values()) {
            libraries.computeIfAbsent(r.library(), k -> new ArrayList<>());
        }
        for (String library : libraries.keySet()) {
            for (ResultFile run : runs) {
                Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
                run.rows().stream().filter(r -> r.library().equals(library))
                        .forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
                int works = counts.getOrDefault(Verdict.WORKS, 0)
                        + counts.getOrDefault(Verdict.STALE_REFUSAL, 0);
                int refused = counts.getOrDefault(Verdict.REFUSED_BY_DESIGN, 0);
                int total = counts.values().stream().mapToInt(Integer::intValue).sum();
                out.append("| ").append(library).append(" | ").append(version(run, library)).append(" | ")
                        .append(run.facts().get("jdk")).append(" | ").append(works).append(" | ").append(refused)
                        .append(" | ").append(total - works - refused).append(" |\n");
            }
        }
        return out.toString();
    }

    private static Map<String, Row> casesInOrder(List<ResultFile> runs) {
        Map<String, Row> cases = new LinkedHashMap<>();
        for (ResultFile run : runs) {
            for (Row r : run.rows()) {
                cases.putIfAbsent(r.id(), r);
            }
        }
        return cases;
    }

    private static String version(ResultFile run, String library) {
        return run.facts().getOrDefault("version " + library, "the JDK's");
    }

    static String cell(Row row) {
        return switch (row.verdict()) {
            case WORKS -> "works";
            case REFUSED_BY_DESIGN -> "refused by design: " + row.note() + "; the application sees "
                    + shortError(row.with().detail());
            case STALE_REFUSAL -> "works (still listed as a refusal)";
            case SCENARIO_FAILS_WITHOUT_SESSIONKEYS -> "scenario fails without SessionKeys: " + shortError(row.without().detail());
            case BREAKS -> "**breaks**: " + (row.with().works() ? "different result: " + row.with().detail()
                    : shortError(row.with().detail())) + (row.note().isEmpty() ? "" : " (" + row.note() + ")");
        };
    }

    /** The stage that failed (sender or receiver) and the root cause, without package names. */
    static String shortError(String chain) {
        String[] parts = chain.split(" <- ");
        String stage = parts[0].startsWith("java.lang.IllegalStateException: sender failed") ? "sender: "
                : parts[0].startsWith("java.lang.IllegalStateException: receiver failed") ? "receiver: " : "";
        String first = stage.isEmpty() ? simpleName(parts[0]) : simpleName(parts.length > 1 ? parts[1] : parts[0]);
        String root = simpleName(parts[parts.length - 1]);
        String text = first.equals(root) || first.endsWith(message(root)) ? first : first + " ← " + root;
        return stage + (text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR) + "…");
    }

    private static String message(String exception) {
        int colon = exception.indexOf(": ");
        return colon < 0 ? exception : exception.substring(colon + 2);
    }

    private static String simpleName(String exception) {
        int colon = exception.indexOf(": ");
        String type = colon < 0 ? exception : exception.substring(0, colon);
        return type.substring(type.lastIndexOf('.') + 1) + (colon < 0 ? "" : exception.substring(colon));
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}

package io.sessionkeys.compat.report;

import io.sessionkeys.compat.Row;
import io.sessionkeys.compat.Verdict;
import io.sessionkeys.compat.scenario.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one run of the suite on one JDK, as a markdown file that is also machine-readable:
 * {@code key: value} lines (JDK, library versions), then one table row per case. Cells escape
 * {@code |} as {@code \|}. {@link CompatibilityTable} reads these files to make the published table.
 */
public record ResultFile(Map<String, String> facts, List<Row> rows) {

    private static final String HEADER =
            "| case | library | description | without SessionKeys | with SessionKeys first | verdict | note |";

    public void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Drop-in compatibility: one run");
        lines.add("");
        facts.forEach((k, v) -> lines.add(k + ": " + v + "  "));
        lines.add("");
        lines.add(HEADER);
        lines.add("|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            lines.add("| " + String.join(" | ", escape(r.id()), escape(r.library()), escape(r.description()),
                    escape(cell(r.without())), escape(cell(r.with())), r.verdict().name(), escape(r.note())) + " |");
        }
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    public static ResultFile read(Path file) throws IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        boolean table = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.equals(HEADER)) {
                table = true;
            } else if (table && line.startsWith("| ")) {
                String[] c = line.substring(2, line.length() - 2).split(" (?<!\\\\)\\| ", -1);
                if (c.length != 7) {
                    throw new IOException(file + ": a row needs 7 cells: " + line);
                }
                rows.add(new Row(unescape(c[0]), unescape(c[1]), unescape(c[2]), outcome(unescape(c[3])),
                        outcome(unescape(c[4])), Verdict.valueOf(c[5]), unescape(c[6])));
            } else if (!table && line.contains(": ") && !line.startsWith("#")) {
                int colon = line.indexOf(": ");
                facts.put(line.substring(0, colon), line.substring(colon + 2).strip());
            }
        }
        return new ResultFile(facts, rows);
    }

    private static String cell(Outcome o) {
        return (o.works() ? "works: " : "fails: ") + o.detail();
    }

    private static Outcome outcome(String cell) {
        return cell.startsWith("works: ") ? new Outcome(true, cell.substring(7)) : new Outcome(false, cell.substring(7));
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }

    private static String unescape(String s) {
        return s.replace("\\|", "|");
    }
}

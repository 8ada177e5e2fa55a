package io.sessionkeys.conformance.output;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.model.Comparison;
import io.sessionkeys.conformance.model.Outcome;
import io.sessionkeys.conformance.model.Report;
import io.sessionkeys.conformance.model.Row;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a report as plain-text (Markdown-compatible) tables, then the failures and deviations. */
public final class TablePrinter {

    private final PrintStream out;
    private final boolean details;

    public TablePrinter(PrintStream out, boolean details) {
        this.out = out;
        this.details = details;
    }

    public void print(Report report) {
        out.println("SessionKeys conformance on Java " + report.jdk());
        out.println();
        out.println("| algorithm | source | provider | cases | passed | failed | refused-as-unsupported | note |");
        out.println("|---|---|---|---:|---:|---:|---:|---|");
        for (Row r : report.rows()) {
            boolean ran = r.status() == Row.Status.RUN;
            out.println("| " + r.algorithm() + " | " + r.source() + " | " + r.subject() + " | "
                    + (ran ? r.cases() + " | " + r.passed() + " | " + r.failed() + " | " + r.refused()
                            : "– | – | – | –")
                    + " | " + note(r) + " |");
        }
        caseList(report, true, "SessionKeys: failures and refusals");
        caseList(report, false, "Peer deviations (SunJCE, Bouncy Castle: failed cases)");
        comparisons(report, Comparison.Kind.DIFFERENTIAL, "Differential runs (same random inputs, outputs compared)");
        comparisons(report, Comparison.Kind.INTEROP, "Interop matrix (made by one provider, opened by another)");
        out.println();
        out.println(report.sessionKeysFailed() ? "RESULT: SessionKeys FAILED at least one check"
                : "RESULT: SessionKeys failed nothing");
    }

    private static String note(Row r) {
        switch (r.status()) {
            case NOT_PROVIDED:
                return "not provided: " + r.note();
            case NOT_APPLICABLE:
                return "n/a: " + r.note();
            case NOT_ON_THIS_JDK:
                return "not on this JDK: " + r.note();
            default:
                int buffersOnly = r.failedOnlyOnBuffers();
                String onBuffers = buffersOnly == 0 ? ""
                        : buffersOnly + " of the failed only on ByteBuffer paths (right through byte arrays)";
                return r.note().isEmpty() ? onBuffers : onBuffers.isEmpty() ? r.note() : r.note() + "; " + onBuffers;
        }
    }

    private void caseList(Report report, boolean sessionKeys, String title) {
        boolean any = false;
        for (Row r : report.rows()) {
            if (r.isSessionKeys() != sessionKeys || r.notPassed().isEmpty()) {
                continue;
            }
            if (!any) {
                out.println();
                out.println("## " + title);
                any = true;
            }
            out.println();
            out.println(r.algorithm() + ", " + r.source() + ", " + r.subject() + ": " + r.failed() + " failed, "
                    + r.refused() + " refused-as-unsupported");
            if (details) {
                for (CaseResult c : r.notPassed()) {
                    out.println("  - " + (c.outcome() == Outcome.REFUSED ? "refused " : "") + c.id() + ": " + c.detail());
                }
                continue;
            }
            Map<String, List<CaseResult>> byReason = new LinkedHashMap<>();
            for (CaseResult c : r.notPassed()) {
                for (String reason : c.reasons()) {
                    byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(c);
                }
            }
            for (Map.Entry<String, List<CaseResult>> e : byReason.entrySet()) {
                CaseResult example = e.getValue().get(0);
                out.println("  - " + e.getKey() + ": " + e.getValue().size() + " case(s), e.g. " + example.id()
                        + (example.outcome() == Outcome.REFUSED ? " (" + example.detail() + ")" : ""));
            }
        }
    }

    private void comparisons(Report report, Comparison.Kind kind, String title) {
        boolean any = false;
        for (Comparison c : report.comparisons()) {
            if (c.kind() != kind) {
                continue;
            }
            if (!any) {
                out.println();
                out.println("## " + title);
                out.println();
                out.println(kind == Comparison.Kind.DIFFERENTIAL
                        ? "| algorithm | compared | trials | agreed | disagreed | note |"
                        : "| algorithm | made by → opened by | trials | opened | failed | note |");
                out.println("|---|---|---:|---:|---:|---|");
                any = true;
            }
            String pair = c.producer() + (kind == Comparison.Kind.DIFFERENTIAL ? " vs " : " → ") + c.consumer();
            String note = c.notRun() != null ? c.notRun() : c.failures().isEmpty() ? "" : c.failures().get(0);
            if (c.informationalReason() != null && c.failed() > 0) {
                note = "expected, not counted: " + c.informationalReason();
            }
            out.println("| " + c.algorithm() + " | " + pair + " | "
                    + (c.notRun() != null ? "– | – | –" : c.trials() + " | " + (c.trials() - c.failed()) + " | " + c.failed())
                    + " | " + note.replace('|', '/') + " |");
        }
    }
}

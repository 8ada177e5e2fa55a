package io.sessionkeys.conformance.output;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.model.Comparison;
import io.sessionkeys.conformance.model.Report;
import io.sessionkeys.conformance.model.Row;
import java.io.PrintStream;
import java.util.List;

/** Prints a report as one JSON object, for CI systems. */
public final class JsonPrinter {

    private final PrintStream out;

    public JsonPrinter(PrintStream out) {
        this.out = out;
    }

    public void print(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"jdk\":").append(str(report.jdk()));
        sb.append(",\"sessionKeysFailed\":").append(report.sessionKeysFailed());
        sb.append(",\"rows\":[");
        List<Row> rows = report.rows();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sb.append(i == 0 ? "" : ",").append("\n {\"algorithm\":").append(str(r.algorithm()))
                    .append(",\"source\":").append(str(r.source()))
                    .append(",\"provider\":").append(str(r.subject()))
                    .append(",\"sessionKeys\":").append(r.isSessionKeys())
                    .append(",\"status\":").append(str(r.status().name()))
                    .append(",\"note\":").append(str(r.note()))
                    .append(",\"cases\":").append(r.cases())
                    .append(",\"passed\":").append(r.passed())
                    .append(",\"failed\":").append(r.failed())
                    .append(",\"refusedAsUnsupported\":").append(r.refused())
                    .append(",\"failedOnlyOnByteBuffers\":").append(r.failedOnlyOnBuffers())
                    .append(",\"notPassed\":[");
            List<CaseResult> notPassed = r.notPassed();
            for (int j = 0; j < notPassed.size(); j++) {
                CaseResult c = notPassed.get(j);
                sb.append(j == 0 ? "" : ",").append("{\"id\":").append(str(c.id()))
                        .append(",\"outcome\":").append(str(c.outcome().name()))
                        .append(",\"detail\":").append(str(c.detail())).append('}');
            }
            sb.append("]}");
        }
        sb.append("\n],\"comparisons\":[");
        List<Comparison> cs = report.comparisons();
        for (int i = 0; i < cs.size(); i++) {
            Comparison c = cs.get(i);
            sb.append(i == 0 ? "" : ",").append("\n {\"kind\":").append(str(c.kind().name()))
                    .append(",\"algorithm\":").append(str(c.algorithm()))
                    .append(",\"first\":").append(str(c.producer()))
                    .append(",\"second\":").append(str(c.consumer()))
                    .append(",\"notRun\":").append(c.notRun() == null ? "null" : str(c.notRun()))
                    .append(",\"informational\":")
                    .append(c.informationalReason() == null ? "null" : str(c.informationalReason()))
                    .append(",\"trials\":").append(c.trials())
                    .append(",\"failed\":").append(c.failed())
                    .append(",\"failures\":[");
            for (int j = 0; j < c.failures().size(); j++) {
                sb.append(j == 0 ? "" : ",").append(str(c.failures().get(j)));
            }
            sb.append("]}");
        }
        sb.append("\n]}");
        out.println(sb);
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}

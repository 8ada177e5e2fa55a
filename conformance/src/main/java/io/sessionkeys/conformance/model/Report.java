package io.sessionkeys.conformance.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Everything a run found: the vector table, the differential runs and the interop matrix. */
public final class Report {

    private final String jdk;
    private final List<Row> rows = new ArrayList<>();
    private final List<Comparison> comparisons = new ArrayList<>();

    public Report(String jdk) {
        this.jdk = jdk;
    }

    /** The JDK the run used, e.g. "17.0.15+6 (Debian)". */
    public String jdk() {
        return jdk;
    }

    public void addRows(List<Row> more) {
        rows.addAll(more);
    }

    public void addComparison(Comparison c) {
        comparisons.add(c);
    }

    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    public List<Comparison> comparisons() {
        return Collections.unmodifiableList(comparisons);
    }

    /** Whether SessionKeys failed anything: a vector case, a differential trial or an interop cell. */
    public boolean sessionKeysFailed() {
        for (Row r : rows) {
            if (r.isSessionKeys() && r.failed() > 0) {
                return true;
            }
        }
        for (Comparison c : comparisons) {
            if (c.involvesSessionKeys() && c.failed() > 0 && c.informationalReason() == null) {
                return true;
            }
        }
        return false;
    }
}

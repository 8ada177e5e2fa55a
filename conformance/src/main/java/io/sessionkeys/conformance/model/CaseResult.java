package io.sessionkeys.conformance.model;

import java.util.List;

/** The outcome of one case for one provider, with what went wrong (or what was refused). */
public final class CaseResult {

    private final String id;
    private final Outcome outcome;
    private final String detail;
    private final List<String> reasons;

    private CaseResult(String id, Outcome outcome, String detail, List<String> reasons) {
        this.id = id;
        this.outcome = outcome;
        this.detail = detail;
        this.reasons = List.copyOf(reasons);
    }

    public static CaseResult passed(String id) {
        return new CaseResult(id, Outcome.PASSED, "", List.of());
    }

    /**
     * @param why every failure of the case, with its specifics
     * @param reasons the same failures without case data ("decrypt/bytes: wrong output"), for grouping
     */
    public static CaseResult failed(String id, String why, List<String> reasons) {
        return new CaseResult(id, Outcome.FAILED, why, reasons);
    }

    public static CaseResult refused(String id, String why) {
        return new CaseResult(id, Outcome.REFUSED, why, List.of("refused-as-unsupported"));
    }

    public String id() {
        return id;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }

    /** Why the case did not pass, without case data: cases with the same reasons failed alike. */
    public List<String> reasons() {
        return reasons;
    }

    @Override
    public String toString() {
        return id + ": " + outcome + (detail.isEmpty() ? "" : " — " + detail);
    }
}

package io.sessionkeys.conformance.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line of the table: an algorithm, a vector source, a subject (SessionKeys through one key
 * route, or a peer), and the tally of its cases.
 */
public final class Row {

    /** Whether the row was run, and if not, why. */
    public enum Status {
        RUN,
        /** The subject does not register a service the row needs (yet). */
        NOT_PROVIDED,
        /** The vectors cover an algorithm that has no SessionKeys service by design. */
        NOT_APPLICABLE,
        /** This JDK lacks an API the row needs (for example javax.crypto.KDF before JDK 25). */
        NOT_ON_THIS_JDK
    }

    private final String algorithm;
    private final String source;
    private final String subject;
    private final boolean sessionKeys;
    private final Status status;
    private final String note;
    private final List<CaseResult> results = new ArrayList<>();
    private int passed;
    private int failed;
    private int refused;

    public Row(String algorithm, String source, String subject, boolean sessionKeys, Status status, String note) {
        this.algorithm = algorithm;
        this.source = source;
        this.subject = subject;
        this.sessionKeys = sessionKeys;
        this.status = status;
        this.note = note;
    }

    /** Counts a result; passed results are only counted, the others are kept for the report. */
    public void add(CaseResult r) {
        switch (r.outcome()) {
            case PASSED:
                passed++;
                return;
            case FAILED:
                failed++;
                break;
            case REFUSED:
                refused++;
                break;
            default:
                throw new IllegalStateException(r.outcome().name());
        }
        results.add(r);
    }

    public String algorithm() {
        return algorithm;
    }

    public String source() {
        return source;
    }

    public String subject() {
        return subject;
    }

    /** Whether this row is about SessionKeys (whose failures fail the run) rather than a peer. */
    public boolean isSessionKeys() {
        return sessionKeys;
    }

    public Status status() {
        return status;
    }

    public String note() {
        return note;
    }

    public int cases() {
        return passed + failed + refused;
    }

    public int passed() {
        return passed;
    }

    public int failed() {
        return failed;
    }

    public int refused() {
        return refused;
    }

    /** The failed and refused cases, in the order they ran. */
    public List<CaseResult> notPassed() {
        return Collections.unmodifiableList(results);
    }

    /**
     * How many failed cases failed only on {@code ByteBuffer} data paths: the vector's answer is
     * right through byte arrays, but the provider's buffer API is at fault.
     */
    public int failedOnlyOnBuffers() {
        int n = 0;
        for (CaseResult r : results) {
            if (r.outcome() == Outcome.FAILED && r.reasons().stream().allMatch(x -> x.contains("buffer"))) {
                n++;
            }
        }
        return n;
    }

    public List<CaseResult> failures() {
        List<CaseResult> out = new ArrayList<>();
        for (CaseResult r : results) {
            if (r.outcome() == Outcome.FAILED) {
                out.add(r);
            }
        }
        return out;
    }
}

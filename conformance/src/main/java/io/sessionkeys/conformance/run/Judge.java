package io.sessionkeys.conformance.run;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.vectors.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the attempts of one case into its result, applying the vector's expectation:
 *
 * <ul>
 * <li>valid: every attempt must give exactly the expected output. Refused at init is
 *     "refused-as-unsupported" if the runner says the parameter may be unsupported, a failure
 *     otherwise; rejected during the operation is a failure.
 * <li>invalid: every attempt must be refused or rejected with a checked JCA exception; any
 *     output is a failure.
 * <li>acceptable: either outcome, but an output must be the expected one (when there is one).
 * </ul>
 * An unchecked exception is always a failure. Attempts that disagree (one path refuses what
 * another accepts) fail the case.
 */
public final class Judge {

    private final String id;
    private final Expectation expectation;
    private final boolean mayBeUnsupported;
    private final List<String> failures = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private String refusal;
    private boolean accepted;

    /**
     * @param mayBeUnsupported whether a provider may refuse this case's parameters at init
     *     (for example a GCM IV other than 12 bytes); if not, a refusal is a failure
     */
    public Judge(String id, Expectation expectation, boolean mayBeUnsupported) {
        this.id = id;
        this.expectation = expectation;
        this.mayBeUnsupported = mayBeUnsupported;
    }

    /**
     * Records one attempt.
     *
     * @param label which operation and data path, for the report
     * @param expected the output a success must give, or {@code null} if none is known
     */
    public Judge check(String label, Attempt a, byte[] expected) {
        switch (a.kind()) {
            case BROKE_CONTRACT:
                fail(label, "unchecked " + a.exceptionName(), a.detail());
                break;
            case OUTPUT:
                accepted = true;
                if (expectation == Expectation.INVALID) {
                    fail(label, "accepted an invalid input", "returned " + abbreviate(a.output()));
                } else if (expected != null && !Arrays.equals(expected, a.output())) {
                    fail(label, "wrong output", abbreviate(a.output()) + ", expected " + abbreviate(expected));
                }
                break;
            case REFUSED_AT_INIT:
                if (expectation == Expectation.VALID) {
                    if (mayBeUnsupported) {
                        refusal = refusal == null ? label + ": " + a.detail() : refusal;
                    } else {
                        fail(label, "refused a required parameter (" + a.exceptionName() + ")", a.detail());
                    }
                }
                break;
            case REJECTED:
                if (expectation == Expectation.VALID) {
                    fail(label, "rejected a valid input (" + a.exceptionName() + ")", a.detail());
                }
                break;
            default:
                throw new IllegalStateException(a.kind().name());
        }
        return this;
    }

    /** Records a failure found outside an attempt (for example a key that does not match). */
    public Judge fail(String why) {
        return fail("check", why, "");
    }

    /**
     * @param label the operation and data path
     * @param reason what went wrong, short and free of case data, so that the report can group
     *     the cases that fail for the same reason
     * @param detail the specifics of this case
     */
    private Judge fail(String label, String reason, String detail) {
        String signature = label + ": " + reason;
        if (!reasons.contains(signature)) {
            reasons.add(signature);
            failures.add(signature + (detail.isEmpty() ? "" : " — " + detail));
        }
        return this;
    }

    public CaseResult result() {
        if (refusal != null && accepted) {
            fail("all", "inconsistent: refused at init on one path, accepted on another", refusal);
        }
        if (!failures.isEmpty()) {
            return CaseResult.failed(id, String.join("; ", failures), reasons);
        }
        if (refusal != null) {
            return CaseResult.refused(id, refusal);
        }
        return CaseResult.passed(id);
    }

    private static String abbreviate(byte[] b) {
        String h = Hex.encode(b);
        return h.length() > 40 ? h.substring(0, 40) + "…(" + b.length + " bytes)" : h.isEmpty() ? "(empty)" : h;
    }
}

package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.run.Attempt;
import io.sessionkeys.conformance.run.Checker;
import io.sessionkeys.conformance.run.DataPath;
import io.sessionkeys.conformance.run.Judge;
import io.sessionkeys.conformance.subject.Subject;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;

/**
 * HMAC, verified the way a user verifies a tag: compute, truncate to the tag's length, compare
 * in constant time. A mismatch is a rejection, so an invalid (modified) tag must be rejected.
 */
final class MacChecker implements Checker<MacCase> {

    /** Keys below 112 bits (NIST SP 800-107 §5.3.4's lowest security strength) may be refused. */
    private static final int SHORTEST_REQUIRED_KEY = 14;

    private final String macName;

    MacChecker(String macName) {
        this.macName = macName;
    }

    @Override
    public String missing(Subject s) {
        return s.has("Mac", macName) ? s.missingKeyService(macName) : "Mac " + macName;
    }

    @Override
    public String note(Subject s) {
        return "";
    }

    @Override
    public CaseResult check(MacCase c, Subject s, Set<DataPath> paths) {
        Judge judge = new Judge(c.id, c.expectation, c.key.length < SHORTEST_REQUIRED_KEY);
        for (DataPath p : paths) {
            judge.check("verify/" + p.label(), Attempt.of(new Attempt.Operation<Mac>() {
                @Override
                public Mac init() throws Exception {
                    Mac m = Mac.getInstance(macName, s.provider());
                    m.init(s.key(macName, c.key));
                    return m;
                }

                @Override
                public byte[] run(Mac m) throws Exception {
                    byte[] full = p.run(m, c.msg);
                    byte[] truncated = Arrays.copyOf(full, Math.min(full.length, c.tag.length));
                    if (c.tag.length > full.length || !MessageDigest.isEqual(truncated, c.tag)) {
                        throw new AEADBadTagException("tag mismatch");
                    }
                    return truncated;
                }
            }), c.tag);
        }
        return judge.result();
    }
}

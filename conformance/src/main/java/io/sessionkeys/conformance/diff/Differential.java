package io.sessionkeys.conformance.diff;

import io.sessionkeys.conformance.model.Comparison;
import io.sessionkeys.conformance.model.Report;
import io.sessionkeys.conformance.subject.Subject;
import io.sessionkeys.conformance.vectors.Hex;
import java.security.SecureRandom;
import java.util.List;

/**
 * Random inputs per algorithm through SessionKeys and both peers, outputs compared pairwise:
 * SessionKeys against SunJCE, SessionKeys against Bouncy Castle, and the peers against each
 * other (so a disagreement can be pinned on one provider).
 */
public final class Differential {

    private Differential() {
    }

    /**
     * @param sessionKeys SessionKeys through the factory route
     * @param peers SunJCE and Bouncy Castle
     */
    public static void run(Subject sessionKeys, List<Subject> peers, int trials, Report report) {
        SecureRandom random = new SecureRandom();
        for (Primitive p : Primitive.all()) {
            List<Subject> all = new java.util.ArrayList<>();
            all.add(sessionKeys);
            all.addAll(peers);
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    report.addComparison(pair(p, all.get(i), all.get(j), trials, random));
                }
            }
        }
    }

    private static Comparison pair(Primitive p, Subject a, Subject b, int trials, SecureRandom random) {
        String missing = p.missing(a) != null ? a.name() + " lacks " + p.missing(a)
                : p.missing(b) != null ? b.name() + " lacks " + p.missing(b) : null;
        Comparison c = new Comparison(Comparison.Kind.DIFFERENTIAL, p.name, a.name(), b.name(),
                a.isSessionKeys() || b.isSessionKeys(), missing == null ? null : missing + ": not provided");
        if (missing != null) {
            return c;
        }
        for (int t = 0; t < trials; t++) {
            Sample in = p.sample(random);
            String outA = outcome(p, a, in);
            String outB = outcome(p, b, in);
            if (outA.equals(outB)) {
                c.passed();
            } else {
                c.failed("key " + in.key.length + " bytes, message " + in.msg.length + " bytes: " + a.name() + " gave "
                        + abbreviate(outA) + ", " + b.name() + " gave " + abbreviate(outB));
            }
        }
        return c;
    }

    private static String outcome(Primitive p, Subject s, Sample in) {
        try {
            return Hex.encode(p.compute(s, in));
        } catch (Exception e) {
            return "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 48 ? s.substring(0, 48) + "…" : s;
    }

}

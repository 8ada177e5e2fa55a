package io.sessionkeys.conformance.diff;

import io.sessionkeys.conformance.model.Comparison;
import io.sessionkeys.conformance.model.Report;
import io.sessionkeys.conformance.subject.Subject;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * The interop matrix: for each exchange (ciphertexts and wrapped keys), every provider makes and
 * every other provider opens, including itself.
 */
public final class Interop {

    private Interop() {
    }

    public static void run(List<Subject> subjects, int trials, Report report) {
        SecureRandom random = new SecureRandom();
        for (Exchange e : Exchange.all()) {
            for (Subject producer : subjects) {
                for (Subject consumer : subjects) {
                    report.addComparison(cell(e, producer, consumer, trials, random));
                }
            }
        }
    }

    private static Comparison cell(Exchange e, Subject producer, Subject consumer, int trials, SecureRandom random) {
        String missing = e.missing(producer) != null ? producer.name() + " lacks " + e.missing(producer)
                : e.missing(consumer) != null ? consumer.name() + " lacks " + e.missing(consumer) : null;
        Comparison c = new Comparison(Comparison.Kind.INTEROP, e.name, producer.name(), consumer.name(),
                producer.isSessionKeys() || consumer.isSessionKeys(), missing == null ? null : missing + ": not provided");
        if (missing != null) {
            return c;
        }
        if (e.ambiguity != null && producer != consumer) {
            c.informational(e.ambiguity);
        }
        for (int t = 0; t < trials; t++) {
            Sample in = e.sample(random);
            byte[] sealed;
            try {
                sealed = e.seal(producer, in);
            } catch (Exception ex) {
                c.failed("making failed: " + ex);
                continue;
            }
            try {
                if (Arrays.equals(e.expected(in), e.open(consumer, in, sealed))) {
                    c.passed();
                } else {
                    c.failed("opened to a different " + (e.name.contains("/GCM") || e.name.contains("Poly")
                            || e.name.contains("CBC") ? "plaintext" : "key"));
                }
            } catch (Exception ex) {
                c.failed("opening failed: " + ex.getClass().getName() + ": " + ex.getMessage());
            }
        }
        return c;
    }
}

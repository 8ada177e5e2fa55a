package io.sessionkeys.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.conformance.diff.Differential;
import io.sessionkeys.conformance.diff.Interop;
import io.sessionkeys.conformance.model.Comparison;
import io.sessionkeys.conformance.model.Report;
import io.sessionkeys.conformance.subject.KeyRoute;
import io.sessionkeys.conformance.subject.Providers;
import io.sessionkeys.conformance.subject.Subject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The differential runs and the interop matrix: SessionKeys must agree with both peers in every
 * cell that involves it. A SessionKeys cell not run (a service it does not register) fails: the
 * catalog of primitives lists only what SessionKeys is meant to provide.
 */
class CrossChecksTest {

    private static final Subject SESSION_KEYS = Subject.sessionKeys(Providers.sessionKeys(), KeyRoute.FACTORY);
    private static final int DIFFERENTIAL_TRIALS = 20;
    private static final int INTEROP_TRIALS = 10;
    private static final List<Subject> PEERS = List.of(Subject.peer("SunJCE", Providers.sunJce()),
            Subject.peer("BC", Providers.bouncyCastle()));

    @Test
    void differential_everyProvidedPair_agrees() {
        Report report = new Report("test");
        Differential.run(SESSION_KEYS, PEERS, DIFFERENTIAL_TRIALS, report);
        assertAllRunCellsPass(report, DIFFERENTIAL_TRIALS);
    }

    @Test
    void interop_everyCountedCell_opens() {
        Report report = new Report("test");
        List<Subject> all = new ArrayList<>();
        all.add(SESSION_KEYS);
        all.addAll(PEERS);
        Interop.run(all, INTEROP_TRIALS, report);
        List<String> failures = new ArrayList<>();
        for (Comparison c : report.comparisons()) {
            boolean namedOaepAcrossPeers = c.algorithm().contains("OAEPWithSHA-256AndMGF1Padding")
                    && !c.producer().equals(c.consumer()) && !c.involvesSessionKeys();
            if (namedOaepAcrossPeers) {
                // SunJCE reads the name as MGF1-SHA-1, Bouncy Castle as MGF1-SHA-256: a known disagreement.
                assertEquals(c.trials(), c.failed(), "SunJCE and BC were expected to disagree on " + c.algorithm());
            } else if (c.involvesSessionKeys() && c.notRun() != null) {
                failures.add(c.algorithm() + " " + c.producer() + " → " + c.consumer() + " not run: " + c.notRun());
            } else if (c.involvesSessionKeys() && c.trials() != INTEROP_TRIALS) {
                failures.add(c.algorithm() + " " + c.producer() + " → " + c.consumer() + ": " + c.trials() + " trials");
            } else if (c.notRun() == null && c.failed() > 0 && c.informationalReason() == null) {
                failures.add(c.algorithm() + " " + c.producer() + " → " + c.consumer() + ": " + c.failures());
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @Test
    void differential_peersAlone_runEveryPrimitive() {
        Report report = new Report("test");
        Differential.run(SESSION_KEYS, PEERS, 3, report);
        for (Comparison c : report.comparisons()) {
            if (!c.involvesSessionKeys()) {
                assertNull(c.notRun(), c.algorithm());
                assertEquals(3, c.trials(), c.algorithm());
            }
        }
    }

    private static void assertAllRunCellsPass(Report report, int trials) {
        List<String> failures = new ArrayList<>();
        for (Comparison c : report.comparisons()) {
            if (c.involvesSessionKeys() && c.notRun() != null) {
                failures.add(c.algorithm() + " " + c.producer() + " vs " + c.consumer() + " not run: " + c.notRun());
            } else if (c.involvesSessionKeys() && c.trials() != trials) {
                failures.add(c.algorithm() + " " + c.producer() + " vs " + c.consumer() + ": " + c.trials() + " trials");
            } else if (c.notRun() == null && c.failed() > 0) {
                failures.add(c.algorithm() + " " + c.producer() + " vs " + c.consumer() + ": " + c.failures());
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }
}

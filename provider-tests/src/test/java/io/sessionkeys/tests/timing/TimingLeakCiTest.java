package io.sessionkeys.tests.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.timing.TimingLeakCheck.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timing-leak check's short run, in every build: the control and the symmetric checks with
 * {@link #BASE} measurements each (the RSA-OAEP checks take milliseconds a call and stay in the
 * long run of docs/timing.md). The run fails unless the control crosses the threshold and every
 * checked check stays below it. This is a statistical test with a control, not a timing
 * threshold: nothing here depends on how fast the provider is.
 *
 * <p>False alarms. Each measurement's class is drawn at random, so under "no leak" the load of a
 * shared machine, GC and JIT affect both classes alike and |t| is approximately standard normal:
 * P(|t| > 4.5) is about 7e-6 per statistic, about 4e-4 per run for the 9 checked checks times 6
 * crops (a union bound; the crops are correlated, so less). A check that crosses is measured once
 * more with fresh inputs and fails the run only if it crosses again, which takes the false-alarm
 * rate of pure noise to the order of 1e-8, while a leak the short run can see shows both times.
 */
class TimingLeakCiTest {

    /**
     * Measurements per check (the key-schedule check takes half). The control's cropped |t| was in
     * the hundreds at 100000 measurements; t grows with the square root of the count, so here it is
     * still far above 4.5 (the table printed on failure shows it).
     */
    static final int BASE = 5_000;

    @Test
    void shortRun_controlDetected_everyCheckedCheckBelowThreshold() throws Exception {
        SessionKeysProvider provider = new SessionKeysProvider();
        List<TimingCheck> checks = new ArrayList<>();
        checks.add(new LeakyControl(BASE));
        checks.addAll(new SymmetricChecks(provider, BASE).all());
        StringBuilder table = new StringBuilder(TimingLeakCheck.header()).append('\n');
        List<Result> results = new ArrayList<>();
        for (TimingCheck check : checks) {
            Result r = TimingLeakCheck.measure(check);
            table.append(r.row()).append('\n');
            if (r.role() == TimingCheck.Role.CHECKED && r.aboveThreshold()) {
                r = TimingLeakCheck.measure(check); // confirm with fresh inputs; only this one counts
                table.append(r.row()).append(" (confirmation)\n");
            }
            results.add(r);
        }
        System.out.print(table); // the build log keeps the numbers of every run
        assertEquals(List.of(), TimingLeakCheck.problems(results), table.toString());
    }
}

package io.sessionkeys.tests.timing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.tests.timing.TimingCheck.Role;
import io.sessionkeys.tests.timing.TimingLeakCheck.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Welch's t and the run's verdict on synthetic data whose answers are worked out by hand (in the
 * comments) from t = (m0 - m1) / sqrt(v0/n0 + v1/n1), sample variances with n - 1.
 */
class WelchTest {

    private static final double EPS = 1e-9;

    /** Interleaves two classes into one measurement array, class 0 first. */
    private static long[] times(long[] zero, long[] one) {
        long[] t = new long[zero.length + one.length];
        System.arraycopy(zero, 0, t, 0, zero.length);
        System.arraycopy(one, 0, t, zero.length, one.length);
        return t;
    }

    private static boolean[] classes(int zeros, int ones) {
        boolean[] c = new boolean[zeros + ones];
        for (int i = zeros; i < c.length; i++) {
            c[i] = true;
        }
        return c;
    }

    @Test
    void t_equalSizes_isMinusRootThree() {
        // {1,2,3,4}: mean 2.5, variance 5/3. {2,4,6,8}: mean 5, variance 20/3.
        // se = sqrt(5/12 + 20/12) = sqrt(25/12); t = -2.5 / sqrt(25/12) = -sqrt(12)/2 = -sqrt(3).
        long[] t = times(new long[] {1, 2, 3, 4}, new long[] {2, 4, 6, 8});
        assertEquals(-Math.sqrt(3), Welch.t(t, classes(4, 4), 0, 8, Long.MAX_VALUE), EPS);
    }

    @Test
    void t_unequalSizesAndVariances() {
        // {10,12,14}: mean 12, variance 4. {20,20,26,26}: mean 23, variance 36/3 = 12.
        // se = sqrt(4/3 + 12/4) = sqrt(13/3); t = -11 / sqrt(13/3).
        long[] t = times(new long[] {10, 12, 14}, new long[] {20, 20, 26, 26});
        assertEquals(-11 / Math.sqrt(13.0 / 3), Welch.t(t, classes(3, 4), 0, 7, Long.MAX_VALUE), EPS);
    }

    @Test
    void t_shiftedCopy_dependsOnlyOnTheShift() {
        // class 1 = class 0 + 5, both 0..99: equal variances n(n+1)/12 = 100*101/12;
        // t = -5 / sqrt(2 * (10100/12) / 100).
        long[] zero = new long[100];
        long[] one = new long[100];
        for (int i = 0; i < 100; i++) {
            zero[i] = i;
            one[i] = i + 5;
        }
        assertEquals(-5 / Math.sqrt(2 * (10100.0 / 12) / 100), Welch.t(times(zero, one), classes(100, 100), 0, 200,
                Long.MAX_VALUE), EPS);
    }

    @Test
    void t_limitAndRange_leaveOutWhatTheySay() {
        // The outliers 1000 are above the limit 8, and the leading 99s are before 'from':
        // what remains is the first test's data, t = -sqrt(3).
        long[] t = {99, 99, 1, 2, 3, 4, 2, 4, 6, 8, 1000, 1000};
        boolean[] c = {false, true, false, false, false, false, true, true, true, true, true, false};
        assertEquals(-Math.sqrt(3), Welch.t(t, c, 2, 12, 8), EPS);
    }

    @Test
    void t_fewerThanTwoInAClass_isZero() {
        assertEquals(0, Welch.t(new long[] {1, 2, 3}, new boolean[] {false, false, true}, 0, 3, Long.MAX_VALUE));
    }

    @Test
    void absT_cropsAtPooledPercentiles() {
        // class 0 {1,2,5,6}, class 1 {3,4,7,8}. Uncropped: means 3.5 and 5.5, variances 17/3 each,
        // |t| = 2 / sqrt(2 * 17/12). Pooled sorted 1..8: the 0.5 crop keeps values <= sorted[4] = 5:
        // {1,2,5} (mean 8/3, variance 13/3) and {3,4} (mean 3.5, variance 1/2),
        // |t| = (5/6) / sqrt(13/9 + 1/4). The 0.75 crop keeps <= sorted[6] = 7: {1,2,5,6} and {3,4,7},
        // means 3.5 and 14/3, variances 17/3 and 13/3, |t| = (7/6) / sqrt(17/12 + 13/9).
        long[] t = {1, 2, 5, 6, 3, 4, 7, 8};
        double[] absT = Welch.absT(t, classes(4, 4), 0, 8);
        assertEquals(Welch.CROPS.length, absT.length);
        assertEquals(1.0, Welch.CROPS[0]);
        assertEquals(2 / Math.sqrt(2 * 17.0 / 12), absT[0], EPS);
        assertEquals(5.0 / 6 / Math.sqrt(13.0 / 9 + 0.25), absT[indexOf(0.50)], EPS);
        assertEquals(7.0 / 6 / Math.sqrt(17.0 / 12 + 13.0 / 9), absT[indexOf(0.75)], EPS);
    }

    private static int indexOf(double crop) {
        for (int i = 0; i < Welch.CROPS.length; i++) {
            if (Welch.CROPS[i] == crop) {
                return i;
            }
        }
        throw new AssertionError("no crop at " + crop);
    }

    @Test
    void detectable_isThresholdTimesStandardErrorBelowTheMedian() {
        // Same data: below the median (<= 5) the standard error is sqrt(13/9 + 1/4).
        long[] t = {1, 2, 5, 6, 3, 4, 7, 8};
        assertEquals(4.5 * Math.sqrt(13.0 / 9 + 0.25), Welch.detectable(t, classes(4, 4), 0, 8, 4.5), EPS);
    }

    @Test
    void mean_perClass() {
        long[] t = times(new long[] {10, 12, 14}, new long[] {20, 20, 26, 26});
        assertArrayEquals(new double[] {12, 23}, new double[] {Welch.mean(t, classes(3, 4), 0, 7, false),
                Welch.mean(t, classes(3, 4), 0, 7, true)}, EPS);
    }

    private static Result result(Role role, double maxT) {
        return new Result("r", role, 1000, 1, 1, 0, maxT, 1);
    }

    @Test
    void problems_passOnlyWithADetectedControlAndCheckedChecksBelow() {
        assertEquals(List.of(), TimingLeakCheck.problems(List.of(result(Role.CONTROL, 50), result(Role.CHECKED, 4.4),
                result(Role.EXEMPT, 300))));
        assertTrue(TimingLeakCheck.problems(List.of(result(Role.CONTROL, 4.4), result(Role.CHECKED, 1)))
                .get(0).contains("control stayed below"));
        assertTrue(TimingLeakCheck.problems(List.of(result(Role.CONTROL, 50), result(Role.CHECKED, 4.6)))
                .get(0).contains("above"));
        assertEquals(List.of("no control was run"), TimingLeakCheck.problems(List.of(result(Role.CHECKED, 1))));
    }
}

package io.sessionkeys.tests.timing;

import java.util.Arrays;

/**
 * Welch's t statistic between the two classes of a timing run, over all measurements and over the
 * measurements below several percentiles of the pooled distribution (dudect's cropping: a leak
 * hidden in the tail by interrupts and GC pauses shows in the cropped sets).
 */
final class Welch {

    /** The percentiles at which the pooled distribution is cropped; 1.0 means no cropping. */
    static final double[] CROPS = {1.0, 0.99, 0.95, 0.90, 0.75, 0.50};

    private Welch() {
    }

    /** |t| for each crop in {@link #CROPS}, in that order. */
    static double[] absT(long[] times, boolean[] classOne, int from, int to) {
        long[] sorted = Arrays.copyOfRange(times, from, to);
        Arrays.sort(sorted);
        double[] result = new double[CROPS.length];
        for (int c = 0; c < CROPS.length; c++) {
            long limit = CROPS[c] >= 1.0 ? Long.MAX_VALUE
                    : sorted[(int) Math.min(sorted.length - 1, Math.floor(CROPS[c] * sorted.length))];
            result[c] = Math.abs(t(times, classOne, from, to, limit));
        }
        return result;
    }

    /** Welch's t over the measurements not above {@code limit} (Welford's running mean and variance). */
    static double t(long[] times, boolean[] classOne, int from, int to, long limit) {
        double[] mean = new double[2];
        double[] m2 = new double[2];
        long[] n = new long[2];
        for (int i = from; i < to; i++) {
            if (times[i] > limit) {
                continue;
            }
            int k = classOne[i] ? 1 : 0;
            n[k]++;
            double delta = times[i] - mean[k];
            mean[k] += delta / n[k];
            m2[k] += delta * (times[i] - mean[k]);
        }
        if (n[0] < 2 || n[1] < 2) {
            return 0;
        }
        double v0 = m2[0] / (n[0] - 1);
        double v1 = m2[1] / (n[1] - 1);
        double se = Math.sqrt(v0 / n[0] + v1 / n[1]);
        return se == 0 ? 0 : (mean[0] - mean[1]) / se;
    }

    /**
     * The smallest difference of class means (in the unit of the measurements) that would reach
     * |t| = {@code threshold} over the measurements below the median: the check's resolution.
     */
    static double detectable(long[] times, boolean[] classOne, int from, int to, double threshold) {
        long[] sorted = Arrays.copyOfRange(times, from, to);
        Arrays.sort(sorted);
        long limit = sorted[sorted.length / 2];
        double[] sum = new double[2];
        double[] sumSq = new double[2];
        long[] n = new long[2];
        for (int i = from; i < to; i++) {
            if (times[i] <= limit) {
                int k = classOne[i] ? 1 : 0;
                n[k]++;
                sum[k] += times[i];
                sumSq[k] += (double) times[i] * times[i];
            }
        }
        if (n[0] < 2 || n[1] < 2) {
            return Double.NaN;
        }
        double v0 = (sumSq[0] - sum[0] * sum[0] / n[0]) / (n[0] - 1);
        double v1 = (sumSq[1] - sum[1] * sum[1] / n[1]) / (n[1] - 1);
        return threshold * Math.sqrt(v0 / n[0] + v1 / n[1]);
    }

    /** The mean of one class, in the unit of the measurements, over all of them. */
    static double mean(long[] times, boolean[] classOne, int from, int to, boolean which) {
        double sum = 0;
        long n = 0;
        for (int i = from; i < to; i++) {
            if (classOne[i] == which) {
                sum += times[i];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}

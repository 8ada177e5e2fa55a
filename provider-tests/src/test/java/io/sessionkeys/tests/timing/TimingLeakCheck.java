package io.sessionkeys.tests.timing;

import io.sessionkeys.SessionKeysProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A dudect-style timing-leak check (Reparaz, Balasch, Verbauwhede, "Dude, is my code constant
 * time?", DATE 2017) of SessionKeys through JCA: for each check, inputs of two classes are made in
 * batches, measured in random interleaved order, and compared with Welch's t-test, uncropped and
 * cropped at several percentiles. |t| above 4.5 is taken as evidence of a leak. The first check is
 * a control that leaks on purpose: if it does not cross the threshold, the run had no power.
 * "res. ns" is the smallest difference of means the run could have seen (|t| = 4.5 below the median).
 *
 * <p>Not a unit test (it takes minutes and depends on the machine): run it by hand, see
 * docs/timing.md. Arguments: an optional base measurement count (default 100000; the key-schedule
 * check takes half, the RSA checks a twentieth) and optional check-name filters.
 */
public final class TimingLeakCheck {

    static final double THRESHOLD = 4.5;
    private static final int BATCH = 1000;

    private TimingLeakCheck() {
    }

    public static void main(String[] args) throws Exception {
        int base = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> filters = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        SessionKeysProvider provider = new SessionKeysProvider();
        List<TimingCheck> checks = new ArrayList<>();
        checks.add(new LeakyControl(base));
        checks.addAll(new SymmetricChecks(provider, base).all());
        checks.addAll(new OaepChecks(provider, Math.max(2 * BATCH, base / 20)).all());
        checks.addAll(new Pkcs1Checks(provider, Math.max(2 * BATCH, base / 20)).all());
        System.out.printf(Locale.ROOT, "JDK %s (%s), %d processors, threshold |t| > %.1f%n",
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), THRESHOLD);
        System.out.printf(Locale.ROOT, "%-58s %7s %9s %9s %8s %8s %8s  %s%n", "check", "n", "mean0 ns", "mean1 ns",
                "|t| raw", "max |t|", "res. ns", "verdict");
        int leaks = 0;
        for (TimingCheck check : checks) {
            if (!filters.isEmpty() && filters.stream().noneMatch(check.name()::contains)) {
                continue;
            }
            leaks += run(check) ? 1 : 0;
        }
        System.out.println(leaks == 0 ? "no check above the threshold" : leaks + " check(s) above the threshold");
    }

    /** Runs one check and prints its row; true if a |t| is above the threshold. */
    static boolean run(TimingCheck check) throws Exception {
        int warmup = Math.max(BATCH, check.measurements() / 10);
        int total = warmup + check.measurements();
        long[] times = new long[total];
        boolean[] classOne = new boolean[total];
        SplittableRandom random = new SplittableRandom();
        Object[] inputs = new Object[BATCH];
        for (int start = 0; start < total; start += BATCH) {
            int n = Math.min(BATCH, total - start);
            for (int i = 0; i < n; i++) {
                classOne[start + i] = random.nextBoolean();
                inputs[i] = check.prepare(classOne[start + i], random);
            }
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                check.measure(inputs[i]);
                times[start + i] = System.nanoTime() - t0;
            }
            for (int i = 0; i < n; i++) {
                check.release(inputs[i]);
                inputs[i] = null;
            }
        }
        double[] t = Welch.absT(times, classOne, warmup, total);
        double max = 0;
        for (double v : t) {
            max = Math.max(max, v);
        }
        boolean leak = max > THRESHOLD;
        System.out.printf(Locale.ROOT, "%-58s %7d %9.0f %9.0f %8.2f %8.2f %8.1f  %s%n", check.name(),
                check.measurements(), Welch.mean(times, classOne, warmup, total, false),
                Welch.mean(times, classOne, warmup, total, true), t[0], max,
                Welch.detectable(times, classOne, warmup, total, THRESHOLD), leak ? "ABOVE THRESHOLD" : "below threshold");
        return leak;
    }
}

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
 * <p>The long run: by hand, see docs/timing.md. Arguments: an optional base measurement count
 * (default 100000; the key-schedule check takes half, the RSA checks a twentieth) and optional
 * check-name filters. Exit status 0 only if the control crossed the threshold and every checked
 * (not exempt) check stayed below it; 1 otherwise. {@code TimingLeakCiTest} runs a short version
 * in every build.
 */
public final class TimingLeakCheck {

    static final double THRESHOLD = 4.5;
    private static final int BATCH = 1000;

    /** One check's measurements, summarised. */
    record Result(String name, TimingCheck.Role role, int n, double mean0, double mean1, double rawT, double maxT,
            double resolution) {

        boolean aboveThreshold() {
            return maxT > THRESHOLD;
        }

        String row() {
            return String.format(Locale.ROOT, "%-58s %7d %9.0f %9.0f %8.2f %8.2f %8.1f  %s%s", name, n, mean0, mean1,
                    rawT, maxT, resolution, aboveThreshold() ? "ABOVE THRESHOLD" : "below threshold",
                    role == TimingCheck.Role.CHECKED ? "" : " (" + role.name().toLowerCase(Locale.ROOT) + ")");
        }
    }

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
        System.out.println(header());
        List<Result> results = new ArrayList<>();
        for (TimingCheck check : checks) {
            // The control always runs: without it no "below threshold" means anything.
            if (filters.isEmpty() || check.role() == TimingCheck.Role.CONTROL
                    || filters.stream().anyMatch(check.name()::contains)) {
                Result r = measure(check);
                System.out.println(r.row());
                results.add(r);
            }
        }
        List<String> problems = problems(results);
        System.out.println(problems.isEmpty() ? "PASS: the control crossed the threshold, no checked check did"
                : "FAIL:\n  " + String.join("\n  ", problems));
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    static String header() {
        return String.format(Locale.ROOT, "%-58s %7s %9s %9s %8s %8s %8s  %s", "check", "n", "mean0 ns", "mean1 ns",
                "|t| raw", "max |t|", "res. ns", "verdict");
    }

    /** What makes a run fail: no control, a control not detected, a checked check above the threshold. */
    static List<String> problems(List<Result> results) {
        List<String> problems = new ArrayList<>();
        boolean control = false;
        for (Result r : results) {
            if (r.role() == TimingCheck.Role.CONTROL) {
                control = true;
                if (!r.aboveThreshold()) {
                    problems.add("the control stayed below the threshold (max |t| " + fmt(r.maxT())
                            + "): this run could not have seen a leak of its size");
                }
            } else if (r.role() == TimingCheck.Role.CHECKED && r.aboveThreshold()) {
                problems.add(r.name() + ": max |t| " + fmt(r.maxT()) + " above " + THRESHOLD);
            }
        }
        if (!control) {
            problems.add("no control was run");
        }
        return problems;
    }

    private static String fmt(double t) {
        return String.format(Locale.ROOT, "%.2f", t);
    }

    /** Runs one check: warm-up, then its measurements in random interleaved order. */
    static Result measure(TimingCheck check) throws Exception {
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
        return new Result(check.name(), check.role(), check.measurements(),
                Welch.mean(times, classOne, warmup, total, false), Welch.mean(times, classOne, warmup, total, true),
                t[0], max, Welch.detectable(times, classOne, warmup, total, THRESHOLD));
    }
}

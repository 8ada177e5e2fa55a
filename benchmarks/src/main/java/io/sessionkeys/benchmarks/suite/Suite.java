package io.sessionkeys.benchmarks.suite;

import io.sessionkeys.benchmarks.Intrinsics;
import io.sessionkeys.benchmarks.NotProvidedException;
import io.sessionkeys.benchmarks.ProviderUnderTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the whole suite on the JDK it is started with: probes what each provider offers, runs JMH
 * for every row with the providers that offer it (the profile's forks per cell, or more where a row
 * asks, taken in rounds of one fork per provider; SunJCE-nointrinsics in forks of its own with the
 * intrinsics switched off), and writes into the output directory:
 * <ul>
 *   <li>{@code jmh-result.json}: JMH's JSON, all rows, with the GC profiler's allocation figures;</li>
 *   <li>{@code availability.tsv}: which cells were measured, not provided (and why), or failed;</li>
 *   <li>{@code environment.properties}: JDK, machine and profile, for the report's header;</li>
 *   <li>{@code jmh.log}: JMH's own console output.</li>
 * </ul>
 * The table and the chart are made from these files by {@code report.Report} and
 * {@code report.Chart}. Exit status: 0 when every cell that should run ran, 3 otherwise, 4 when
 * another JMH run holds the machine (JMH's {@code /tmp/jmh.lock}; a smoke run ignores it).
 *
 * <p>Usage: {@code Suite --profile smoke|short|full|publish --out DIR [--include REGEX] [--providers LABEL,...]}
 */
public final class Suite {

    /** Forked JVMs get a fixed, modest heap: comparable GC behaviour for every provider. */
    private static final List<String> FORK_JVM_ARGS = forkJvmArgs();
    /** JVM start, class loading and provider setup per fork, for the time estimate only. */
    private static final double FORK_OVERHEAD_SECONDS = 1.2;

    private final Profile profile;
    /** The providers to measure (labels); the others' cells are left out of the run and the table. */
    private final Set<String> providers;
    private final Path out;
    private final PrintStream jmhLog;
    private final List<RunResult> results = new ArrayList<>();
    private final List<String> availability = new ArrayList<>();
    private int errors;

    private Suite(Profile profile, Path out, PrintStream jmhLog, Set<String> providers) {
        this.providers = providers;
        this.profile = profile;
        this.out = out;
        this.jmhLog = jmhLog;
    }

    public static void main(String[] args) throws Exception {
        Profile profile = Profile.SHORT;
        Path out = null;
        Pattern include = Pattern.compile(".*");
        Set<String> providers = new LinkedHashSet<>(ProviderUnderTest.labels());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profile":
                    profile = Profile.byName(value(args, ++i));
                    break;
                case "--out":
                    out = Paths.get(value(args, ++i));
                    break;
                case "--include":
                    include = Pattern.compile(value(args, ++i));
                    break;
                case "--providers":
                    providers = new LinkedHashSet<>();
                    for (String label : value(args, ++i).split(",")) {
                        providers.add(ProviderUnderTest.byLabel(label.trim()).label());
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: Suite --profile"
                            + " smoke|short|full|publish --out DIR [--include REGEX] [--providers LABEL,...]");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Files.createDirectories(out);
        if (profile == Profile.SMOKE) {
            // JMH allows one run per machine (/tmp/jmh.lock) to keep numbers clean; smoke numbers
            // mean nothing, so a smoke run (CI) may overlap another.
            System.setProperty("jmh.ignoreLock", "true");
        }
        int status;
        try (PrintStream log = new PrintStream(Files.newOutputStream(out.resolve("jmh.log")), true,
                StandardCharsets.UTF_8)) {
            status = new Suite(profile, out, log, providers).run(include);
        }
        System.exit(status);
    }

    private int run(Pattern include) throws IOException, RunnerException {
        Environment.write(out.resolve("environment.properties"), profile);
        List<Run> plan = plan(include);
        writeFiles();
        int forks = plan.stream().mapToInt(r -> r.providers.size() * forks(r.benchmarkCase)).sum();
        double seconds = plan.stream().mapToDouble(r -> r.providers.size() * forks(r.benchmarkCase)
                * (profile.secondsPerFork(warmups(r.benchmarkCase)) + FORK_OVERHEAD_SECONDS)).sum();
        double minutes = seconds / 60;
        System.out.printf(Locale.ROOT, "%nProfile %s%n%d JMH runs, %d forks: about %.0f minutes on a quiet machine."
                + "%nJMH's own output goes to %s%n%n", profile, plan.size(), forks, Math.max(1, minutes),
                out.resolve("jmh.log"));
        long start = System.nanoTime();
        for (int i = 0; i < plan.size(); i++) {
            Run run = plan.get(i);
            System.out.printf(Locale.ROOT, "[%3d/%d %5.1f min] %s: %s%n", i + 1, plan.size(),
                    (System.nanoTime() - start) / 60e9, run.label(), String.join(", ", run.providers));
            try {
                execute(run);
            } catch (RunnerException e) {
                writeFiles();
                if (String.valueOf(e.getMessage()).contains("JMH lock")) {
                    System.out.println("\nStopped: another JMH run is using this machine (it holds /tmp/jmh.lock),"
                            + " and numbers taken beside it would be noise. Start again when it has finished.");
                    return 4;
                }
                throw e;
            }
            writeFiles();
        }
        System.out.printf(Locale.ROOT, "%nDone in %.1f minutes: %d results, %d error(s). Files in %s%n",
                (System.nanoTime() - start) / 60e9, results.size(), errors, out);
        return errors == 0 ? 0 : 3;
    }

    /** Forks per provider for a row: the profile's, or more where the row asks for more (not in smoke). */
    private int forks(BenchmarkCase c) {
        return profile == Profile.SMOKE ? profile.forks : Math.max(profile.forks, c.forksAtLeast());
    }

    /** Warm-up iterations for a row: the profile's for its size, or more where the row asks (not in smoke). */
    private int warmups(BenchmarkCase c) {
        int warmups = profile.warmupIterations(c.size());
        return profile == Profile.SMOKE ? warmups : Math.max(warmups, c.warmupsAtLeast());
    }

    /** Probes every cell, records the ones not provided, and groups the rest into JMH runs. */
    private List<Run> plan(Pattern include) {
        List<Run> plan = new ArrayList<>();
        List<String> switchOff = Intrinsics.switchOffArguments();
        for (BenchmarkCase c : Catalog.cases(profile)) {
            if (!include.matcher(c.toString()).find() && !include.matcher(c.benchmark()).find()) {
                continue;
            }
            List<String> measurable = new ArrayList<>();
            boolean sunJceOffers = false;
            for (ProviderUnderTest p : ProviderUnderTest.values()) {
                if (p == ProviderUnderTest.SUNJCE_NO_INTRINSICS || !providers.contains(p.label())) {
                    continue; // nointrinsics: decided from SunJCE's probe below
                }
                String note;
                try {
                    note = c.probe().open(p.label(), c.params());
                } catch (NotProvidedException e) {
                    record(c, p.label(), Availability.Status.NOT_PROVIDED, e.getMessage());
                    continue;
                } catch (Exception | LinkageError e) {
                    record(c, p.label(), Availability.Status.ERROR, "setup failed: " + oneLine(e));
                    errors++;
                    continue;
                }
                measurable.add(p.label());
                sunJceOffers |= p == ProviderUnderTest.SUNJCE;
                record(c, p.label(), Availability.Status.MEASURED, note);
            }
            if (!measurable.isEmpty()) {
                plan.add(new Run(c, measurable, List.of()));
            }
            if (c.intrinsicsMatter() && sunJceOffers
                    && providers.contains(ProviderUnderTest.SUNJCE_NO_INTRINSICS.label())) {
                String label = ProviderUnderTest.SUNJCE_NO_INTRINSICS.label();
                record(c, label, Availability.Status.MEASURED, "");
                plan.add(new Run(c, List.of(label), switchOff));
            }
        }
        return plan;
    }

    private void execute(Run run) throws RunnerException {
        // Several forks run in rounds, one fork per provider each (ForkRounds says why).
        ForkRounds rounds = new ForkRounds();
        for (int round = 0; round < forks(run.benchmarkCase); round++) {
            rounds.add(runOneFork(run, ForkRounds.order(run.providers, round)));
        }
        Set<String> measured = new LinkedHashSet<>();
        for (RunResult r : rounds.merged()) {
            // A provider with a failed fork in any round is an error, not a figure over fewer forks.
            if (r.getBenchmarkResults().size() == forks(run.benchmarkCase)) {
                results.add(r);
                measured.add(r.getParams().getParam("provider"));
            }
        }
        for (String provider : run.providers) {
            if (!measured.contains(provider)) {
                errors++;
                availability.removeIf(line -> line.startsWith(prefix(run.benchmarkCase, provider)));
                record(run.benchmarkCase, provider, Availability.Status.ERROR, "the benchmark failed: see jmh.log");
                System.out.println("    ERROR: " + provider + " failed; see " + out.resolve("jmh.log"));
            }
        }
    }

    private Collection<RunResult> runOneFork(Run run, List<String> providersInOrder) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(run.benchmarkCase.benchmark()) + "$")
                .param("provider", providersInOrder.toArray(new String[0]))
                .forks(1)
                .warmupIterations(warmups(run.benchmarkCase))
                .warmupTime(TimeValue.milliseconds(profile.warmupMillis))
                .measurementIterations(profile.measurementIterations)
                .measurementTime(TimeValue.milliseconds(profile.measurementMillis))
                .timeUnit(TimeUnit.SECONDS)
                .addProfiler(GCProfiler.class)
                .jvmArgs(FORK_JVM_ARGS.toArray(new String[0]))
                .jvmArgsAppend(run.jvmArgs.toArray(new String[0]))
                .shouldFailOnError(false);
        run.benchmarkCase.params().forEach((name, value) -> options.param(name, value));
        OutputFormat format = OutputFormatFactory.createFormatInstance(jmhLog, VerboseMode.NORMAL);
        return new Runner(options.build(), format).run();
    }

    private void record(BenchmarkCase c, String provider, Availability.Status status, String detail) {
        availability.add(Availability.line(c.benchmark(), c.paramsKey(), provider, status, detail));
    }

    private static String prefix(BenchmarkCase c, String provider) {
        return c.benchmark() + "\t" + c.paramsKey() + "\t" + provider + "\t";
    }

    private void writeFiles() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(Availability.HEADER);
        lines.addAll(availability);
        Files.write(out.resolve("availability.tsv"), lines, StandardCharsets.UTF_8);
        try (OutputStream file = Files.newOutputStream(out.resolve("jmh-result.json"));
                PrintStream json = new PrintStream(file, false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, json).writeOut(results);
        }
    }

    /**
     * The heap, plus what newer JDKs need to run the peers and JMH without warnings: from JDK 22,
     * native access for ACCP's and Conscrypt's System.load; from JDK 24, sun.misc.Unsafe's memory
     * methods, which JMH 1.37 calls.
     */
    private static List<String> forkJvmArgs() {
        // A fixed heap, resident from the start: without pre-touching, the kernel faults each page in
        // when G1 first fills it, and a fork's first seconds (or, for the provider that allocates
        // least, whole iterations) measured page faults, not the provider.
        List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"));
        // The driver's SessionKeys settings (run.sh --libcrypto, -Dsessionkeys.engine=...) hold in every fork.
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("sessionkeys.")) {
                args.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        int feature = Runtime.version().feature();
        if (feature >= 22) {
            args.add("--enable-native-access=ALL-UNNAMED");
        }
        if (feature >= 24) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(args);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage();
        return (t.getClass().getSimpleName() + (message == null ? "" : ": " + message)).replace('\n', ' ');
    }

    /** One JMH invocation: a row, the providers to fork for it, and extra JVM arguments. */
    private static final class Run {
        final BenchmarkCase benchmarkCase;
        final List<String> providers;
        final List<String> jvmArgs;

        Run(BenchmarkCase benchmarkCase, List<String> providers, List<String> jvmArgs) {
            this.benchmarkCase = benchmarkCase;
            this.providers = providers;
            this.jvmArgs = jvmArgs;
        }

        String label() {
            return benchmarkCase + (jvmArgs.isEmpty() ? "" : " (intrinsics off)");
        }
    }
}

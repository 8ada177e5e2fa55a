package io.sessionkeys.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a separate JVM (the same JDK as the tests) with the built provider jar, for the tests
 * where the JVM's own security set-up is involved: java.security registration, class-path drop-in,
 * heap dumps, the {@code java -jar} self-test.
 */
public final class ChildJvm {

    /** What a child JVM printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    private ChildJvm() {
    }

    /** The provider jar built by the provider module. */
    public static Path providerJar() {
        String jar = System.getProperty("sessionkeys.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("sessionkeys.jar does not name the built provider jar: " + jar
                    + " (run the tests through Maven: mvn verify)");
        }
        return Path.of(jar);
    }

    /** The filtered templates (java.security snippet, configuration template) as packaged. */
    public static Path packagedTemplate(String name) {
        return providerJar().getParent().resolve("classes/META-INF/sessionkeys").resolve(name);
    }

    /** This test module's compiled classes, where the child programs live. */
    public static Path testClasses() {
        return Path.of(System.getProperty("user.dir"), "target", "test-classes");
    }

    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Runs {@code java <args>} and waits up to two minutes. Native access is enabled, so that on
     * JDK 24+ children started by class path run the native engine too, as the tests' own JVM does.
     */
    public static Result run(List<String> args) throws IOException, InterruptedException {
        return runUnder(List.of(), args, true);
    }

    /** As {@link #run(List)}, with native access enabled or left at the JDK's default. */
    public static Result run(List<String> args, boolean nativeAccess) throws IOException, InterruptedException {
        return runUnder(List.of(), args, nativeAccess);
    }

    /**
     * As {@link #run(List)}, under {@code launcher}: a command that runs the rest of its arguments,
     * such as {@code prlimit --memlock=0 --}.
     */
    public static Result runUnder(List<String> launcher, List<String> args) throws IOException, InterruptedException {
        return runUnder(launcher, args, true);
    }

    private static Result runUnder(List<String> launcher, List<String> args, boolean nativeAccess)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.add(javaExecutable().toString());
        if (nativeAccess) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        // The engine under test runs in children too (the suite runs once per engine).
        String engine = System.getProperty("sessionkeys.engine");
        if (engine != null) {
            command.add("-Dsessionkeys.engine=" + engine);
        }
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Path out = Files.createTempFile("child-out", ".txt");
        Path err = Files.createTempFile("child-err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM did not finish in 2 minutes: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The class path for a child that runs one of this module's programs beside the provider jar. */
    public static String classPathWithProvider() {
        return providerJar() + java.io.File.pathSeparator + testClasses();
    }
}

package io.sessionkeys.compat.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a JVM of the JDK that runs the tests, as provider-tests' ChildJvm does: the built provider
 * jar is named by the {@code sessionkeys.jar} system property (set in the pom). A small copy rather
 * than a shared class, since sharing test code between modules would need a module of its own.
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
        return Path.of(jar).toAbsolutePath().normalize();
    }

    /**
     * This JVM's class path (the test classes and the libraries under test) without the provider,
     * which the reactor may put there as its jar or as its classes directory.
     */
    public static String classPathWithoutProvider() {
        Path jar = providerJar();
        Path classes = jar.getParent().resolve("classes");
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!path.equals(jar) && !path.equals(classes)) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /** Runs {@code <jdk tool> <args>} (java, keytool) and waits up to {@code minutes}. */
    public static Result run(String tool, List<String> args, int minutes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Path out = Files.createTempFile("child-out", ".txt");
        Path err = Files.createTempFile("child-err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM did not finish in " + minutes + " minutes: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

package io.sessionkeys.benchmarks.suite;

import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.benchmarks.Intrinsics;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;

/** What the numbers were measured on: written once per run, read by the report for its header. */
final class Environment {

    private Environment() {
    }

    static void write(Path file, Profile profile) throws IOException {
        Properties p = new Properties();
        p.setProperty("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        p.setProperty("profile", profile.name().toLowerCase(java.util.Locale.ROOT));
        p.setProperty("profile.detail", profile.toString());
        p.setProperty("jdk.version", System.getProperty("java.runtime.version", System.getProperty("java.version")));
        p.setProperty("jdk.vendor", System.getProperty("java.vendor", "?"));
        p.setProperty("jdk.vm", System.getProperty("java.vm.name", "?"));
        p.setProperty("jdk.home", System.getProperty("java.home", "?"));
        p.setProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        p.setProperty("cpu", cpuModel());
        p.setProperty("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        p.setProperty("sessionkeys.version", SessionKeysProvider.VERSION);
        p.setProperty("nointrinsics.flags", String.join(" ", Intrinsics.switchOffArguments()));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "SessionKeys benchmark run");
        }
    }

    private static String cpuModel() {
        Path cpuinfo = Paths.get("/proc/cpuinfo");
        try {
            List<String> lines = Files.readAllLines(cpuinfo, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // Not Linux, or not readable: the architecture is all we can say.
        }
        return System.getProperty("os.arch");
    }
}

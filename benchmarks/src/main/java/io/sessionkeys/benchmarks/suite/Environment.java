package io.sessionkeys.benchmarks.suite;

import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.benchmarks.Intrinsics;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

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
        p.setProperty("sessionkeys.engines", engines());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "SessionKeys benchmark run");
        }
    }

    /**
     * Which engine runs each SessionKeys algorithm in this JVM (and so, with the same settings, in
     * the forks): the provider's MXBean after a key generator was asked for. A key maker runs the
     * provider's checks when it is made, which select the engines; a Cipher would wait for its first
     * session key.
     */
    private static String engines() {
        try {
            javax.crypto.KeyGenerator.getInstance("AES", new SessionKeysProvider());
            Object engines = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName(SessionKeysMXBean.OBJECT_NAME), "Engines");
            StringBuilder text = new StringBuilder();
            for (Object row : ((TabularData) engines).values()) {
                CompositeData entry = (CompositeData) row;
                text.append(text.length() == 0 ? "" : "; ").append(entry.get("key")).append(": ")
                        .append(entry.get("value"));
            }
            return text.toString();
        } catch (Exception | LinkageError e) {
            return "unknown (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
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

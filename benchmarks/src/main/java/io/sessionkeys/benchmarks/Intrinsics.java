package io.sessionkeys.benchmarks;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HotSpot intrinsics that make SunJCE's AES, GHASH, ChaCha20 and Poly1305 fast. Switching
 * them off gives the pure-Java SunJCE baseline. Which flags exist depends on the JDK: JDK 17 has
 * the AES, AES-CTR and GHASH ones; JDK 25 adds ChaCha20 and Poly1305. All are diagnostic flags:
 * they need {@code -XX:+UnlockDiagnosticVMOptions}, and a JVM started without it does not even
 * show them through its management bean.
 */
public final class Intrinsics {

    private static final List<String> CANDIDATES = List.of(
            "UseAESIntrinsics", "UseAESCTRIntrinsics", "UseGHASHIntrinsics",
            "UseChaCha20Intrinsics", "UsePoly1305Intrinsics");
    private static final Pattern FLAG_LINE = Pattern.compile("^\\s*bool\\s+(\\w+)\\s+=");

    private Intrinsics() {
    }

    /**
     * The candidate flags this JDK knows, asked of a child JVM of the same JDK (the only way to
     * see diagnostic flags without unlocking them in this one).
     */
    public static List<String> presentFlags() {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:+UnlockDiagnosticVMOptions", "-XX:+PrintFlagsFinal",
                "-version").redirectErrorStream(true);
        List<String> present = new ArrayList<>();
        try {
            Process process = builder.start();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher m = FLAG_LINE.matcher(line);
                    if (m.find() && CANDIDATES.contains(m.group(1))) {
                        present.add(m.group(1));
                    }
                }
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException(java + " -XX:+PrintFlagsFinal -version failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot ask " + java + " for its flags", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + java + " for its flags", e);
        }
        if (present.isEmpty()) {
            throw new IllegalStateException(java + " has none of the intrinsics flags " + CANDIDATES
                    + ": not a HotSpot JVM?");
        }
        return present;
    }

    /** The JVM arguments that switch every present intrinsic off, for a forked JVM of this JDK. */
    public static List<String> switchOffArguments() {
        List<String> args = new ArrayList<>();
        args.add("-XX:+UnlockDiagnosticVMOptions");
        for (String flag : presentFlags()) {
            args.add("-XX:-" + flag);
        }
        return args;
    }

    /**
     * Throws unless the AES intrinsics are visibly off in this JVM, and every other candidate
     * it knows too, so that a result labelled "SunJCE-nointrinsics" is never secretly measured
     * with intrinsics on.
     */
    public static void requireSwitchedOff() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (String flag : CANDIDATES) {
            String value;
            try {
                value = hotspot.getVMOption(flag).getValue();
            } catch (IllegalArgumentException unknown) {
                if (flag.equals("UseAESIntrinsics")) {
                    value = "hidden (diagnostic flags not unlocked)";
                } else {
                    continue; // a flag newer than this JDK
                }
            }
            if (!"false".equals(value)) {
                throw new IllegalStateException("SunJCE-nointrinsics must run in a JVM started with "
                        + "-XX:+UnlockDiagnosticVMOptions and -XX:-<flag> for each of " + CANDIDATES
                        + " that the JDK has (" + flag + " is " + value + "); with JMH pass them as "
                        + "-jvmArgsAppend, or use benchmarks/run.sh");
            }
        }
    }
}

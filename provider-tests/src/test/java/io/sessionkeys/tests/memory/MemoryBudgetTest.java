package io.sessionkeys.tests.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sessionkeys.tests.install.programs.MemoryBudgetProbe;
import io.sessionkeys.tests.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The locked-memory budget (RLIMIT_MEMLOCK, set for a child JVM with {@code prlimit}): key
 * creation never fails for want of locked memory, the fallback is counted, and a setting that
 * demands locked memory where none can be had fails loudly.
 */
class MemoryBudgetTest {

    private static final int BUDGET = 256 * 1024;

    @BeforeAll
    static void needsPrlimitAndTheNativeLibrary() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "needs prlimit (Debian package util-linux)");
    }

    @Test
    void keysBeyondTheLockedBudget_areMadeInPlainMemory_andTheFallbackIsCounted() throws Exception {
        ChildJvm.Result r = ChildJvm.runUnder(List.of("prlimit", "--memlock=" + BUDGET + ":" + BUDGET, "--"),
                List.of("-cp", ChildJvm.classPathWithProvider(), MemoryBudgetProbe.class.getName(), "3000"));
        assertEquals(0, r.exitCode(), r.all());
        Map<String, String> report = report(r.stdout());
        assumeTrue(!report.get("tiers").equals("plain"), "no native library here: " + report.get("reason"));
        assertEquals("3000", report.get("keys"));
        long locked = Long.parseLong(report.get("locked bytes in use"));
        assertTrue(locked > 0 && locked <= BUDGET, "locked bytes in use " + locked + " against a budget of " + BUDGET);
        assertTrue(Long.parseLong(report.get("plain bytes")) > 0, "nothing fell back to plain memory: " + report);
        assertTrue(report.get("fallbacks").matches("[1-9][0-9]* \\(last: .*ENOMEM.*"), report.get("fallbacks"));
    }

    @Test
    void lockedDemanded_whereNoneCanBeHad_failsLoudly() throws Exception {
        ChildJvm.Result r = ChildJvm.runUnder(List.of("prlimit", "--memlock=0:0", "--"),
                List.of("-Dsessionkeys.memory=locked", "-jar", ChildJvm.providerJar().toString()));
        assumeTrue(!r.stdout().contains("no native library"), "no native library here");
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("sessionkeys.memory=locked, but that memory cannot be had"), r.all());
    }

    @Test
    void autoWithNoLockedBudget_runsOnPlainMemory() throws Exception {
        ChildJvm.Result r = ChildJvm.runUnder(List.of("prlimit", "--memlock=0:0", "--"),
                List.of("-cp", ChildJvm.classPathWithProvider(), MemoryBudgetProbe.class.getName(), "10"));
        assertEquals(0, r.exitCode(), r.all());
        Map<String, String> report = report(r.stdout());
        assertEquals("10", report.get("keys"));
        assertEquals("plain", report.get("tiers"), report.toString());
        assertEquals("0", report.get("locked bytes in use"));
    }

    private static Map<String, String> report(String stdout) {
        Map<String, String> m = new HashMap<>();
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }
}

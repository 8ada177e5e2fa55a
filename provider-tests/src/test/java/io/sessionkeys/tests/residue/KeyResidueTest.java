package io.sessionkeys.tests.residue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sessionkeys.tests.install.programs.ResidueProbe;
import io.sessionkeys.tests.support.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Destruction you can prove: a child JVM uses keys with known bytes through every service, gets
 * rid of them by one route, and its heap dumps and writable process memory are scanned for the
 * key, each 16-byte half, the AES round keys (standard forms and the engine's own) and the GHASH
 * subkey H = AES_K(0^128). SessionKeys must leave zero copies; the same run against SunJCE keys
 * is the comparison written to {@code target/residue-report.md}.
 *
 * <p>Positive controls, so that a zero means zero: a control array the child keeps must be found
 * in every image; once, while the keys are live, every key, every round key and H must be found
 * in the child's process memory in the form the engine keeps them (and nowhere in the live heap
 * dump, so they are off-heap); a whole-heap dump taken right after an RSA-OAEP unwrap into a
 * session key, before any collection could hide a dropped copy, must not hold the unwrapped key; SunJCE's keys, which {@code destroy()} cannot erase, must be found
 * after the explicit route. The engine is the one {@code sessionkeys.engine} names (passed on to
 * the child; "java" if unset).
 */
class KeyResidueTest {

    /**
     * What each memory tier the provider can report means for a scan of /proc/&lt;pid&gt;/mem while
     * keys are live: true if the keys must be visible there, false if the tier must hide them. A
     * tier missing here fails the test: whoever adds a tier says which it is.
     */
    private static final Map<String, Boolean> TIER_VISIBLE_TO_PROC_MEM = Map.of(
            // Direct memory, ordinary anonymous pages: any process with ptrace rights reads them.
            "plain", true,
            // Locked pages are left out of core dumps, not out of /proc/<pid>/mem.
            "locked", true,
            // memfd_secret pages: the kernel refuses reads through /proc/<pid>/mem (LiveKeyMemoryTest
            // checks core dumps and every tier in detail).
            "secret", false);

    private static final Map<String, Map<String, Integer>> REPORT = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @Test
    void explicitDestroy_keysSeenOffHeapWhileLive_noCopyAfter() throws Exception {
        Run run = runAndScan("SessionKeys", "explicit", true);
        assertLiveKeysSeenOffHeap(run);
        assertNoResidue(run);
    }

    @Test
    void expiry_leavesNoCopy() throws Exception {
        assertNoResidue(runAndScan("SessionKeys", "expiry", false));
    }

    @Test
    void scopeClose_leavesNoCopy() throws Exception {
        assertNoResidue(runAndScan("SessionKeys", "scope", false));
    }

    @Test
    void droppedAndCollected_leavesNoCopy() throws Exception {
        assertNoResidue(runAndScan("SessionKeys", "dropped", false));
    }

    /**
     * The comparison's own control: a SecretKeySpec's {@code destroy()} fails and leaves the key
     * as it was, so every key must still be found after the explicit route, in the heap and in
     * process memory. If not, the scan cannot see a copy where SunJCE leaves one.
     */
    @Test
    void sunJce_explicitDestroyAttempt_leavesEveryKeyBehind() throws Exception {
        Run run = runAndScan("SunJCE", "explicit", true);
        assertControlFound(run);
        for (String image : List.of(DESTROYED_HEAP, PROCESS_AFTER)) {
            if (run.images.containsKey(image)) {
                for (String key : run.patterns.keys()) {
                    assertTrue(run.images.get(image).get(key) >= 1, image + ": SunJCE's " + key + " not found");
                }
            }
        }
        skipIfProcessMemoryUnscanned(run);
    }

    /** SunJCE's keys dropped and collected: counted for the report, not asserted, except the control. */
    @Test
    void sunJce_dropped_copiesCountedForTheReport() throws Exception {
        Run run = runAndScan("SunJCE", "dropped", false);
        assertControlFound(run);
        skipIfProcessMemoryUnscanned(run);
    }

    private static final String LIVE_HEAP = "live.hprof";
    private static final String DESTROYED_HEAP = "destroyed.hprof";
    /** SessionKeys runs only: the whole heap, garbage too, just after an RSA-OAEP unwrap into a session key. */
    private static final String RSA_UNWRAP_HEAP = ResidueProbe.RSA_UNWRAP_DUMP;
    private static final String PROCESS_LIVE = "process memory, keys live";
    private static final String PROCESS_AFTER = "process memory";

    /** One child run: the patterns it was scanned for, the memory tier it reported, counts per image. */
    private record Run(String route, ResiduePatterns patterns, String tier, Map<String, Map<String, Integer>> images) {
    }

    private static void assertLiveKeysSeenOffHeap(Run run) {
        Boolean visible = TIER_VISIBLE_TO_PROC_MEM.get(run.tier);
        assertNotNull(visible, "the provider reports memory tier \"" + run.tier + "\", which "
                + "KeyResidueTest.TIER_VISIBLE_TO_PROC_MEM does not name: say whether it hides live keys");
        skipIfProcessMemoryUnscanned(run);
        Map<String, Integer> live = run.images.get(PROCESS_LIVE);
        List<String> expected = new ArrayList<>(run.patterns.keys());
        expected.addAll(run.patterns.derivedByEngine());
        for (String name : expected) {
            if (visible) {
                assertTrue(live.get(name) >= 1, "tier " + run.tier + ": live " + name + " not found in process"
                        + " memory, so the scan cannot see where keys live");
            } else {
                assertEquals(0, live.get(name), "tier " + run.tier + " should hide live keys, but " + name + " was found");
            }
        }
    }

    private static void assertNoResidue(Run run) {
        assertControlFound(run);
        for (Map.Entry<String, Map<String, Integer>> image : run.images.entrySet()) {
            if (image.getKey().equals(PROCESS_LIVE)) {
                continue; // the keys are live there: the positive control, checked separately
            }
            for (Map.Entry<String, Integer> c : image.getValue().entrySet()) {
                if (!c.getKey().equals("control")) {
                    assertEquals(0, c.getValue(), run.route + ", " + image.getKey() + ": found " + c.getKey());
                }
            }
        }
        skipIfProcessMemoryUnscanned(run);
    }

    private static void assertControlFound(Run run) {
        run.images.forEach((image, counts) -> assertTrue(counts.get("control") >= 1, run.route + ", " + image
                + ": the control array was not found, so the scan cannot be trusted"));
    }

    /** Outside Linux there is no /proc/&lt;pid&gt;/mem: the heap dumps were checked, process memory was not. */
    private static void skipIfProcessMemoryUnscanned(Run run) {
        assumeTrue(ProcessMemory.isLinux(), () -> "process memory not scanned: /proc/<pid>/mem is Linux only, this is "
                + System.getProperty("os.name") + " (heap dumps were checked)");
    }

    /** Runs the probe and scans its images; on Linux, process memory while live if asked, and after. */
    private Run runAndScan(String provider, String route, boolean scanLive) throws Exception {
        long seed = System.nanoTime();
        ResiduePatterns patterns = new ResiduePatterns(seed, EngineLayout.selected());
        PatternScanner scanner = patterns.scanner();
        Path dumps = Files.createDirectories(dir.resolve(provider + "-" + route));
        // Plain memory, so that the live scan sees where keys live and the scans after destruction
        // read the very slots that were zeroed; what the stronger tiers hide, LiveKeyMemoryTest checks.
        // Native access as in the tests' own JVM, so that on JDK 24+ the child runs the native engine too.
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaExecutable().toString(), "-Xmx96m",
                "-Dsessionkeys.memory=plain", "--enable-native-access=ALL-UNNAMED"));
        String engine = System.getProperty(EngineLayout.PROPERTY);
        if (engine != null) {
            command.add("-D" + EngineLayout.PROPERTY + "=" + engine);
        }
        command.addAll(List.of("-cp", ChildJvm.classPathWithProvider(), ResidueProbe.class.getName(),
                Long.toString(seed), provider, route, dumps.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Map<String, Integer>> images = new LinkedHashMap<>();
        String tier;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            String[] live = awaitLine(out, "LIVE ").split(" ");
            long pid = Long.parseLong(live[1]);
            tier = live[2];
            if (scanLive && ProcessMemory.isLinux()) {
                images.put(PROCESS_LIVE, scanProcess(pid, scanner));
            }
            in.write("continue\n");
            in.flush();
            awaitLine(out, "READY ");
            for (String dump : List.of(LIVE_HEAP, RSA_UNWRAP_HEAP, DESTROYED_HEAP)) {
                if (dump.equals(RSA_UNWRAP_HEAP) && !Files.exists(dumps.resolve(dump))) {
                    continue; // SunJCE runs do no RSA unwrap into a session key
                }
                scanner.reset();
                scanner.scan(dumps.resolve(dump));
                images.put(dump, scanner.counts());
            }
            if (ProcessMemory.isLinux()) {
                images.put(PROCESS_AFTER, scanProcess(pid, scanner));
            }
            in.write("done\n");
            in.flush();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not exit");
        } finally {
            child.destroyForcibly();
        }
        images.forEach((image, counts) -> REPORT.put(provider + ", " + route + ", " + image, counts));
        return new Run(route, patterns, tier, images);
    }

    private static Map<String, Integer> scanProcess(long pid, PatternScanner scanner) throws IOException {
        scanner.reset();
        ProcessMemory.Coverage covered = ProcessMemory.scan(pid, scanner);
        assertTrue(covered.bytes() > 0, "no process memory could be read");
        return scanner.counts();
    }

    private static String awaitLine(BufferedReader out, String prefix) throws IOException {
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child ended before " + prefix.trim() + ":\n" + seen);
    }

    /** Writes the comparison table (copies found per image) for the README. */
    @AfterAll
    static void writeReport() throws IOException {
        if (REPORT.isEmpty()) {
            return;
        }
        StringBuilder md = new StringBuilder("| provider, route, image | key copies | halves | round keys | H | control |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        REPORT.forEach((image, counts) -> md.append("| ").append(image).append(" | ")
                .append(sum(counts, n -> n.endsWith(" key"))).append(" | ")
                .append(sum(counts, n -> n.endsWith(" half"))).append(" | ")
                .append(sum(counts, n -> n.contains("round key"))).append(" | ")
                .append(sum(counts, n -> n.contains("subkey H"))).append(" | ")
                .append(counts.get("control")).append(" |\n"));
        Path out = Path.of(System.getProperty("user.dir"), "target", "residue-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }

    private static int sum(Map<String, Integer> counts, Predicate<String> pattern) {
        return counts.entrySet().stream().filter(e -> pattern.test(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }
}

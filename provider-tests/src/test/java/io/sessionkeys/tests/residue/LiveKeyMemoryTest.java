package io.sessionkeys.tests.residue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sessionkeys.tests.install.programs.LiveKeyProbe;
import io.sessionkeys.tests.support.ChildJvm;
import io.sessionkeys.tests.support.KeyPattern;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an image of a running process shows of its <em>live</em> session keys, per memory tier:
 * a child JVM holds an AES-256 and a ChaCha20 key (used, so every engine has made its per-key
 * state; the ChaCha20 key also wrapped with AES-KW under the AES key and unwrapped into a second
 * session key) while this test reads its live heap dump, its memory through {@code /proc/<pid>/mem},
 * and a core dump taken with {@code gcore}.
 *
 * <ul>
 *   <li>{@code plain}: the keys are found in process memory and the core dump. This is the
 *       positive control: it shows the scans reach the memory where session keys live.
 *   <li>{@code locked}: found in process memory, absent from the core dump.
 *   <li>{@code secret}: absent from both.
 * </ul>
 * In every tier the keys are absent from the heap dump, and a control array on the heap is found
 * in every image (else the image proves nothing).
 */
class LiveKeyMemoryTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "sessionkeys.memory={0}")
    @ValueSource(strings = {"plain", "locked", "secret"})
    void liveKeys_imagesOfTheProcess_showWhatTheTierAllows(String tier) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/mem")), "needs Linux /proc to image a process");
        assumeTrue(gcoreAvailable(), "needs gcore (Debian package gdb; .ci/run installs it) to take a core dump");
        long seed = System.nanoTime();
        Map<String, Map<String, Integer>> images = imageLiveProbe(seed, tier);

        for (Map.Entry<String, Map<String, Integer>> image : images.entrySet()) {
            assertTrue(image.getValue().get("control") >= 1,
                    tier + ", " + image.getKey() + ": the control array was not found, so this image proves nothing");
        }
        Map<String, Integer> heap = images.get("heap dump");
        Map<String, Integer> process = images.get("process memory");
        Map<String, Integer> core = images.get("core dump");
        for (String key : keyPatterns()) {
            assertEquals(0, heap.get(key), tier + ": " + key + " in the heap dump");
            switch (tier) {
                case "plain":
                    assertTrue(process.get(key) >= 1, "plain: " + key + " not found in process memory: the scan"
                            + " does not reach the key arena");
                    assertTrue(core.get(key) >= 1, "plain: " + key + " not found in the core dump: the dump does"
                            + " not hold the key arena");
                    break;
                case "locked":
                    assertTrue(process.get(key) >= 1, "locked: " + key + " not found in process memory");
                    assertEquals(0, core.get(key), "locked: " + key + " in the core dump");
                    break;
                default:
                    assertEquals(0, process.get(key), "secret: " + key + " readable through /proc/<pid>/mem");
                    assertEquals(0, core.get(key), "secret: " + key + " in the core dump");
            }
        }
        // The AES round keys as OpenSSL keeps them, when the native engine runs GCM.
        if (nativeGcm) {
            int process0 = sum(process, "round key");
            int core0 = sum(core, "round key");
            if (tier.equals("plain")) {
                assertTrue(process0 >= 1 && core0 >= 1, "plain: OpenSSL's AES round keys not found (process "
                        + process0 + ", core " + core0 + "): the scan cannot see a native schedule");
            } else {
                assertEquals(0, core0, tier + ": OpenSSL's AES round keys in the core dump");
                if (tier.equals("secret")) {
                    assertEquals(0, process0, "secret: OpenSSL's AES round keys readable through /proc/<pid>/mem");
                }
            }
        }
    }

    private boolean nativeGcm;
    private final PatternScanner scanner = new PatternScanner();
    private final List<String> keyNames = new ArrayList<>();

    private List<String> keyPatterns() {
        return keyNames;
    }

    private Map<String, Map<String, Integer>> imageLiveProbe(long seed, String tier) throws Exception {
        addPatterns(seed);
        Path heapDump = dir.resolve("live.hprof");
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaExecutable().toString(),
                // A small JVM, so that its core dump is small and quick to take.
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xmx48m", "-XX:ReservedCodeCacheSize=24m",
                "-XX:CompressedClassSpaceSize=32m",
                "-Dsessionkeys.memory=" + tier));
        String engine = System.getProperty("sessionkeys.engine");
        if (engine != null) {
            command.add("-Dsessionkeys.engine=" + engine);
        }
        command.addAll(List.of("-cp", ChildJvm.classPathWithProvider(), LiveKeyProbe.class.getName(),
                Long.toString(seed), heapDump.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MALLOC_ARENA_MAX", "1"); // no 64 MiB malloc arenas per thread in the core
        Process child = builder.start();
        Map<String, Map<String, Integer>> images = new LinkedHashMap<>();
        try {
            Map<String, String> said = awaitReady(child);
            long pid = Long.parseLong(said.get("READY"));
            assertTrue(said.get("TIERS").startsWith(tier.equals("plain") ? "plain" : tier),
                    "the child runs memory tiers " + said.get("TIERS") + ", not " + tier);
            nativeGcm = said.get("ENGINE").startsWith("OpenSSL");
            images.put("heap dump", scan(heapDump));
            scanner.reset();
            assertTrue(ProcessMemory.scan(pid, scanner).bytes() > 0, "no process memory could be read");
            images.put("process memory", scanner.counts());
            Path core = dir.resolve("core");
            Process gcore = new ProcessBuilder("gcore", "-o", core.toString(), Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("gcore.log").toFile()).start();
            assertTrue(gcore.waitFor(120, TimeUnit.SECONDS) && gcore.exitValue() == 0,
                    "gcore failed: " + Files.readString(dir.resolve("gcore.log")));
            Path coreFile = core.resolveSibling("core." + pid);
            images.put("core dump", scan(coreFile));
            Files.delete(coreFile);
            try (OutputStream in = child.getOutputStream()) {
                in.write("done\n".getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not exit");
        } finally {
            child.destroyForcibly();
        }
        return images;
    }

    private Map<String, Integer> scan(Path file) throws IOException {
        scanner.reset();
        scanner.scan(file);
        return scanner.counts();
    }

    private void addPatterns(long seed) {
        scanner.add("control", KeyPattern.control(seed));
        for (int i = 0; i < LiveKeyProbe.ALGORITHMS.length; i++) {
            String name = LiveKeyProbe.ALGORITHMS[i] + " key";
            scanner.add(name, KeyPattern.bytes(seed + i, LiveKeyProbe.LENGTH));
            keyNames.add(name);
        }
        int[] schedule = AesReference.expand(KeyPattern.bytes(seed, LiveKeyProbe.LENGTH));
        for (int r = 2; r < schedule.length / 4; r++) {
            scanner.add("AES round key " + r, AesReference.roundKey(schedule, r, true));
        }
    }

    private static int sum(Map<String, Integer> counts, String part) {
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getKey().contains(part)) {
                n += e.getValue();
            }
        }
        return n;
    }

    private static Map<String, String> awaitReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> said = new HashMap<>();
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            int space = line.indexOf(' ');
            if (space > 0) {
                said.put(line.substring(0, space), line.substring(space + 1).trim());
            }
            if (line.startsWith("READY ")) {
                return said;
            }
        }
        throw new AssertionError("child ended before READY:\n" + seen);
    }

    private static boolean gcoreAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "gcore"))) {
                return true;
            }
        }
        return false;
    }
}

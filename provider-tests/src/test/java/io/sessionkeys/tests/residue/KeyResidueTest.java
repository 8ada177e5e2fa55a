package io.sessionkeys.tests.residue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.tests.install.programs.ResidueProbe;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Destruction you can prove: a child JVM uses keys with known bytes through every service, gets
 * rid of them by one route, and its heap dumps and writable process memory are scanned for the
 * key, each 16-byte half, the standard AES round-key schedule in both word orders, and the GHASH
 * subkey H = AES_K(0^128). SessionKeys must leave zero copies; the same run against SunJCE keys
 * is the comparison written to {@code target/residue-report.md}.
 */
class KeyResidueTest {

    private static final Map<String, Map<String, Integer>> REPORT = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @Test
    void explicitDestroy_leavesNoCopy() throws Exception {
        assertNoResidue("explicit");
    }

    @Test
    void expiry_leavesNoCopy() throws Exception {
        assertNoResidue("expiry");
    }

    @Test
    void scopeClose_leavesNoCopy() throws Exception {
        assertNoResidue("scope");
    }

    @Test
    void droppedAndCollected_leavesNoCopy() throws Exception {
        assertNoResidue("dropped");
    }

    /**
     * The comparison: SunJCE's keys after {@code destroy()} (which fails for a SecretKeySpec) and
     * after being dropped. Counted for the report, not asserted, except the control.
     */
    @Test
    void sunJce_destroyAttemptedOrDropped_copiesCountedForTheReport() throws Exception {
        for (String route : List.of("explicit", "dropped")) {
            Map<String, Map<String, Integer>> images = runAndScan("SunJCE", route);
            for (Map.Entry<String, Map<String, Integer>> image : images.entrySet()) {
                assertTrue(image.getValue().get("control") >= 1, image.getKey() + ": control not found");
            }
        }
    }

    private void assertNoResidue(String route) throws Exception {
        Map<String, Map<String, Integer>> images = runAndScan("SessionKeys", route);
        for (Map.Entry<String, Map<String, Integer>> image : images.entrySet()) {
            Map<String, Integer> counts = image.getValue();
            assertTrue(counts.get("control") >= 1, image.getKey() + ": the control array was not found, so the"
                    + " scan cannot be trusted");
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                if (!c.getKey().equals("control")) {
                    assertEquals(0, c.getValue(), route + ", " + image.getKey() + ": found " + c.getKey());
                }
            }
        }
    }

    /** Runs the probe and scans its three images; returns counts per image and pattern. */
    private Map<String, Map<String, Integer>> runAndScan(String provider, String route) throws Exception {
        long seed = System.nanoTime();
        PatternScanner scanner = patterns(seed);
        Path dumps = Files.createDirectories(dir.resolve(provider + "-" + route));
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaExecutable().toString(), "-Xmx96m",
                "-cp", ChildJvm.classPathWithProvider(), ResidueProbe.class.getName(),
                Long.toString(seed), provider, route, dumps.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Map<String, Integer>> images = new LinkedHashMap<>();
        try {
            long pid = awaitReady(child);
            for (String dump : List.of("live.hprof", "destroyed.hprof")) {
                scanner.reset();
                scanner.scan(dumps.resolve(dump));
                images.put(dump, scanner.counts());
            }
            if (ProcessMemory.available()) {
                scanner.reset();
                long bytes = ProcessMemory.scan(pid, scanner);
                assertTrue(bytes > 0, "no process memory could be read");
                images.put("process memory", scanner.counts());
            }
            try (OutputStream in = child.getOutputStream()) {
                in.write("done\n".getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not exit");
        } finally {
            child.destroyForcibly();
        }
        images.forEach((image, counts) -> REPORT.put(provider + ", " + route + ", " + image, counts));
        return images;
    }

    private static long awaitReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return Long.parseLong(line.substring(6).trim());
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child ended before READY:\n" + seen);
    }

    private static PatternScanner patterns(long seed) throws Exception {
        PatternScanner s = new PatternScanner();
        s.add("control", KeyPattern.control(seed));
        for (int i = 0; i < ResidueProbe.ALGORITHMS.length; i++) {
            String name = ResidueProbe.ALGORITHMS[i] + "-" + ResidueProbe.LENGTHS[i] * 8;
            byte[] key = KeyPattern.bytes(seed + i, ResidueProbe.LENGTHS[i]);
            s.add(name + " key", key);
            if (key.length == 32) {
                s.add(name + " first half", Arrays.copyOfRange(key, 0, 16));
                s.add(name + " second half", Arrays.copyOfRange(key, 16, 32));
            }
            if (ResidueProbe.ALGORITHMS[i].equals("AES")) {
                int[] schedule = AesReference.expand(key);
                for (int r = 1; r < schedule.length / 4; r++) {
                    s.add(name + " round key " + r + " (big-endian words)", AesReference.roundKey(schedule, r, true));
                    s.add(name + " round key " + r + " (little-endian words)", AesReference.roundKey(schedule, r, false));
                }
                Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding", "SunJCE");
                ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
                s.add(name + " GHASH subkey H", ecb.doFinal(new byte[16]));
            }
        }
        return s;
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
                .append(sum(counts, n -> n.endsWith("subkey H"))).append(" | ")
                .append(counts.get("control")).append(" |\n"));
        Path out = Path.of(System.getProperty("user.dir"), "target", "residue-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }

    private static int sum(Map<String, Integer> counts, Predicate<String> pattern) {
        return counts.entrySet().stream().filter(e -> pattern.test(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }
}

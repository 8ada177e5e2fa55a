package io.sessionkeys.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report and Chart on a small, hand-made run directory in the suite's formats. */
class ReportAndChartTest {

    private static final String PKG = "io.sessionkeys.benchmarks.";

    @TempDir
    Path dir;

    @BeforeEach
    void writeRun() throws IOException {
        String json = "[" + String.join(",",
                result("AeadBenchmark.encrypt", "SessionKeys", "AES-128-GCM", "1024", 20000, 1000, 512),
                result("AeadBenchmark.encrypt", "SunJCE", "AES-128-GCM", "1024", 10000, "NaN", 2048),
                result("AeadBenchmark.encrypt", "ACCP", "AES-128-GCM", "1024", 40000, 400, 0),
                result("AeadBenchmark.encrypt", "SessionKeys", "AES-128-GCM", "65536", 500, 10, 512),
                result("AeadBenchmark.encrypt", "SunJCE", "AES-128-GCM", "65536", 1000, 10, 2048)
                        .replace("\"scoreUnit\":\"ops/s\"}", "\"scoreUnit\":\"ops/s\",\"rawData\":[[500,600,"
                                + "1000,1000,1400,1500]]}"),
                keyLife("generateDestroy", "SessionKeys", 1_500_000),
                keyLife("generate", "SunJCE", 2_000_000)) + "]";
        Files.writeString(dir.resolve("jmh-result.json"), json, StandardCharsets.UTF_8);
        Files.write(dir.resolve("availability.tsv"), List.of(
                "benchmark\tparams\tprovider\tstatus\tdetail",
                PKG + "AeadBenchmark.encrypt\talgorithm=AES-128-GCM,size=1024\tSessionKeys\tMEASURED\t",
                PKG + "AeadBenchmark.encrypt\talgorithm=AES-128-GCM,size=1024\tSunJCE\tMEASURED\t",
                PKG + "AeadBenchmark.encrypt\talgorithm=AES-128-GCM,size=1024\tACCP\tMEASURED\t",
                PKG + "AeadBenchmark.encrypt\talgorithm=AES-128-GCM,size=1024\tBC\tERROR\tthe benchmark failed",
                PKG + "AeadBenchmark.encrypt\talgorithm=AES-128-GCM,size=1024\tConscrypt\tNOT_PROVIDED\tno Cipher X",
                PKG + "AeadBenchmark.encrypt\talgorithm=AES-128-GCM,size=65536\tSessionKeys\tMEASURED\t",
                PKG + "AeadBenchmark.encrypt\talgorithm=AES-128-GCM,size=65536\tSunJCE\tMEASURED\t",
                PKG + "KeyLifeBenchmark.generate\t\tSunJCE\tMEASURED\t",
                PKG + "KeyLifeBenchmark.generateDestroy\t\tSessionKeys\tMEASURED\t"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("environment.properties"), "jdk.version=17.0.test\nprofile=short\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void report_aeadRow_showsMiBPerSecondRatiosAndStatuses() throws IOException {
        String report = report();

        // 20000 ops/s of 1 KiB = 19.5 MiB/s; SunJCE 9.77; ACCP 39.1, the best peer. Providers without
        // a cell in the run (SessionKeys-java, SunJCE-nointrinsics) get no column.
        assertTrue(report.contains("| algorithm | size | SessionKeys | SunJCE | BC | ACCP | Conscrypt | SK ÷ SunJCE |"),
                report);
        assertTrue(report.contains("| AES-128-GCM | 1 KiB | 19.5 ±5% | 9.77 | **error** [1] | 39.1 ±1% |"
                + " not provided [2] | 2.00× | 0.50× (ACCP) |"), report);
        assertTrue(report.contains("[1] the benchmark failed"), report);
        assertTrue(report.contains("[2] no Cipher X"), report);
    }

    @Test
    void report_cellStillSpeedingUp_isMarkedNotWarmWithTheReason() throws IOException {
        String report = report();

        // SunJCE at 64 KiB: last two iterations average 1450, first two 550: 2.6× faster at the end.
        assertTrue(report.contains("| AES-128-GCM | 64 KiB | 31.3 ±2% | **not warm** 62.5 ±1% [3] |"), report);
        assertTrue(report.contains("[3] The last third of this cell's measurement iterations ran more than 1.15×"),
                report);
        assertFalse(report.contains("**not warm** 9.77"), report);
    }

    @Test
    void lateSpeedup_comparesLastThirdWithFirstThird_perForkAndForTimeScores() {
        List<Object> climbing = List.of(List.of(100.0, 100.0, 150.0, 150.0, 200.0, 200.0));
        List<Object> steady = List.of(List.of(100.0, 101.0, 99.0), List.of(50.0, 50.0, 50.0));

        assertEquals(2.0, ResultFiles.lateSpeedup(climbing, false), 1e-9);
        assertEquals(0.5, ResultFiles.lateSpeedup(climbing, true), 1e-9);
        assertEquals((0.99 + 1.0) / 2, ResultFiles.lateSpeedup(steady, false), 1e-9);
        assertTrue(Double.isNaN(ResultFiles.lateSpeedup(List.of(List.of(1.0, 2.0)), false)));
        assertTrue(Double.isNaN(ResultFiles.lateSpeedup(null, false)));
    }

    @Test
    void report_keyLifeBudget_dividesSunJceGenerateBySessionKeysGenerateDestroy() throws IOException {
        String report = report();

        assertTrue(report.contains("cost ratio (SessionKeys time ÷ SunJCE time): **1.33×**, limit 2.00×: **met**"),
                report);
    }

    @Test
    void report_allocation_listsSessionKeysAndSunJce() throws IOException {
        String report = report();

        assertTrue(report.contains("| AeadBenchmark.encrypt | algorithm=AES-128-GCM, size=1024 | 512 | 2,048 |"),
                report);
    }

    @Test
    void chart_aeadResults_drawsPng() throws IOException {
        Chart.main(new String[] {dir.toString()});

        BufferedImage image = ImageIO.read(dir.resolve("throughput.png").toFile());
        assertEquals(1860, image.getWidth());
        assertEquals(1060, image.getHeight());
    }

    private String report() throws IOException {
        Report.main(new String[] {dir.toString()});
        return Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
    }

    private static String result(String benchmark, String provider, String algorithm, String size, double score,
            Object error, double bytesPerOp) {
        return "{\"benchmark\":\"" + PKG + benchmark + "\",\"mode\":\"thrpt\",\"params\":{\"algorithm\":\""
                + algorithm + "\",\"provider\":\"" + provider + "\",\"size\":\"" + size + "\"},"
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":"
                + (error instanceof String ? "\"" + error + "\"" : error) + ",\"scoreUnit\":\"ops/s\"},"
                + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":" + bytesPerOp
                + ",\"scoreUnit\":\"B/op\"}}}";
    }

    private static String keyLife(String method, String provider, double score) {
        return "{\"benchmark\":\"" + PKG + "KeyLifeBenchmark." + method + "\",\"params\":{\"provider\":\"" + provider
                + "\"},\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":0},\"secondaryMetrics\":{}}";
    }
}

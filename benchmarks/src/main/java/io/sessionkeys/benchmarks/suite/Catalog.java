package io.sessionkeys.benchmarks.suite;

import io.sessionkeys.benchmarks.AeadBenchmark;
import io.sessionkeys.benchmarks.BlockModeBenchmark;
import io.sessionkeys.benchmarks.HkdfBenchmark;
import io.sessionkeys.benchmarks.HkdfRoute;
import io.sessionkeys.benchmarks.HmacBenchmark;
import io.sessionkeys.benchmarks.KeyLifeBenchmark;
import io.sessionkeys.benchmarks.ProviderUnderTest;
import io.sessionkeys.benchmarks.TlsBulkBenchmark;
import io.sessionkeys.benchmarks.WrapBenchmark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row the suite measures, and how to probe each one. The probes run the benchmarks' own
 * {@code @Setup} code on a state object, so "not provided" means exactly what a fork would hit.
 */
final class Catalog {

    private static final List<String> AEAD_ALGORITHMS = List.of("AES-128-GCM", "AES-256-GCM", "ChaCha20-Poly1305");
    /** Block modes and their message size: CFB8 (one AES block per byte) at 1 KiB. */
    private static final Map<String, String> BLOCK_MODES = blockModes();
    private static final List<String> WRAP_ALGORITHMS = List.of("AES-KW", "AES-KWP", "RSA-OAEP-SHA256");
    private static final List<String> TLS_SUITES =
            List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
    private static final int TLS_FORKS = 4;
    private static final int TLS_WARMUPS = 15;
    /**
     * A key's life is a microsecond of small allocations, native calls and a few cache lines, and
     * its speed moves from one JVM to the next by more than the margins read from these rows: on
     * JDK 25, warm forks of SunJCE ran at 1.0M and 0.75M ops/s, and SessionKeys' at 1.2M and 0.84M.
     */
    private static final int KEY_LIFE_FORKS = 4;
    private static final List<String> HMACS = List.of("HmacSHA256", "HmacSHA512");
    private static final List<String> HMAC_SIZES = List.of("64", "1024", "16384");

    private Catalog() {
    }

    private static Map<String, String> blockModes() {
        Map<String, String> modes = new LinkedHashMap<>();
        for (String mode : List.of("AES-256-CTR", "AES-256-CBC", "AES-256-CFB", "AES-256-OFB")) {
            modes.put(mode, "16384");
        }
        modes.put("AES-256-CFB8", "1024");
        return modes;
    }

    static List<BenchmarkCase> cases(Profile profile) {
        List<BenchmarkCase> cases = new ArrayList<>();
        for (String method : List.of("encrypt", "decrypt")) {
            for (String algorithm : AEAD_ALGORITHMS) {
                for (String size : profile.aeadSizes) {
                    cases.add(new BenchmarkCase(name(AeadBenchmark.class, method),
                            params("algorithm", algorithm, "size", size), true, Catalog::probeAead));
                }
            }
        }
        for (String method : List.of("encryptDirect", "decryptDirect")) {
            cases.add(new BenchmarkCase(name(AeadBenchmark.class, method),
                    params("algorithm", "AES-256-GCM", "size", "16384"), true, Catalog::probeAead));
        }
        for (String method : List.of("encrypt", "decrypt")) {
            for (Map.Entry<String, String> mode : BLOCK_MODES.entrySet()) {
                cases.add(new BenchmarkCase(name(BlockModeBenchmark.class, method),
                        params("algorithm", mode.getKey(), "size", mode.getValue()), true, Catalog::probeBlockMode));
            }
        }
        cases.add(keyLife("generate", false, (who, p) -> {
            KeyLifeBenchmark.Generation s = new KeyLifeBenchmark.Generation();
            s.provider = who;
            s.open();
            return "";
        }));
        cases.add(keyLife("generateDestroy", false, (who, p) -> {
            KeyLifeBenchmark.DestroyableGeneration s = new KeyLifeBenchmark.DestroyableGeneration();
            s.provider = who;
            s.open();
            return "";
        }));
        cases.add(keyLife("generateEncryptDestroy", true, (who, p) -> {
            KeyLifeBenchmark.EncryptingGeneration s = new KeyLifeBenchmark.EncryptingGeneration();
            s.provider = who;
            s.open();
            return s.destroysKeys() ? "" : "without destroy(): its keys cannot be destroyed";
        }));
        cases.add(keyLife("importKey", false, (who, p) -> {
            KeyLifeBenchmark.Importing s = new KeyLifeBenchmark.Importing();
            s.provider = who;
            s.open();
            return "";
        }));
        for (String method : List.of("wrap", "unwrap")) {
            for (String algorithm : WRAP_ALGORITHMS) {
                cases.add(new BenchmarkCase(name(WrapBenchmark.class, method), params("algorithm", algorithm),
                        !algorithm.startsWith("RSA"), Catalog::probeWrap));
            }
        }
        for (String algorithm : HMACS) {
            for (String size : HMAC_SIZES) {
                cases.add(new BenchmarkCase(name(HmacBenchmark.class, "tag"), params("algorithm", algorithm,
                        "size", size), false, Catalog::probeHmac));
            }
        }
        cases.add(new BenchmarkCase(name(HkdfBenchmark.class, "derive"), Map.of(), false, (who, params) -> {
            HkdfBenchmark b = new HkdfBenchmark();
            b.provider = who;
            b.open();
            return HkdfRoute.routeNote(ProviderUnderTest.byLabel(who));
        }));
        // The JDK's TLS with SessionKeys first ("SessionKeys") and without it ("SunJCE"); no other provider.
        // One JVM's TLS throughput differs from the next one's by far more than the 5% this row is
        // read for (1,400-3,000 MiB/s seen for the same provider on JDK 25), so it averages forks;
        // and JSSE's record path was still speeding up after 5 s of warm-up in every publish fork.
        for (String suite : TLS_SUITES) {
            cases.add(new BenchmarkCase(name(TlsBulkBenchmark.class, "transfer"), params("suite", suite), false,
                    Catalog::probeTls, TLS_FORKS, TLS_WARMUPS));
        }
        return cases;
    }

    private static String probeTls(String who, Map<String, String> params) throws Exception {
        TlsBulkBenchmark b = new TlsBulkBenchmark();
        b.provider = who;
        b.suite = params.get("suite");
        b.connect();
        b.close();
        return "";
    }

    private static String probeAead(String who, Map<String, String> params) throws Exception {
        AeadBenchmark b = new AeadBenchmark();
        b.provider = who;
        b.algorithm = params.get("algorithm");
        b.size = Integer.parseInt(params.get("size"));
        b.open();
        b.close();
        return "";
    }

    private static String probeBlockMode(String who, Map<String, String> params) throws Exception {
        BlockModeBenchmark b = new BlockModeBenchmark();
        b.provider = who;
        b.algorithm = params.get("algorithm");
        b.size = Integer.parseInt(params.get("size"));
        b.open();
        b.close();
        return "";
    }

    private static String probeHmac(String who, Map<String, String> params) throws Exception {
        HmacBenchmark b = new HmacBenchmark();
        b.provider = who;
        b.algorithm = params.get("algorithm");
        b.size = Integer.parseInt(params.get("size"));
        b.open();
        b.close();
        return "";
    }

    private static String probeWrap(String who, Map<String, String> params) throws Exception {
        WrapBenchmark b = new WrapBenchmark();
        b.provider = who;
        b.algorithm = params.get("algorithm");
        b.open();
        b.close();
        return "";
    }

    private static BenchmarkCase keyLife(String method, boolean intrinsicsMatter, Probe probe) {
        return new BenchmarkCase(name(KeyLifeBenchmark.class, method), Map.of(), intrinsicsMatter, probe,
                KEY_LIFE_FORKS, 0);
    }

    private static String name(Class<?> benchmarkClass, String method) {
        return benchmarkClass.getName() + "." + method;
    }

    private static Map<String, String> params(String... nameValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        return params;
    }
}

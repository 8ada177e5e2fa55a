package io.sessionkeys.compat.support;

import io.sessionkeys.compat.scenario.Outcome;
import io.sessionkeys.compat.scenario.ScenarioRunner;
import io.sessionkeys.compat.scenario.TlsMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Runs the scenarios in a child JVM in one configuration: the plain JDK, or SessionKeys first through
 * the java.security snippet shipped in the built jar (optionally with a configuration file).
 */
public final class SuiteRun {

    /** The outcomes of one child JVM, by case id, in run order; what it was set up with; how long it took. */
    public record Outcomes(Map<String, Outcome> byCase, Map<String, String[]> catalog, Map<String, String> setUp,
            long millis) {
    }

    private final Path work;
    private final Path keyStore;

    public SuiteRun(Path work) throws Exception {
        this.work = Files.createDirectories(work);
        this.keyStore = makeKeyStore(work.resolve("keys.p12"));
    }

    public Outcomes withoutSessionKeys() throws Exception {
        return run("without", List.of("-cp", ChildJvm.classPathWithoutProvider()), List.of());
    }

    public Outcomes withSessionKeysFirst() throws Exception {
        return run("with", withSnippet(shippedSnippet()), List.of());
    }

    /** SessionKeys first, configured by a file holding {@code setting}; only the cases named. */
    public Outcomes withSessionKeysFirstAndSetting(String setting, List<String> caseIds) throws Exception {
        Path conf = work.resolve("setting.conf");
        Files.writeString(conf, setting + "\n");
        String snippet = Files.readString(shippedSnippet());
        String configured = snippet.replaceFirst("(?m)^security\\.provider\\.1=SessionKeys\\s*$",
                "security.provider.1=SessionKeys " + conf.toString().replace("\\", "/"));
        if (configured.equals(snippet)) {
            throw new IllegalStateException("the shipped snippet has no line security.provider.1=SessionKeys");
        }
        Path file = work.resolve("java.security.setting");
        Files.writeString(file, configured);
        return run("setting", withSnippet(file), caseIds);
    }

    private static List<String> withSnippet(Path snippet) {
        return List.of("-Djava.security.properties=" + snippet,
                "-cp", ChildJvm.providerJar() + java.io.File.pathSeparator + ChildJvm.classPathWithoutProvider());
    }

    /** The snippet as shipped: read from the jar, as a user would extract it. */
    public Path shippedSnippet() throws IOException {
        Path file = work.resolve("java.security.snippet");
        try (JarFile jar = new JarFile(ChildJvm.providerJar().toFile())) {
            ZipEntry entry = jar.getEntry("META-INF/sessionkeys/java.security.snippet");
            if (entry == null) {
                throw new IllegalStateException("the provider jar has no META-INF/sessionkeys/java.security.snippet");
            }
            try (InputStream in = jar.getInputStream(entry)) {
                Files.write(file, in.readAllBytes());
            }
        }
        return file;
    }

    private Outcomes run(String name, List<String> jvmArgs, List<String> caseIds) throws Exception {
        Path results = work.resolve(name + ".tsv");
        List<String> args = new ArrayList<>(jvmArgs);
        args.add(ScenarioRunner.class.getName());
        args.add(keyStore.toString());
        args.add(results.toString());
        args.addAll(caseIds);
        long start = System.nanoTime();
        ChildJvm.Result r = ChildJvm.run("java", args, 10);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (r.exitCode() != 0) {
            throw new AssertionError("the scenario runner (" + name + ") failed:\n" + r.all());
        }
        Map<String, Outcome> byCase = new LinkedHashMap<>();
        String[] id = new String[1];
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            Outcome o = Outcome.fromLine(line, id);
            byCase.put(id[0], o);
        }
        Map<String, String[]> catalog = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(results + ".cases"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 3);
            catalog.put(f[0], new String[] {f[1], f[2]});
        }
        Map<String, String> setUp = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(results + ".setup"), StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            setUp.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return new Outcomes(byCase, catalog, setUp, millis);
    }

    /** RSA, EC and DSA keys with self-signed certificates for localhost and 127.0.0.1, made by keytool. */
    private static Path makeKeyStore(Path file) throws Exception {
        Files.deleteIfExists(file);
        String password = new String(TlsMaterial.PASSWORD);
        List<List<String>> keys = List.of(
                List.of("-alias", "rsa", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA"),
                List.of("-alias", "ec", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA"),
                List.of("-alias", "dsa", "-keyalg", "DSA", "-keysize", "2048", "-sigalg", "SHA256withDSA"));
        for (List<String> key : keys) {
            List<String> args = new ArrayList<>(List.of("-genkeypair", "-keystore", file.toString(),
                    "-storetype", "PKCS12", "-storepass", password, "-keypass", password,
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30"));
            args.addAll(key);
            ChildJvm.Result r = ChildJvm.run("keytool", args, 2);
            if (r.exitCode() != 0) {
                throw new AssertionError("keytool failed:\n" + r.all());
            }
        }
        return file;
    }
}

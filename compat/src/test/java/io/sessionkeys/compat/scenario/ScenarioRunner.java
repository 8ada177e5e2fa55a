package io.sessionkeys.compat.scenario;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The child JVM's program: runs every case (or those whose id starts with one of the given
 * prefixes) and writes one result line per case. It knows nothing of SessionKeys: the parent test
 * starts it once on the plain JDK and once with SessionKeys first through the java.security snippet.
 *
 * <pre>java ScenarioRunner KEYSTORE.p12 RESULTS.tsv [ID-PREFIX...]</pre>
 */
public final class ScenarioRunner {

    private static final long CASE_TIMEOUT_SECONDS = 30;

    private ScenarioRunner() {
    }

    public static void main(String[] args) throws Exception {
        // Read once by JSSE when TLS is first used: a KeyUpdate every 64 KiB, so the KeyUpdate cases
        // (1 MiB) see several while the per-suite cases (16 KiB) see none.
        Security.setProperty("jdk.tls.keyLimits", "AES/GCM/NoPadding KeyUpdate " + TlsCases.KEY_LIMIT
                + ", ChaCha20-Poly1305 KeyUpdate " + TlsCases.KEY_LIMIT);
        TlsMaterial material = TlsMaterial.load(Path.of(args[0]));
        List<String> prefixes = Arrays.asList(args).subList(2, args.length);
        List<Case> cases = new ArrayList<>();
        cases.addAll(new TlsCases(material).all());
        cases.addAll(new HttpCases(material).all());
        cases.addAll(new XmlEncryptionCases(material).all());
        cases.addAll(new CmsCases(material).all());
        cases.addAll(new KeyStoreCases().all());
        cases.removeIf(c -> !prefixes.isEmpty() && prefixes.stream().noneMatch(c.id()::startsWith));
        writeCatalog(cases, Path.of(args[1] + ".cases"));
        writeSetUp(Path.of(args[1] + ".setup"));

        ExecutorService worker = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "case");
            t.setDaemon(true);
            return t;
        });
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            for (Case c : cases) {
                out.println(run(worker, c).toLine(c.id()));
                out.flush();
            }
        }
        // HttpClient and HttpsServer leave threads behind; a case that timed out may still be running.
        System.exit(0);
    }

    private static Outcome run(ExecutorService worker, Case c) {
        Future<String> result = worker.submit(c.body()::run);
        try {
            return Outcome.worked(result.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            return Outcome.failed(e.getCause());
        } catch (TimeoutException e) {
            result.cancel(true);
            return Outcome.failed("timed out after " + CASE_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(e);
        }
    }

    /** What the JVM was set up with, so the parent can check that the snippet took effect. */
    private static void writeSetUp(Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("first.provider=" + Security.getProviders()[0].getName());
        lines.add("aes.keygenerator=" + javax.crypto.KeyGenerator.getInstance("AES").getProvider().getName());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Each case's library and description, for the table: {@code id TAB library TAB description}. */
    private static void writeCatalog(List<Case> cases, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Case c : cases) {
            lines.add(c.id() + "\t" + c.library() + "\t" + c.description());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}

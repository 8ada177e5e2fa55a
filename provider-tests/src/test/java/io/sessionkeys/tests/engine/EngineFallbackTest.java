package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.tests.support.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine selection as a user meets it, in child JVMs running {@code java -jar}: each way the
 * native engine can be missing leaves the Java engine running with the reason printed, and
 * {@code sessionkeys.engine=native} refuses to run without it.
 */
class EngineFallbackTest {

    private static final String JAVA = "Java (constant-time): ";

    @Test
    void missingLibcrypto_autoFallsBackWithTheReason() throws Exception {
        ChildJvm.Result r = cli("-Dsessionkeys.engine=auto", "-Dsessionkeys.libcrypto=/nonexistent/libcrypto.so.3");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(engineLine(r, "AES-GCM").contains(JAVA + "cannot open /nonexistent/libcrypto.so.3"), r.all());
        assertTrue(engineLine(r, "ChaCha20-Poly1305").contains(JAVA + "cannot open"), r.all());
        for (String macOrKdf : new String[] {"HmacSHA256", "HmacSHA384", "HmacSHA512", "HKDF"}) {
            assertTrue(engineLine(r, macOrKdf).contains(JAVA + "cannot open"), r.all());
        }
    }

    @Test
    void missingLibcrypto_nativeFailsLoudly() throws Exception {
        ChildJvm.Result r = cli("-Dsessionkeys.engine=native", "-Dsessionkeys.libcrypto=/nonexistent/libcrypto.so.3");
        assertNotEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("sessionkeys.engine=native, but the native engine cannot run: cannot open"
                + " /nonexistent/libcrypto.so.3"), r.all());
    }

    @Test
    void javaSetting_neverLoads() throws Exception {
        ChildJvm.Result r = cli("-Dsessionkeys.engine=java");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(engineLine(r, "AES-GCM").contains(JAVA + "sessionkeys.engine=java"), r.all());
        assertTrue(engineLine(r, "HmacSHA512").contains(JAVA + "sessionkeys.engine=java"), r.all());
        assertTrue(engineLine(r, "HKDF").contains(JAVA + "sessionkeys.engine=java"), r.all());
    }

    /** A jar built where gcc or OpenSSL's headers were missing carries no library: it still works. */
    @Test
    void jarWithoutTheLibrary_autoFallsBack(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("no-native.jar");
        int removed = copyWithout(ChildJvm.providerJar(), jar, "native/");
        assertEquals(1, removed, "the jar under test should carry exactly one native library");
        ChildJvm.Result r = ChildJvm.run(List.of("-Dsessionkeys.engine=auto", "-jar", jar.toString()), false);
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(engineLine(r, "AES-GCM").contains(JAVA + "the jar carries no native library"), r.all());
        assertTrue(engineLine(r, "HmacSHA256").contains(JAVA + "the jar carries no native library"), r.all());
        assertTrue(engineLine(r, "HKDF").contains(JAVA + "the jar carries no native library"), r.all());
        assertTrue(r.stdout().contains("Self-test passed."), r.all());
    }

    /**
     * From JDK 24 on, loading a library without native access enabled prints a warning: auto then
     * keeps to Java (saying why) rather than print. With {@code java -jar} the manifest enables it.
     */
    @Test
    void nativeAccess_autoNeverCausesTheJdkWarning() throws Exception {
        ChildJvm.Result classPath = ChildJvm.run(List.of("-Dsessionkeys.engine=auto", "-cp",
                ChildJvm.providerJar().toString(), "io.sessionkeys.internal.cli.Main"), false);
        assertEquals(0, classPath.exitCode(), classPath.all());
        assertFalse(classPath.stderr().contains("restricted method"), classPath.all());
        boolean warns = Runtime.version().feature() >= 24;
        assertEquals(warns, engineLine(classPath, "AES-GCM").contains(JAVA + "native access is not enabled"),
                classPath.all());
        assertEquals(!warns, engineLine(classPath, "AES-GCM").contains("OpenSSL"), classPath.all());

        ChildJvm.Result jar = cli("-Dsessionkeys.engine=auto");
        assertFalse(jar.stderr().contains("restricted method"), jar.all());
        assertTrue(engineLine(jar, "AES-GCM").contains("OpenSSL"), jar.all());
        assertTrue(engineLine(jar, "HmacSHA256").contains("OpenSSL"), jar.all());
        assertTrue(engineLine(jar, "HKDF").contains("OpenSSL"), jar.all());
    }

    /**
     * An OpenSSL that lacks one cipher leaves only that algorithm on Java. The "OpenSSL" here is a
     * small library built for the test that forwards everything to the system's libcrypto except
     * that it finds no AES-CTR (as a libcrypto built without it would): the block modes stay on
     * Java, saying why, and AES-GCM still runs on OpenSSL. The self-test passes either way.
     */
    @Test
    void libcryptoWithoutAesCtr_leavesOnlyTheBlockModesOnJava(@TempDir Path dir) throws Exception {
        Path libcrypto = Path.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(libcrypto) && gccWorks(dir),
                "needs gcc and the system's libcrypto.so.3");
        Path source = dir.resolve("no_ctr.c");
        Files.writeString(source, String.join("\n",
                "#include <dlfcn.h>",
                "#include <string.h>",
                "typedef void *(*fetch_fn)(void *, const char *, const char *);",
                "void *EVP_CIPHER_fetch(void *ctx, const char *name, const char *props) {",
                "    if (strstr(name, \"-CTR\") != NULL) return NULL;",
                "    fetch_fn real = (fetch_fn) dlsym(RTLD_NEXT, \"EVP_CIPHER_fetch\");",
                "    return real(ctx, name, props);",
                "}", ""));
        Path shim = dir.resolve("libcrypto-no-ctr.so");
        Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-D_GNU_SOURCE", "-o", shim.toString(),
                source.toString(), "-Wl,--no-as-needed", libcrypto.toString(), "-ldl").redirectErrorStream(true).start();
        String gccOutput = new String(gcc.getInputStream().readAllBytes());
        assertEquals(0, gcc.waitFor(), gccOutput);

        ChildJvm.Result r = cli("-Dsessionkeys.engine=auto", "-Dsessionkeys.libcrypto=" + shim);
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(engineLine(r, "AES/CTR, CBC, ECB").contains(JAVA + "this libcrypto lacks it"), r.all());
        assertTrue(engineLine(r, "AES-GCM").contains("OpenSSL"), r.all());
        assertTrue(r.stdout().contains("Self-test passed."), r.all());

        ChildJvm.Result refused = cli("-Dsessionkeys.engine=native", "-Dsessionkeys.libcrypto=" + shim);
        assertNotEquals(0, refused.exitCode(), refused.all());
        assertTrue(refused.stdout().contains("AES/CTR, CBC, ECB: this libcrypto lacks it"), refused.all());
    }

    /**
     * A libcrypto whose CFB8 computes something else fails only the CFB and OFB known-answer
     * tests: those modes stay on Java, saying why, and CTR, CBC and ECB still run on OpenSSL. The
     * "OpenSSL" here forwards everything to the system's libcrypto but hands out CFB1 when asked
     * for CFB8 (same key and IV sizes, other output).
     */
    @Test
    void libcryptoWithAWrongCfb8_leavesOnlyCfbAndOfbOnJava(@TempDir Path dir) throws Exception {
        Path libcrypto = Path.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(libcrypto) && gccWorks(dir),
                "needs gcc and the system's libcrypto.so.3");
        Path source = dir.resolve("cfb8_is_cfb1.c");
        Files.writeString(source, String.join("\n",
                "#include <dlfcn.h>",
                "#include <string.h>",
                "typedef void *(*fetch_fn)(void *, const char *, const char *);",
                "void *EVP_CIPHER_fetch(void *ctx, const char *name, const char *props) {",
                "    fetch_fn real = (fetch_fn) dlsym(RTLD_NEXT, \"EVP_CIPHER_fetch\");",
                "    char other[32];",
                "    size_t n = strlen(name);",
                "    if (n > 5 && n < sizeof other && strcmp(name + n - 5, \"-CFB8\") == 0) {",
                "        strcpy(other, name);",
                "        other[n - 1] = '1';",
                "        return real(ctx, other, props);",
                "    }",
                "    return real(ctx, name, props);",
                "}", ""));
        Path shim = dir.resolve("libcrypto-cfb8-is-cfb1.so");
        Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-D_GNU_SOURCE", "-o", shim.toString(),
                source.toString(), "-Wl,--no-as-needed", libcrypto.toString(), "-ldl").redirectErrorStream(true).start();
        String gccOutput = new String(gcc.getInputStream().readAllBytes());
        assertEquals(0, gcc.waitFor(), gccOutput);

        ChildJvm.Result r = cli("-Dsessionkeys.engine=auto", "-Dsessionkeys.libcrypto=" + shim);
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(engineLine(r, "AES/CFB8, CFB, OFB").contains(JAVA
                + "the native engine failed its known-answer test: AES-CFB8-128"), r.all());
        assertTrue(engineLine(r, "AES/CTR, CBC, ECB").contains("OpenSSL"), r.all());
        assertTrue(r.stdout().contains("Self-test passed."), r.all());

        ChildJvm.Result refused = cli("-Dsessionkeys.engine=native", "-Dsessionkeys.libcrypto=" + shim);
        assertNotEquals(0, refused.exitCode(), refused.all());
        assertTrue(refused.stdout().contains("AES/CFB8, CFB, OFB: the native engine failed its known-answer test"),
                refused.all());
    }

    private static boolean gccWorks(Path dir) {
        try {
            return new ProcessBuilder("gcc", "--version").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("gcc-version.txt").toFile()).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** {@code java -jar} as a user types it: native access comes from the jar's manifest. */
    private static ChildJvm.Result cli(String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.add("-jar");
        args.add(ChildJvm.providerJar().toString());
        return ChildJvm.run(args, false);
    }

    private static String engineLine(ChildJvm.Result r, String algorithm) {
        return r.stdout().lines().filter(l -> l.strip().startsWith(algorithm + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no engine line for " + algorithm + ":\n" + r.all()));
    }

    private static int copyWithout(Path from, Path to, String prefix) throws IOException {
        int removed = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().startsWith(prefix)) {
                    removed += e.isDirectory() ? 0 : 1;
                    continue;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return removed;
    }
}

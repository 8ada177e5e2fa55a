package io.sessionkeys.tests.capi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * The Windows side of the key blob tests: {@code src/test/c/capi_peer.c}, compiled with MinGW
 * and run under Wine, driven line by line (see the command list at the top of the C file). One
 * peer serves a whole test class, because each Wine start costs seconds (the first, which makes
 * the Wine prefix under {@code target/}, a quarter of a minute) and each command microseconds.
 *
 * <p>Where Wine or MinGW is missing, {@link #startIfInstalled()} prints which Debian package to
 * install and {@link #require} skips every test with that message, so that a run without them
 * reports each test as skipped instead of passing quietly.
 */
final class WinePeer implements AutoCloseable {

    /** A command the Windows side refused, with the Windows error code. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final long code;

        Refused(long code, String what) {
            super(what + " failed with Windows error 0x" + Long.toHexString(code));
            this.code = code;
        }
    }

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final Path SOURCE = MODULE.resolve("src/test/c/capi_peer.c");
    private static final Path BUILD = MODULE.resolve("target/capi-peer");
    private static final Path PREFIX = MODULE.resolve("target/wine-prefix");
    private static final String COMPILER = "x86_64-w64-mingw32-gcc";
    /** Why the peer could not start, for the skip message of every test; null if it could. */
    private static volatile String missing;

    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "capi-peer-reader");
        t.setDaemon(true);
        return t;
    });

    private WinePeer(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    }

    /**
     * Builds the peer if needed and starts it under Wine; returns {@code null}, after printing
     * why, where MinGW or Wine is missing (then {@link #require} skips each test, saying why).
     */
    static WinePeer startIfInstalled() throws IOException, InterruptedException {
        Path compiler = onPath(COMPILER);
        Path wine = wine();
        missing = compiler == null ? COMPILER + " is not installed (Debian package gcc-mingw-w64-x86-64)"
                : wine == null ? "Wine is not installed (Debian package wine64)" : null;
        if (missing != null) {
            System.out.println("SKIPPED the CryptoAPI/CNG tests under Wine: " + missing + "; .ci/run installs it");
            return null;
        }
        Path exe = build(compiler);
        ProcessBuilder pb = new ProcessBuilder(wine.toString(), exe.toString());
        environment(pb.environment());
        pb.redirectError(ProcessBuilder.Redirect.appendTo(BUILD.resolve("wine-stderr.txt").toFile()));
        WinePeer peer = new WinePeer(pb.start());
        String greeting = peer.readLine(180);
        if (!"ready".equals(greeting)) {
            peer.close();
            throw new IOException("capi_peer did not start under Wine: " + greeting + " (see "
                    + BUILD.resolve("wine-stderr.txt") + ")");
        }
        return peer;
    }

    /** For each test: skips it, with the reason, where {@link #startIfInstalled} found tools missing. */
    static void require(WinePeer peer) {
        Assumptions.assumeTrue(peer != null, () -> missing + "; .ci/run installs it");
    }

    private static void environment(Map<String, String> env) {
        env.put("WINEPREFIX", PREFIX.toString());
        env.put("WINEDEBUG", "-all");
        env.put("WINEDLLOVERRIDES", "mscoree,mshtml="); // no Mono or Gecko prompts in a new prefix
    }

    private static Path build(Path compiler) throws IOException, InterruptedException {
        Files.createDirectories(BUILD);
        Path exe = BUILD.resolve("capi_peer.exe");
        if (Files.exists(exe) && Files.getLastModifiedTime(exe).compareTo(Files.getLastModifiedTime(SOURCE)) > 0) {
            return exe;
        }
        Process cc = new ProcessBuilder(compiler.toString(), "-O2", "-Wall", "-Werror", "-o", exe.toString(),
                SOURCE.toString(), "-lbcrypt", "-ladvapi32").redirectErrorStream(true).start();
        String log = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (cc.waitFor() != 0) {
            throw new IOException("compiling capi_peer.c failed:\n" + log);
        }
        return exe;
    }

    private static Path wine() {
        Path debian = Path.of("/usr/lib/wine/wine64"); // Debian's wine64 without the 32-bit wrapper's nagging
        if (Files.isExecutable(debian)) {
            return debian;
        }
        Path wine64 = onPath("wine64");
        return wine64 != null ? wine64 : onPath("wine");
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Runs one command; returns its output (empty if it has none). */
    byte[] call(String command, Object... args) throws IOException, Refused {
        StringBuilder line = new StringBuilder(command);
        for (Object a : args) {
            line.append(' ').append(a instanceof byte[] ? HexFormat.of().formatHex((byte[]) a) : a.toString());
        }
        in.write(line.append('\n').toString());
        in.flush();
        String reply = readLine(60);
        if (reply == null) {
            throw new IOException("capi_peer ended during: " + command);
        }
        String[] parts = reply.split(" ", 3);
        if (parts[0].equals("ok")) {
            return parts.length > 1 ? HexFormat.of().parseHex(parts[1]) : new byte[0];
        }
        if (parts[0].equals("err") && parts.length == 3) {
            throw new Refused(Long.parseLong(parts[1], 16), parts[2]);
        }
        throw new IOException("capi_peer answered " + command + " with: " + reply);
    }

    private String readLine(int seconds) throws IOException {
        Future<String> line = reader.submit(out::readLine);
        try {
            return line.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("capi_peer did not answer within " + seconds + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    /** Ends the peer and this prefix's wineserver, so that no process outlives the tests. */
    @Override
    public void close() throws IOException {
        try {
            in.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Path wineserver = Files.isExecutable(Path.of("/usr/lib/wine/wineserver64"))
                    ? Path.of("/usr/lib/wine/wineserver64") : onPath("wineserver");
            if (wineserver != null) {
                List<String> kill = new ArrayList<>(List.of(wineserver.toString(), "-k"));
                ProcessBuilder pb = new ProcessBuilder(kill).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                environment(pb.environment());
                pb.start().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reader.shutdownNow();
        }
    }
}

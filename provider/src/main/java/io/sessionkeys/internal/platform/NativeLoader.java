package io.sessionkeys.internal.platform;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Loads {@code libsessionkeys.so} (the native engine's bridge to OpenSSL and the secret-memory
 * allocator) from the jar, once per JVM.
 *
 * <p>The library is copied to a file in a fresh directory only its owner can enter, loaded, and
 * deleted at once (the loaded mapping outlives the file). Nothing here throws: every way of not
 * loading is a reason, which the caller reports or turns into an error.
 */
public final class NativeLoader {

    static final String RESOURCE = "/native/linux-x86_64/libsessionkeys.so";

    private static String outcome; // null: not tried; "" loaded; else why not

    private NativeLoader() {
    }

    /**
     * Loads the library if that can be done, and returns {@code null} if it is loaded, else why
     * it is not.
     *
     * @param evenWithWarning load even where the JDK would print a native-access warning
     */
    public static synchronized String load(boolean evenWithWarning) {
        if (outcome != null && outcome.isEmpty()) {
            return null;
        }
        String platform = platformProblem();
        if (platform != null) {
            return platform;
        }
        if (!evenWithWarning && !nativeAccessQuiet()) {
            return "native access is not enabled for " + moduleName() + " (JDK " + Runtime.version().feature()
                    + " would print a warning on load); run java with --enable-native-access=" + moduleName();
        }
        if (outcome == null) {
            String failure = extractAndLoad();
            outcome = failure == null ? "" : failure;
        }
        return outcome.isEmpty() ? null : outcome;
    }

    /** Whether the library is loaded in this JVM. */
    public static synchronized boolean isLoaded() {
        return outcome != null && outcome.isEmpty();
    }

    private static String platformProblem() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.equals("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "no native library for " + os + "-" + arch + " (the jar carries linux-x86_64 only)";
        }
        return null;
    }

    /**
     * Whether loading prints nothing: before JDK 24 it never does; from 24 on, only where native
     * access is enabled for this module ({@code Module.isNativeAccessEnabled}, JDK 22+, is
     * called reflectively because the jar is compiled for 17).
     */
    public static boolean nativeAccessQuiet() {
        if (Runtime.version().feature() < 24) {
            return true;
        }
        try {
            Method m = Module.class.getMethod("isNativeAccessEnabled");
            return (Boolean) m.invoke(NativeLoader.class.getModule());
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static String moduleName() {
        Module m = NativeLoader.class.getModule();
        return m.isNamed() ? m.getName() : "ALL-UNNAMED";
    }

    /** Returns null on success, else why not. */
    private static String extractAndLoad() {
        Path dir = null;
        Path file = null;
        try (InputStream in = NativeLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "the jar carries no native library (it was built without gcc or libssl-dev)";
            }
            dir = Files.createTempDirectory("sessionkeys-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            file = dir.resolve("libsessionkeys.so");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r-x------"));
            System.load(file.toString());
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return "cannot extract the native library: " + e.getMessage();
        } catch (UnsatisfiedLinkError | SecurityException e) {
            return "cannot load the native library: " + e.getMessage();
        } finally {
            deleteQuietly(file);
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a leftover file in a private temporary directory; nothing secret in it
            }
        }
    }
}

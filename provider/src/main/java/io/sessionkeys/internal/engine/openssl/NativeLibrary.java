package io.sessionkeys.internal.engine.openssl;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Objects;

/**
 * Loads {@code libsessionkeys.so} from the jar and opens libcrypto through it, once per JVM.
 *
 * <p>The library is copied to a file in a fresh directory only its owner can enter, loaded, and
 * deleted at once (the loaded mapping outlives the file). Nothing here throws: every way of not
 * loading is recorded as a reason, which the engine selection reports or turns into an error.
 */
final class NativeLibrary {

    static final String RESOURCE = "/native/linux-x86_64/libsessionkeys.so";

    /** Where the library stands in this JVM. */
    record Status(boolean loaded, String detail) {
    }

    private static Status status;
    private static String openedFrom;

    private NativeLibrary() {
    }

    /**
     * Loads the library and opens {@code libcrypto} ({@code null}: the system's), or says why not.
     * libcrypto is opened once per JVM: a later call asking for another one gets a refusal.
     *
     * @param evenWithWarning load even where the JDK would print a native-access warning
     */
    static synchronized Status load(String libcrypto, boolean evenWithWarning) {
        if (status != null && status.loaded()) {
            if (!Objects.equals(openedFrom, libcrypto)) {
                return new Status(false, "this JVM already uses " + describe(openedFrom)
                        + "; one libcrypto per JVM");
            }
            return status;
        }
        String platform = platformProblem();
        if (platform != null) {
            return new Status(false, platform);
        }
        if (!evenWithWarning && !nativeAccessQuiet()) {
            return new Status(false, "native access is not enabled for " + moduleName() + " (JDK "
                    + Runtime.version().feature() + " would print a warning on load); run java with"
                    + " --enable-native-access=" + moduleName());
        }
        if (status == null) {
            String failure = loadLibrary();
            if (failure != null) {
                status = new Status(false, failure);
                return status;
            }
            status = new Status(false, "library loaded");
        }
        String why = OpenSslNative.open(libcrypto);
        if (why != null) {
            // the library stays loaded; another libcrypto may still be tried
            return new Status(false, why);
        }
        openedFrom = libcrypto;
        status = new Status(true, OpenSslNative.version() + " (" + describe(libcrypto) + ")");
        return status;
    }

    private static String describe(String libcrypto) {
        return libcrypto == null ? "the system's libcrypto" : libcrypto;
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
    static boolean nativeAccessQuiet() {
        if (Runtime.version().feature() < 24) {
            return true;
        }
        try {
            Method m = Module.class.getMethod("isNativeAccessEnabled");
            return (Boolean) m.invoke(NativeLibrary.class.getModule());
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static String moduleName() {
        Module m = NativeLibrary.class.getModule();
        return m.isNamed() ? m.getName() : "ALL-UNNAMED";
    }

    /** Returns null on success, else why not. */
    private static String loadLibrary() {
        Path dir = null;
        Path file = null;
        try (InputStream in = NativeLibrary.class.getResourceAsStream(RESOURCE)) {
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

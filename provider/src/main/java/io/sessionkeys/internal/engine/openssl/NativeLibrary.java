package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.platform.NativeLoader;
import java.util.Objects;

/**
 * Opens libcrypto through the native library ({@link NativeLoader} loads that), once per JVM.
 * Nothing here throws: every way of not opening is recorded as a reason, which the engine
 * selection reports or turns into an error.
 */
final class NativeLibrary {

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
        String failure = NativeLoader.load(evenWithWarning);
        if (failure != null) {
            return new Status(false, failure);
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
}

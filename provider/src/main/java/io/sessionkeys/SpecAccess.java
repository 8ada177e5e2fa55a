package io.sessionkeys;

/**
 * The provider's reader of the secret parts of specs: the key bytes of a
 * {@link SessionKeyImportSpec} and the input keying material of a
 * {@link SessionKeyDerivationSpec}. The specs themselves have no public method that returns
 * them. {@link SessionKeysProvider} makes the one instance when its class initializes and hands it
 * to its services through their internal context; application code cannot make or reach one, so
 * every read of a spec's secret goes through this class (grep for it).
 */
public final class SpecAccess {

    private static boolean issued;

    private SpecAccess() {
    }

    /** The one instance, for {@link SessionKeysProvider}'s class initialization only. */
    static synchronized SpecAccess issue() {
        if (issued) {
            throw new IllegalStateException("SpecAccess is issued once, to SessionKeysProvider");
        }
        issued = true;
        return new SpecAccess();
    }

    /** The bytes to import, in an array the caller must zero; for a consuming spec the caller's original array. */
    public byte[] keyBytes(SessionKeyImportSpec spec) {
        return spec.keyBytes();
    }

    /** Whether the spec took over the caller's array: zero it only once the key exists. */
    public boolean consumesCallerArray(SessionKeyImportSpec spec) {
        return spec.consumesCallerArray();
    }

    /** The input keying material given as bytes (not copied), or {@code null} if the input is a key. */
    public byte[] inputBytes(SessionKeyDerivationSpec spec) {
        return spec.inputBytes();
    }
}

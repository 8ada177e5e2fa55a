package io.sessionkeys.internal.keys;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A kind of session key: its JCA name and the sizes it may have.
 */
public final class KeyAlgorithm {

    /**
     * Every kind of session key made so far, by lower-case name: each registers itself, so that
     * services that take an algorithm name (unwrapping, derivation) know every kind the provider
     * makes. Declared before the constants, which register as the class initializes.
     */
    private static final Map<String, KeyAlgorithm> KNOWN = new ConcurrentHashMap<>();

    public static final KeyAlgorithm AES = new KeyAlgorithm("AES", 256, new int[] {128, 192, 256});
    public static final KeyAlgorithm CHACHA20 = new KeyAlgorithm("ChaCha20", 256, new int[] {256});

    private final String name;
    private final int defaultBits;
    /** The allowed sizes, or {@code null} for any whole number of bytes from 1 on (MAC keys). */
    private final int[] sizes;

    private KeyAlgorithm(String name, int defaultBits, int[] sizes) {
        this.name = name;
        this.defaultBits = defaultBits;
        this.sizes = sizes;
        KNOWN.putIfAbsent(name.toLowerCase(Locale.ROOT), this);
    }

    /** The kind of session key called {@code name} (case-insensitive), if the provider makes it. */
    public static Optional<KeyAlgorithm> forName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(KNOWN.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The names of every kind of session key, sorted, for error messages. */
    public static String knownNames() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        KNOWN.values().forEach(a -> names.add(a.name));
        return String.join(", ", names);
    }

    /** A key of any whole number of bytes, such as an HMAC key. */
    public static KeyAlgorithm anyByteLength(String name, int defaultBits) {
        return new KeyAlgorithm(name, defaultBits, null);
    }

    public String name() {
        return name;
    }

    public int defaultBits() {
        return defaultBits;
    }

    public boolean allowsBits(int bits) {
        if (sizes == null) {
            return bits > 0 && bits % 8 == 0;
        }
        for (int s : sizes) {
            if (s == bits) {
                return true;
            }
        }
        return false;
    }

    /** For error messages: "128, 192 or 256 bits". */
    public String describeSizes() {
        if (sizes == null) {
            return "a positive multiple of 8 bits";
        }
        String list = Arrays.toString(sizes);
        return list.substring(1, list.length() - 1) + " bits";
    }

    @Override
    public String toString() {
        return name;
    }
}

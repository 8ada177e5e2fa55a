package io.sessionkeys.internal.key;

import java.util.Arrays;
import java.util.Optional;

/**
 * A kind of session key: its JCA name and the sizes it may have.
 */
public final class KeyAlgorithm {

    public static final KeyAlgorithm AES = new KeyAlgorithm("AES", 256, new int[] {128, 192, 256});
    public static final KeyAlgorithm CHACHA20 = new KeyAlgorithm("ChaCha20", 256, new int[] {256});
    /** HMAC keys: any whole number of bytes; the default sizes are SunJCE's KeyGenerator defaults. */
    public static final KeyAlgorithm HMAC_SHA256 = anyByteLength("HmacSHA256", 256);
    public static final KeyAlgorithm HMAC_SHA384 = anyByteLength("HmacSHA384", 384);
    public static final KeyAlgorithm HMAC_SHA512 = anyByteLength("HmacSHA512", 512);

    /**
     * Every kind of session key the provider makes: services that take an algorithm name
     * (unwrapping, derivation) accept exactly these.
     */
    private static final KeyAlgorithm[] KNOWN = {AES, CHACHA20, HMAC_SHA256, HMAC_SHA384, HMAC_SHA512};

    /**
     * AES of one size, by SunJCE's sized names "AES_128", "AES_192" and "AES_256": a key made
     * under such a name is an "AES" key that must have exactly that size. An unwrap asked for
     * one makes its implicit-rejection stand-in of that size too, so a caller that knows the
     * size (a SIMPLEBLOB names it in its header) learns nothing from the size it gets back.
     */
    private static final KeyAlgorithm[] SIZED_AES = {
        new KeyAlgorithm("AES", 128, new int[] {128}),
        new KeyAlgorithm("AES", 192, new int[] {192}),
        new KeyAlgorithm("AES", 256, new int[] {256})};

    private final String name;
    private final int defaultBits;
    /** The allowed sizes, or {@code null} for any whole number of bytes from 1 on (MAC keys). */
    private final int[] sizes;

    private KeyAlgorithm(String name, int defaultBits, int[] sizes) {
        this.name = name;
        this.defaultBits = defaultBits;
        this.sizes = sizes;
    }

    /** A key of any whole number of bytes, such as an HMAC key. */
    public static KeyAlgorithm anyByteLength(String name, int defaultBits) {
        return new KeyAlgorithm(name, defaultBits, null);
    }

    /**
     * The kind of session key called {@code name} (case-insensitive), if the provider makes it:
     * its own name, or any name or OID the JDK gives it ({@link KeyAlgorithmNames}).
     */
    public static Optional<KeyAlgorithm> forName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (KeyAlgorithm a : KNOWN) { // the common case, a canonical name, without the name table
            if (a.name.equalsIgnoreCase(name)) {
                return Optional.of(a);
            }
        }
        for (KeyAlgorithm a : SIZED_AES) {
            if (("AES_" + a.defaultBits).equalsIgnoreCase(name)) {
                return Optional.of(a);
            }
        }
        String canonical = KeyAlgorithmNames.canonical(name);
        for (KeyAlgorithm a : KNOWN) {
            if (a.name.equalsIgnoreCase(canonical)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** For error messages: "AES, ChaCha20, ..." (AES_128, AES_192 and AES_256 are AES of one size). */
    public static String knownNames() {
        StringBuilder names = new StringBuilder();
        for (KeyAlgorithm a : KNOWN) {
            names.append(names.length() == 0 ? "" : ", ").append(a.name);
        }
        return names.toString();
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

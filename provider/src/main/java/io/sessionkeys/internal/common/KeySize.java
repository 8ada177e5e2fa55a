package io.sessionkeys.internal.common;

/**
 * The key size a service variant pins, in bits. SunJCE's fixed-size transformations
 * ({@code AES_128/GCM/NoPadding}, {@code AES_256/CBC/NoPadding}, {@code AESWrap_192} ...) are
 * their family's cipher class constructed with that size; the general transformation is the same
 * class with {@link #ANY}. One class per mode and one way to say "any size", in every family.
 */
public final class KeySize {

    /** The variant takes every size its algorithm allows. */
    public static final int ANY = 0;

    private KeySize() {
    }

    /** Whether a key of {@code keyBytes} bytes is the size {@code bits} pins (always, for {@link #ANY}). */
    public static boolean fits(int bits, int keyBytes) {
        return bits == ANY || keyBytes * 8 == bits;
    }

    /** The AES transformation name of a variant: {@code AES/mode/padding} or {@code AES_<bits>/mode/padding}. */
    public static String aesTransformation(int bits, String mode, String padding) {
        return (bits == ANY ? "AES" : "AES_" + bits) + "/" + mode + "/" + padding;
    }
}

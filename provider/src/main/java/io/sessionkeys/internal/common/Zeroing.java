package io.sessionkeys.internal.common;

import java.util.Arrays;

/**
 * The one way secret scratch is zeroed: heap copies of key bytes, plaintext, key schedules and
 * intermediate hash or MAC states. One greppable name instead of scattered {@code Arrays.fill}
 * calls, so a reader can check that every secret array is wiped (in a {@code finally}).
 * Each method accepts {@code null} (nothing to wipe).
 */
public final class Zeroing {

    private Zeroing() {
    }

    public static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Zeroes {@code secret[from, to)}. */
    public static void wipe(byte[] secret, int from, int to) {
        if (secret != null) {
            Arrays.fill(secret, from, to, (byte) 0);
        }
    }

    public static void wipe(int[] secret) {
        if (secret != null) {
            Arrays.fill(secret, 0);
        }
    }

    /** Zeroes {@code secret[from, to)}. */
    public static void wipe(int[] secret, int from, int to) {
        if (secret != null) {
            Arrays.fill(secret, from, to, 0);
        }
    }

    public static void wipe(long[] secret) {
        if (secret != null) {
            Arrays.fill(secret, 0L);
        }
    }
}

package io.sessionkeys.internal.key;

import io.sessionkeys.internal.platform.SecretMemory;
import java.util.Locale;

/** The kinds of memory key material can live in, strongest first. */
public enum MemoryTier {

    /** {@code memfd_secret} pages: not in the kernel's direct map, locked, unreadable by ptrace and /proc. */
    SECRET(SecretMemory.SECRET),
    /** Locked anonymous pages, left out of core dumps, zeroed in a forked child. */
    LOCKED(SecretMemory.LOCKED),
    /** Ordinary direct memory: off the Java heap, but in every image of the process. */
    PLAIN(-1);

    /** The tier's number on the native side ({@code -1}: none, Java's own direct memory). */
    final int nativeTier;

    MemoryTier(int nativeTier) {
        this.nativeTier = nativeTier;
    }

    /** The tier's name as settings and reports spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.sessionkeys.internal.platform;

import java.nio.ByteBuffer;

/**
 * Memory that a process image does not show, from the native library (see
 * {@code provider/src/main/c/secret_memory.h}): regions of {@code memfd_secret} pages, or of
 * locked pages left out of core dumps, each between two guard pages. Callable only once
 * {@link NativeLoader#load} has succeeded.
 */
public final class SecretMemory {

    /** Tier numbers as the C side knows them. */
    public static final int SECRET = 0;
    public static final int LOCKED = 1;

    private SecretMemory() {
    }

    /** 0 if {@code memfd_secret} works in this process, else the errno that refused it. */
    public static native int secretUnavailableErrno();

    /**
     * A zero-filled region of {@code bytes} (a multiple of the page size) in {@code tier}, as a
     * direct buffer, or {@code null} with the errno in {@code error[0]}: ENOMEM when the locked
     * budget is used up.
     */
    public static native ByteBuffer map(int tier, int bytes, int[] error);

    /** Unmaps a region made by {@link #map}; the caller has zeroed it and drops every view of it. */
    public static native void unmap(ByteBuffer region);

    /** RLIMIT_MEMLOCK's soft limit in bytes, or -1 if unlimited. */
    public static native long memlockLimit();

    /** The most that regions of both tiers may take together ({@code -1}: no limit). */
    public static native void setLockedBudget(long bytes);

    /** What regions of both tiers take now. */
    public static native long lockedBytes();

    /** The tier for OpenSSL's keyed contexts ({@code -1}: ordinary memory). */
    public static native void setHeapTier(int tier);

    /** Whether libcrypto took SessionKeys' allocator (false if it had allocated before). */
    public static native boolean heapInstalled();

    /** Bytes of regions that hold OpenSSL's keyed contexts. */
    public static native long heapRegionBytes();

    /** Context allocations that could not be placed in the heap's tier (budget or tier refused). */
    public static native long heapFallbacks();

    /** A message for an errno from {@link #map} or {@link #secretUnavailableErrno}. */
    public static String describe(int errno) {
        switch (errno) {
            case 1: return "EPERM (not permitted)";
            case 11: return "EAGAIN (the kernel refused for now)";
            case 12: return "ENOMEM (the locked-memory budget, RLIMIT_MEMLOCK, is used up)";
            case 22: return "EINVAL";
            case 38: return "ENOSYS (the kernel has no memfd_secret; Linux 5.14+ with secretmem enabled)";
            default: return "errno " + errno;
        }
    }
}

package io.sessionkeys.internal.key;

import io.sessionkeys.ConfigurationException;
import io.sessionkeys.internal.events.KeyEvents;
import io.sessionkeys.internal.platform.NativeLoader;
import io.sessionkeys.internal.platform.SecretMemory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the key arena's memory comes from: the {@code sessionkeys.memory} setting applied, once
 * per JVM (the arena is shared by every provider instance; the first provider to serve a
 * service decides).
 *
 * <ul>
 *   <li>{@code auto}: {@link MemoryTier#SECRET} where the kernel offers it, else
 *       {@link MemoryTier#LOCKED}, else {@link MemoryTier#PLAIN};
 *   <li>{@code secret}, {@code locked}: that tier, or a {@link ConfigurationException} where the
 *       platform cannot give it at all;
 *   <li>{@code plain}: direct memory only.
 * </ul>
 *
 * Locked memory is limited by {@code RLIMIT_MEMLOCK}, which is respected even where the process
 * could exceed it (root): when the budget is used up, a chunk comes from the next tier down and
 * the fallback is counted, so key creation never fails for want of locked memory.
 */
public final class ArenaMemory {

    /** The settings' spelling of each choice. */
    public enum Mode {
        AUTO, SECRET, LOCKED, PLAIN;

        public static Mode parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not auto, secret, locked or plain");
            }
        }
    }

    private static volatile List<MemoryTier> order = List.of(MemoryTier.PLAIN);
    private static volatile String why = "not configured yet: no provider has served a service";
    private static volatile Mode selected;

    private static final Map<MemoryTier, AtomicLong> BYTES = new EnumMap<>(MemoryTier.class);
    private static final AtomicLong FALLBACKS = new AtomicLong();
    private static volatile String lastFallback = "";
    /** Oversized regions mapped for one buffer each, to unmap when released. */
    private static final Set<ByteBuffer> DEDICATED = Collections.newSetFromMap(new IdentityHashMap<>());

    static {
        for (MemoryTier t : MemoryTier.values()) {
            BYTES.put(t, new AtomicLong());
        }
    }

    private ArenaMemory() {
    }

    /**
     * Applies {@code mode} if this JVM has not chosen yet; later calls keep the first choice.
     *
     * @throws ConfigurationException if {@code secret} or {@code locked} cannot be had here
     */
    public static void select(Mode mode) {
        if (selected == null) {
            selectOnce(mode);
        }
    }

    private static synchronized void selectOnce(Mode mode) {
        if (selected != null) {
            return;
        }
        if (mode == Mode.PLAIN) {
            decide(mode, List.of(MemoryTier.PLAIN), "sessionkeys.memory=plain");
            return;
        }
        String unloaded = NativeLoader.load(mode != Mode.AUTO);
        if (unloaded != null) {
            refuseUnless(mode, unloaded);
            decide(mode, List.of(MemoryTier.PLAIN), unloaded);
            return;
        }
        long limit = SecretMemory.memlockLimit();
        SecretMemory.setLockedBudget(limit);
        List<MemoryTier> tiers = new ArrayList<>();
        String reason;
        int secretErrno = SecretMemory.secretUnavailableErrno();
        if (mode == Mode.LOCKED) {
            reason = "sessionkeys.memory=locked";
        } else {
            String problem = secretErrno != 0 ? SecretMemory.describe(secretErrno) : probe(MemoryTier.SECRET);
            if (problem == null) {
                tiers.add(MemoryTier.SECRET);
                reason = "memfd_secret available";
            } else {
                refuseUnless(mode, "memfd_secret is refused here: " + problem);
                reason = "memfd_secret refused (" + problem + ")";
            }
        }
        String lockedProblem = probe(MemoryTier.LOCKED);
        if (lockedProblem == null) {
            tiers.add(MemoryTier.LOCKED);
        } else if (tiers.isEmpty()) {
            refuseUnless(mode, "locked memory cannot be mapped here: " + lockedProblem);
            reason += "; locked memory refused (" + lockedProblem + ")";
        }
        tiers.add(MemoryTier.PLAIN);
        reason += "; locked budget " + (limit < 0 ? "unlimited" : limit + " bytes (RLIMIT_MEMLOCK)");
        SecretMemory.setHeapTier(tiers.get(0).nativeTier);
        decide(mode, tiers, reason);
    }

    private static void refuseUnless(Mode mode, String problem) {
        if (mode == Mode.SECRET || mode == Mode.LOCKED) {
            throw new ConfigurationException("sessionkeys.memory=" + mode.name().toLowerCase(Locale.ROOT)
                    + ", but that memory cannot be had: " + problem);
        }
    }

    /** Maps and unmaps one page of {@code tier}: {@code null} if that works, else why not. */
    private static String probe(MemoryTier tier) {
        int[] errno = new int[1];
        ByteBuffer page = SecretMemory.map(tier.nativeTier, 4096, errno);
        if (page == null) {
            return SecretMemory.describe(errno[0]);
        }
        SecretMemory.unmap(page);
        return null;
    }

    private static void decide(Mode mode, List<MemoryTier> tiers, String reason) {
        selected = mode;
        order = List.copyOf(tiers);
        why = reason;
    }

    /** A zero-filled direct buffer of {@code bytes} (a multiple of 4096), from the strongest tier that gives it. */
    static ByteBuffer chunk(int bytes) {
        return take(bytes).buffer();
    }

    /** A buffer too large for the arena's slots, mapped for itself; give it back with {@link #release}. */
    static ByteBuffer dedicated(int size) {
        Region r = take((size + 4095) & ~4095);
        if (r.tier() != MemoryTier.PLAIN) {
            synchronized (DEDICATED) {
                DEDICATED.add(r.buffer());
            }
        }
        return r.buffer();
    }

    /** Returns a zeroed buffer from {@link #dedicated}; a plain one is left to the garbage collector. */
    static void release(ByteBuffer buffer) {
        boolean mapped;
        synchronized (DEDICATED) {
            mapped = DEDICATED.remove(buffer);
        }
        if (mapped) {
            SecretMemory.unmap(buffer);
        }
    }

    private record Region(ByteBuffer buffer, MemoryTier tier) {
    }

    private static Region take(int bytes) {
        List<MemoryTier> tiers = order;
        for (MemoryTier tier : tiers) {
            ByteBuffer b = map(tier, bytes);
            if (b != null) {
                BYTES.get(tier).addAndGet(bytes);
                KeyEvents.memoryRegion(tier.label(), bytes, tier == tiers.get(0) ? "" : lastFallback);
                return new Region(b, tier);
            }
        }
        throw new AssertionError("the plain tier never refuses");
    }

    private static ByteBuffer map(MemoryTier tier, int bytes) {
        if (tier == MemoryTier.PLAIN) {
            return ByteBuffer.allocateDirect(bytes);
        }
        int[] errno = new int[1];
        ByteBuffer b = SecretMemory.map(tier.nativeTier, bytes, errno);
        if (b == null) {
            FALLBACKS.incrementAndGet();
            lastFallback = tier.label() + " refused: " + SecretMemory.describe(errno[0]);
        }
        return b;
    }

    /** For the CLI and the MXBean: the tiers in order, bytes per tier, locked bytes, fallbacks. */
    public static Map<String, String> report() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tiers", String.join(" > ", order.stream().map(MemoryTier::label).toList()));
        m.put("reason", why);
        for (MemoryTier t : MemoryTier.values()) {
            m.put(t.label() + " bytes", Long.toString(BYTES.get(t).get()));
        }
        m.put("locked bytes in use", Long.toString(NativeLoader.isLoaded() ? SecretMemory.lockedBytes() : 0));
        m.put("fallbacks", FALLBACKS.get() + (lastFallback.isEmpty() ? "" : " (last: " + lastFallback + ")"));
        m.put("OpenSSL contexts", opensslContexts());
        return m;
    }

    /** The strongest tier chunks come from now. */
    public static MemoryTier strongest() {
        return order.get(0);
    }

    private static String opensslContexts() {
        if (!NativeLoader.isLoaded() || order.get(0) == MemoryTier.PLAIN) {
            return "ordinary memory (no secret tier in use)";
        }
        if (!SecretMemory.heapInstalled()) {
            return "ordinary memory (libcrypto not opened by SessionKeys, or it had allocated before)";
        }
        return order.get(0).label() + ", " + SecretMemory.heapRegionBytes() + " bytes of regions, "
                + SecretMemory.heapFallbacks() + " allocations outside";
    }
}

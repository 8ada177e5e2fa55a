package io.sessionkeys.internal.key;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyExport;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyState;
import io.sessionkeys.internal.events.KeyEvents;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * Everything about a key except its identity: material, policy, counters and lifecycle. The
 * handle ({@link ManagedSessionKey}) owns one core; the registry of live keys, the expiry timer
 * and the cleaner hold only cores, so none of them keeps a handle reachable.
 */
final class KeyCore {

    private static final long NO_DEADLINE = Long.MAX_VALUE;

    final String algorithm;
    final int sizeBits;
    final long id;
    final KeyPolicy policy;
    private final Clock clock;
    final long createdMillis;
    private final long encryptUntil;
    private final long decryptUntil;
    private final KeyMaterial material;

    // Counters and the reason are fields with static updaters rather than Atomic* objects: three
    // objects fewer per key, which matters when a key is made per session.
    private volatile long encryptions;
    private volatile long bytes;
    private static final AtomicLongFieldUpdater<KeyCore> ENCRYPTIONS =
            AtomicLongFieldUpdater.newUpdater(KeyCore.class, "encryptions");
    private static final AtomicLongFieldUpdater<KeyCore> BYTES = AtomicLongFieldUpdater.newUpdater(KeyCore.class, "bytes");
    /** Why the key can no longer encrypt although time allows it; null while it can. */
    private volatile String limitReached;
    private volatile DestroyReason destroyReason;
    private static final AtomicReferenceFieldUpdater<KeyCore, DestroyReason> DESTROY_REASON =
            AtomicReferenceFieldUpdater.newUpdater(KeyCore.class, DestroyReason.class, "destroyReason");
    private volatile Future<?> expiryTask;
    private LiveKeys.Entry liveEntry;
    private volatile ExportLog exports;
    /**
     * Attachments as pairs (attachment, value), replaced whole when one is added: a key has one or
     * two, and a map per key cost more than the rest of its attachment's work.
     */
    private volatile Object[] attachments;

    KeyCore(String algorithm, int sizeBits, long id, KeyPolicy policy, Clock clock, KeyMaterial material) {
        this.algorithm = algorithm;
        this.sizeBits = sizeBits;
        this.id = id;
        this.policy = policy;
        this.clock = clock;
        this.material = material;
        this.createdMillis = clock.millis();
        this.encryptUntil = deadline(policy.encryptLifetime().orElse(null));
        this.decryptUntil = deadline(policy.decryptLifetime().orElse(null));
    }

    private long deadline(java.time.Duration lifetime) {
        if (lifetime == null) {
            return NO_DEADLINE;
        }
        long millis;
        try {
            millis = lifetime.toMillis();
        } catch (ArithmeticException beyondLongMillis) { // over 292 million years: no deadline in practice
            return NO_DEADLINE;
        }
        long sum = createdMillis + millis;
        return sum < createdMillis ? NO_DEADLINE : sum;
    }

    /**
     * Adds the key to the live set (which destroys it if {@code handle} becomes unreachable) and,
     * if it has a lifetime, to the expiry timer. Runs before the handle is published, so every
     * thread that can destroy the key sees {@link #liveEntry}.
     */
    void start(ManagedSessionKey handle) {
        liveEntry = LiveKeys.add(handle, this);
        KeyStatistics.created();
        KeyEvents.created(id, algorithm, sizeBits, policy);
        if (decryptUntil != NO_DEADLINE) {
            expiryTask = ExpiryTimer.schedule(this, decryptUntil - clock.millis());
        }
    }

    KeyMaterial material() {
        return material;
    }

    String describe() {
        return algorithm + "-" + sizeBits + " key " + idHex();
    }

    String idHex() {
        return KeyEvents.hex(id);
    }

    Instant createdAt() {
        return Instant.ofEpochMilli(createdMillis);
    }

    // ---- lifecycle ----

    KeyState state() {
        if (isDestroyed() || expireIfDue()) {
            return KeyState.DESTROYED;
        }
        return whyNoEncryption() == null ? KeyState.ACTIVE : KeyState.DECRYPT_ONLY;
    }

    boolean isDestroyed() {
        return destroyReason != null;
    }

    DestroyReason destroyReason() {
        return destroyReason;
    }

    /** Destroys the key if its decryption lifetime is over. @return whether it is now destroyed */
    boolean expireIfDue() {
        if (decryptUntil != NO_DEADLINE && clock.millis() >= decryptUntil) {
            destroy(DestroyReason.EXPIRED);
            return true;
        }
        return false;
    }

    /** Zeroizes the key; the first reason given wins. @return whether this call destroyed it */
    boolean destroy(DestroyReason reason) {
        if (!DESTROY_REASON.compareAndSet(this, null, reason)) {
            material.zeroize(); // returns once whoever won has finished zeroizing
            return false;
        }
        material.zeroize();
        LiveKeys.remove(liveEntry);
        Future<?> task = expiryTask;
        if (task != null) {
            task.cancel(false);
        }
        Object[] attached;
        synchronized (this) {
            attached = attachments;
            attachments = null;
        }
        if (attached != null) {
            for (int i = 0; i < attached.length; i += 2) {
                ((Attachment<?>) attached[i]).keyDestroyed(attached[i + 1]);
            }
        }
        KeyStatistics.destroyed(reason);
        if (KeyEvents.recordsDestroyed()) { // the clock read costs as much as the rest of the event
            KeyEvents.destroyed(id, algorithm, reason.name(), clock.millis() - createdMillis, encryptions, bytes);
        }
        return true;
    }

    /** Null if the key may encrypt now, else why not (time or limit). Ignores destruction. */
    private String whyNoEncryption() {
        String limit = limitReached;
        if (limit != null) {
            return limit;
        }
        if (encryptUntil != NO_DEADLINE && clock.millis() >= encryptUntil) {
            return "its encryption lifetime of " + policy.encryptLifetime().orElseThrow() + " ended at "
                    + Instant.ofEpochMilli(encryptUntil);
        }
        return null;
    }

    String destroyedMessage() {
        return describe() + " was destroyed: " + destroyReason.explanation();
    }

    /** For {@code init}: refuses the key with a message that says why. */
    void checkUsable(KeyUse use) throws InvalidKeyException {
        if (isDestroyed() || expireIfDue()) {
            KeyStatistics.refused();
            throw new InvalidKeyException(destroyedMessage());
        }
        if (use == KeyUse.PROTECT) {
            String why = whyNoEncryption();
            if (why != null) {
                KeyStatistics.refused();
                throw new InvalidKeyException(describe() + " is DECRYPT_ONLY because " + why
                        + ": it can still decrypt, but a new key is needed to encrypt");
            }
        }
    }

    /**
     * For each step of an operation already initialized: refuses a destroyed or expired key with
     * {@link IllegalStateException}. Limits are charged at {@code init} and by
     * {@link #chargeBytes}, so an encryption that was allowed to start is not stopped here by
     * the count that its own start used up.
     */
    void checkStillUsable(KeyUse use) {
        if (isDestroyed() || expireIfDue()) {
            KeyStatistics.refused();
            throw new IllegalStateException(destroyedMessage());
        }
        if (use == KeyUse.PROTECT && encryptUntil != NO_DEADLINE && clock.millis() >= encryptUntil) {
            KeyStatistics.refused();
            throw new IllegalStateException(describe() + " can no longer encrypt: " + whyNoEncryption());
        }
    }

    // ---- usage limits ----

    void chargeEncryption(SafetyLimits limits) throws InvalidKeyException {
        checkUsable(KeyUse.PROTECT);
        long policyMax = policy.maxEncryptions().orElse(Long.MAX_VALUE);
        long max = Math.min(policyMax, limits.maxEncryptions());
        long before;
        do {
            before = encryptions;
            if (before >= max) {
                KeyStatistics.refused();
                throw new InvalidKeyException(describe() + " is DECRYPT_ONLY because "
                        + markLimit(max + " encryptions", limitSource(policyMax, limits.maxEncryptions(), limits))
                        + ": a new key is needed to encrypt");
            }
        } while (!ENCRYPTIONS.compareAndSet(this, before, before + 1));
        if (before + 1 == max) {
            markLimit(max + " encryptions", limitSource(policyMax, limits.maxEncryptions(), limits));
        }
    }

    void chargeBytes(long count, SafetyLimits limits) {
        if (count <= 0) {
            return;
        }
        long policyMax = policy.maxBytes().orElse(Long.MAX_VALUE);
        long max = Math.min(policyMax, limits.maxBytes());
        long before;
        long after;
        do {
            before = bytes;
            after = before + count;
            if (after > max || after < before) {
                KeyStatistics.refused();
                throw new IllegalStateException(describe() + " cannot encrypt " + count + " more bytes: "
                        + markLimit(max + " bytes", limitSource(policyMax, limits.maxBytes(), limits)) + " ("
                        + before + " used); a new key is needed");
            }
        } while (!BYTES.compareAndSet(this, before, after));
        if (after == max) {
            markLimit(max + " bytes", limitSource(policyMax, limits.maxBytes(), limits));
        }
    }

    /**
     * Which limit binds, for the message: the key's policy unless the algorithm's is lower. Built
     * only when a limit is reached, not on every charge.
     */
    private static String limitSource(long policyMax, long algorithmMax, SafetyLimits limits) {
        return algorithmMax < policyMax ? "the " + limits.source() + " safety limit" : "its policy";
    }

    private String markLimit(String limit, String source) {
        String why = "it reached its limit of " + limit + " set by " + source;
        if (limitReached == null) {
            limitReached = why;
            KeyEvents.limitReached(id, limit + " (" + source + ")");
        }
        return why;
    }

    long encryptionCount() {
        return encryptions;
    }

    long bytesEncrypted() {
        return bytes;
    }

    // ---- exports ----

    void recordExport(String method) {
        ExportLog log = exports;
        if (log == null) {
            synchronized (this) {
                log = exports;
                if (log == null) {
                    log = new ExportLog();
                    exports = log;
                }
            }
        }
        log.add(method, clock.millis());
        KeyStatistics.exported();
        KeyEvents.exported(id, method);
    }

    List<KeyExport> exports() {
        ExportLog log = exports;
        return log == null ? List.of() : log.snapshot();
    }

    // ---- attachments ----

    /** The key's value of {@code slot}, made on first use (once, however many threads ask). */
    <T> T attachment(Attachment<T> slot) {
        T value = find(attachments, slot);
        if (value != null) {
            return value;
        }
        synchronized (this) {
            Object[] pairs = attachments;
            value = find(pairs, slot);
            if (value == null) {
                value = slot.create();
                int at = pairs == null ? 0 : pairs.length;
                Object[] grown = pairs == null ? new Object[2] : Arrays.copyOf(pairs, at + 2);
                grown[at] = slot;
                grown[at + 1] = value;
                attachments = grown;
            }
            return value;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T find(Object[] pairs, Attachment<T> slot) {
        if (pairs != null) {
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i] == slot) {
                    return (T) pairs[i + 1];
                }
            }
        }
        return null;
    }
}

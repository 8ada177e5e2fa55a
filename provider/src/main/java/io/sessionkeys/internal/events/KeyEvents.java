package io.sessionkeys.internal.events;

/**
 * Emits the provider's JFR events. Each method costs a check of whether the event is enabled
 * when nobody records (ids are formatted only when an event is committed: keys are made per
 * session, and formatting is slower than the rest of making one); the arguments are
 * descriptions (ids, names, counts), never material.
 */
public final class KeyEvents {

    private KeyEvents() {
    }

    /** A key id as 16 lower-case hex digits. */
    public static String hex(long id) {
        String digits = Long.toHexString(id);
        return digits.length() == 16 ? digits : "0".repeat(16 - digits.length()) + digits;
    }

    public static void created(long keyId, String algorithm, int keySize, Object policy) {
        KeyCreatedEvent e = new KeyCreatedEvent();
        if (e.shouldCommit()) {
            e.keyId = hex(keyId);
            e.algorithm = algorithm;
            e.keySize = keySize;
            e.policy = String.valueOf(policy);
            e.commit();
        }
    }

    /** Whether {@link #destroyed} would record an event now, so that callers can skip computing its fields. */
    public static boolean recordsDestroyed() {
        return new KeyDestroyedEvent().isEnabled();
    }

    public static void destroyed(long keyId, String algorithm, String reason, long ageMillis, long encryptions,
            long bytes) {
        KeyDestroyedEvent e = new KeyDestroyedEvent();
        if (e.shouldCommit()) {
            e.keyId = hex(keyId);
            e.algorithm = algorithm;
            e.reason = reason;
            e.age = ageMillis;
            e.encryptions = encryptions;
            e.bytesEncrypted = bytes;
            e.commit();
        }
    }

    public static void exported(long keyId, String method) {
        KeyExportedEvent e = new KeyExportedEvent();
        if (e.shouldCommit()) {
            e.keyId = hex(keyId);
            e.method = method;
            e.commit();
        }
    }

    public static void limitReached(long keyId, String limit) {
        KeyLimitReachedEvent e = new KeyLimitReachedEvent();
        if (e.shouldCommit()) {
            e.keyId = hex(keyId);
            e.limit = limit;
            e.commit();
        }
    }

    public static void memoryRegion(String tier, long bytes, String fallback) {
        MemoryRegionEvent e = new MemoryRegionEvent();
        if (e.shouldCommit()) {
            e.tier = tier;
            e.bytes = bytes;
            e.fallback = fallback;
            e.commit();
        }
    }
}

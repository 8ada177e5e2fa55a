package io.sessionkeys.internal.events;

/**
 * Emits the provider's JFR events. Each method costs a check of whether the event is enabled
 * when nobody records; the arguments are descriptions (ids, names, counts), never material.
 */
public final class KeyEvents {

    private KeyEvents() {
    }

    public static void created(String keyId, String algorithm, int keySize, Object policy) {
        KeyCreatedEvent e = new KeyCreatedEvent();
        if (e.shouldCommit()) {
            e.keyId = keyId;
            e.algorithm = algorithm;
            e.keySize = keySize;
            e.policy = String.valueOf(policy);
            e.commit();
        }
    }

    public static void destroyed(String keyId, String algorithm, String reason, long ageMillis, long encryptions,
            long bytes) {
        KeyDestroyedEvent e = new KeyDestroyedEvent();
        if (e.shouldCommit()) {
            e.keyId = keyId;
            e.algorithm = algorithm;
            e.reason = reason;
            e.age = ageMillis;
            e.encryptions = encryptions;
            e.bytesEncrypted = bytes;
            e.commit();
        }
    }

    public static void exported(String keyId, String method) {
        KeyExportedEvent e = new KeyExportedEvent();
        if (e.shouldCommit()) {
            e.keyId = keyId;
            e.method = method;
            e.commit();
        }
    }

    public static void limitReached(String keyId, String limit) {
        KeyLimitReachedEvent e = new KeyLimitReachedEvent();
        if (e.shouldCommit()) {
            e.keyId = keyId;
            e.limit = limit;
            e.commit();
        }
    }
}

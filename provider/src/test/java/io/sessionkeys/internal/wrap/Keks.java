package io.sessionkeys.internal.wrap;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.security.InvalidKeyException;
import java.time.Clock;

/** Test helpers: session keys and KEKs made straight from bytes. */
final class Keks {

    private Keks() {
    }

    static ManagedSessionKey sessionKey(byte[] bytes, KeyPolicy policy) {
        byte[] copy = bytes.clone();
        try {
            return ManagedSessionKey.create("AES", bytes.length * 8, copy, 0, copy.length, policy, null,
                    Clock.systemUTC());
        } finally {
            Zeroing.wipe(copy);
        }
    }

    static KeyEncryptionKey kek(ManagedSessionKey key) throws InvalidKeyException {
        return KeyEncryptionKey.of(key, KeySize.ANY, KeyUse.PROTECT, "test", null);
    }
}

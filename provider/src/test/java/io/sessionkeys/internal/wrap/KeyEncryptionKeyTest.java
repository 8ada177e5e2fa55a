package io.sessionkeys.internal.wrap;


import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.config.Settings;
import io.sessionkeys.internal.engine.testing.ReferenceAesEngine;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.time.Clock;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyEncryptionKeyTest {

    private static final byte[] KEK = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    private final ProviderContext context = new ProviderContext(Settings.fromSystemProperties(), Clock.systemUTC());

    @Test
    void withSchedule_foreignKey_usesATemporaryScheduleZeroizedAfterTheCall() throws Exception {
        KeyEncryptionKey kek = KeyEncryptionKey.of(new SecretKeySpec(KEK, "AES"), KeySize.ANY, KeyUse.PROTECT, "test", context);
        ByteBuffer[] seen = new ByteBuffer[1];
        byte first = kek.withSchedule(KeyUse.PROTECT, ReferenceAesEngine.INSTANCE.encryptSchedule(), schedule -> {
            seen[0] = schedule;
            return schedule.get(0);
        });
        assertEquals(1, first);
        // the slot went back to the arena zeroized; nothing else allocates on this thread meanwhile
        for (int i = 0; i < seen[0].capacity(); i++) {
            assertEquals(0, seen[0].get(i), "schedule byte " + i + " after the operation");
        }
    }

    @Test
    void withSchedule_sessionKey_readsTheKeysOwnSchedule_eachTime() throws Exception {
        ManagedSessionKey key = Keks.sessionKey(KEK, KeyPolicy.builtInDefaults());
        KeyEncryptionKey kek = KeyEncryptionKey.of(key, 128, KeyUse.PROTECT, "test", context);
        ByteBuffer a = kek.withSchedule(KeyUse.PROTECT, ReferenceAesEngine.INSTANCE.encryptSchedule(), s -> s);
        ByteBuffer b = kek.withSchedule(KeyUse.PROTECT, ReferenceAesEngine.INSTANCE.encryptSchedule(), s -> s);
        assertEquals(a.get(0), b.get(0));
        key.destroy();
        assertThrows(InvalidKeyException.class,
                () -> kek.withSchedule(KeyUse.PROCESS, ReferenceAesEngine.INSTANCE.encryptSchedule(), s -> s));
    }

    @Test
    void of_wrongAlgorithmOrSize_refusedWithTheReason() {
        InvalidKeyException alg = assertThrows(InvalidKeyException.class, () -> KeyEncryptionKey.of(
                new SecretKeySpec(KEK, "HmacSHA256"), KeySize.ANY, KeyUse.PROTECT, "AES/KW/NoPadding", context));
        assertTrue(alg.getMessage().contains("AES key-encryption key"), alg.getMessage());
        InvalidKeyException size = assertThrows(InvalidKeyException.class, () -> KeyEncryptionKey.of(
                new SecretKeySpec(new byte[20], "AES"), KeySize.ANY, KeyUse.PROTECT, "AES/KW/NoPadding", context));
        assertTrue(size.getMessage().contains("20 bytes"), size.getMessage());
        InvalidKeyException fixed = assertThrows(InvalidKeyException.class, () -> KeyEncryptionKey.of(
                new SecretKeySpec(KEK, "AES"), 256, KeyUse.PROTECT, "AES_256/KW/NoPadding", context));
        assertTrue(fixed.getMessage().contains("32 bytes"), fixed.getMessage());
    }
}

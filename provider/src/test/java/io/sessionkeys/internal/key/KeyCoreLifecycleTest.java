package io.sessionkeys.internal.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyState;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyCoreLifecycleTest {

    private static final SafetyLimits GENEROUS = new SafetyLimits(1_000, 1_000_000, "test algorithm");

    private final SteppingClock clock = new SteppingClock();

    /** A key with non-zero bytes ({@link BackgroundDestructionTest#nonZeroKey}): zeroizing it is visible. */
    private ManagedSessionKey key(KeyPolicy policy) {
        byte[] bytes = BackgroundDestructionTest.nonZeroKey();
        return ManagedSessionKey.create("AES", 128, bytes, 0, 16, policy, null, clock);
    }

    @Test
    void encryptLifetime_over_keyIsDecryptOnlyAndRefusesProtect() throws Exception {
        ManagedSessionKey k = key(KeyPolicy.builder().encryptLifetime(Duration.ofMinutes(10))
                .decryptLifetime(Duration.ofMinutes(20)).build());
        k.checkUsable(KeyUse.PROTECT);
        clock.advance(Duration.ofMinutes(10));
        assertEquals(KeyState.DECRYPT_ONLY, k.state());
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> k.checkUsable(KeyUse.PROTECT));
        assertTrue(e.getMessage().contains("encryption lifetime"), e.getMessage());
        k.checkUsable(KeyUse.PROCESS);
        assertThrows(IllegalStateException.class, () -> k.withMaterial(KeyUse.PROTECT, null, b -> b.get(0)));
        assertArrayEquals(BackgroundDestructionTest.nonZeroKey(),
                k.withMaterial(KeyUse.PROCESS, null, BackgroundDestructionTest::contents));
    }

    @Test
    void decryptLifetime_over_keyIsDestroyedAsExpired() {
        ManagedSessionKey k = key(KeyPolicy.builder().lifetime(Duration.ofSeconds(30)).build());
        ByteBuffer precomputed = k.withMaterial(KeyUse.PROCESS, BackgroundDestructionTest.COPY, b -> b);
        assertArrayEquals(BackgroundDestructionTest.nonZeroKey(), BackgroundDestructionTest.contents(precomputed));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(KeyState.DESTROYED, k.state());
        assertEquals(DestroyReason.EXPIRED, k.destroyReason().orElseThrow());
        assertTrue(k.core().material().rawIsAllZero(), "raw key bytes left after expiry");
        assertTrue(BackgroundDestructionTest.allZero(precomputed), "precomputation left");
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> k.checkUsable(KeyUse.PROCESS));
        assertTrue(e.getMessage().contains("lifetime expired"), e.getMessage());
    }

    @Test
    void chargeEncryption_atPolicyLimit_movesToDecryptOnlyAndNamesTheLimit() throws Exception {
        ManagedSessionKey k = key(KeyPolicy.builder().maxEncryptions(2).build());
        k.chargeEncryption(GENEROUS);
        assertEquals(KeyState.ACTIVE, k.state());
        k.chargeEncryption(GENEROUS);
        assertEquals(KeyState.DECRYPT_ONLY, k.state());
        assertEquals(2, k.encryptionCount());
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> k.chargeEncryption(GENEROUS));
        assertTrue(e.getMessage().contains("2 encryptions") && e.getMessage().contains("policy"), e.getMessage());
        assertEquals(2, k.encryptionCount());
        // the encryption that reached the limit may still finish its own steps
        k.withMaterial(KeyUse.PROTECT, null, b -> b.get(0));
    }

    @Test
    void chargeEncryption_algorithmLimitLowerThanPolicy_algorithmLimitApplies() throws Exception {
        ManagedSessionKey k = key(KeyPolicy.builder().maxEncryptions(10).build());
        SafetyLimits one = new SafetyLimits(1, Long.MAX_VALUE, "AES-TEST");
        k.chargeEncryption(one);
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> k.chargeEncryption(one));
        assertTrue(e.getMessage().contains("AES-TEST safety limit"), e.getMessage());
    }

    @Test
    void chargeBytes_pastLimit_refusedWithoutCharging() {
        ManagedSessionKey k = key(KeyPolicy.builder().maxBytes(100).build());
        k.chargeBytes(60, GENEROUS);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> k.chargeBytes(41, GENEROUS));
        assertTrue(e.getMessage().contains("100 bytes"), e.getMessage());
        assertEquals(60, k.bytesEncrypted());
        assertEquals(KeyState.DECRYPT_ONLY, k.state());
    }

    @Test
    void destroy_twice_firstReasonWinsAndStateIsDestroyed() {
        ManagedSessionKey k = key(KeyPolicy.builtInDefaults());
        assertFalse(k.core().material().rawIsAllZero());
        k.destroy(DestroyReason.SCOPE_CLOSED);
        assertTrue(k.core().material().rawIsAllZero(), "raw key bytes left after destroy");
        k.destroy();
        assertEquals(DestroyReason.SCOPE_CLOSED, k.destroyReason().orElseThrow());
        assertTrue(k.isDestroyed());
        IllegalStateException e = assertThrows(IllegalStateException.class, k::getEncoded);
        assertTrue(e.getMessage().contains("scope was closed"), e.getMessage());
    }

    @Test
    void recordExport_policyForbidsWrapping_refused() throws Exception {
        ManagedSessionKey k = key(KeyPolicy.builder().wrappable(false).build());
        assertThrows(InvalidKeyException.class, () -> k.recordExport("AES/KW/NoPadding", false));
        assertTrue(k.exports().isEmpty());
        ManagedSessionKey w = key(KeyPolicy.builtInDefaults());
        w.recordExport("AES/KW/NoPadding", false);
        assertEquals("AES/KW/NoPadding", w.exports().get(0).method());
    }

    @Test
    void getEncoded_plaintextExportForbidden_returnsNullAndRecordsNothing() {
        ManagedSessionKey k = key(KeyPolicy.builtInDefaults());
        assertNull(k.getEncoded());
        assertNull(k.getFormat());
        assertTrue(k.exports().isEmpty());
    }

    @Test
    void getEncoded_plaintextExportAllowed_returnsFreshCopyAndRecordsIt() {
        byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        ManagedSessionKey k = ManagedSessionKey.create("AES", 128, bytes.clone(), 0, 16,
                KeyPolicy.builder().plaintextExportable(true).build(), null, clock);
        byte[] first = k.getEncoded();
        first[0] = 99;
        assertEquals(1, k.getEncoded()[0]);
        assertEquals("RAW", k.getFormat());
        assertEquals(2, k.exports().size());
    }

    @Test
    void attachment_sameSlot_sameObjectUntilDestroyed() {
        Attachment<StringBuilder> slot = new Attachment<>("test", StringBuilder::new);
        ManagedSessionKey k = key(KeyPolicy.builtInDefaults());
        assertTrue(k.attachment(slot) == k.attachment(slot));
        ManagedSessionKey other = key(KeyPolicy.builtInDefaults());
        assertFalse(k.attachment(slot) == other.attachment(slot));
    }
}

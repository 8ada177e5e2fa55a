package io.sessionkeys.internal.engine.aes;

import static io.sessionkeys.internal.engine.aes.Keys.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.nio.ByteBuffer;
import java.time.Clock;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesGcmEngineTest {

    private static final AesGcmEngine GCM = AesGcmEngine.INSTANCE;

    @Test
    void acceptsNonceLength_zero_refused_one_accepted() {
        assertFalse(GCM.acceptsNonceLength(0));
        assertTrue(GCM.acceptsNonceLength(1));
        assertTrue(GCM.acceptsNonceLength(12));
        assertTrue(GCM.acceptsNonceLength(128));
    }

    @Test
    void start_emptyNonce_isRefused() {
        ByteBuffer keyData = Keys.precompute(GCM.precomputation(), new byte[16]);
        assertThrows(IllegalArgumentException.class, () -> GCM.start(keyData, new byte[0]));
    }

    /** McGrew and Viega, GCM specification, test case 2: zero key, zero nonce, one zero block. */
    @Test
    void seal_gcmSpecTestCase2_matchesKnownAnswer() {
        ByteBuffer keyData = Keys.precompute(GCM.precomputation(), new byte[16]);
        byte[] sealed = Gcm.seal(keyData, new byte[12], new byte[0], new byte[16]);
        assertArrayEquals(hex("0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf"), sealed);
    }

    @Test
    void updateAad_afterData_isRefused() {
        ByteBuffer keyData = Keys.precompute(GCM.precomputation(), new byte[32]);
        AeadOperation op = GCM.start(keyData, new byte[12]);
        op.encrypt(keyData, new byte[3], 0, 3, new byte[3], 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> op.updateAad(keyData, new byte[1], 0, 1));
        assertEquals("AAD must be supplied before any data", e.getMessage());
    }

    @Test
    void encryptAndComputeTag_afterTheTag_areRefused() {
        ByteBuffer keyData = Keys.precompute(GCM.precomputation(), new byte[24]);
        AeadOperation op = GCM.start(keyData, new byte[12]);
        op.computeTag(keyData, new byte[16], 0);
        assertThrows(IllegalStateException.class, () -> op.encrypt(keyData, new byte[1], 0, 1, new byte[1], 0));
        assertThrows(IllegalStateException.class, () -> op.computeTag(keyData, new byte[16], 0));
    }

    @Test
    void decryptVerified_beforeTheTag_isRefused() {
        ByteBuffer keyData = Keys.precompute(GCM.precomputation(), new byte[16]);
        AeadOperation op = GCM.start(keyData, new byte[12]);
        op.authenticate(keyData, new byte[16], 0, 16);
        assertThrows(IllegalStateException.class,
                () -> op.decryptVerified(keyData, new byte[16], 0, 16, new byte[16], 0));
    }

    @Test
    void tagLength_is16() {
        ByteBuffer keyData = Keys.precompute(GCM.precomputation(), new byte[16]);
        assertEquals(16, GCM.start(keyData, new byte[12]).tagLength());
    }

    @Test
    void sealThroughTheKeyGate_sessionKey_matchesSunJce_andDestroyedKeyIsRefused() throws Exception {
        byte[] raw = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] nonce = hex("000102030405060708090a0b");
        byte[] plain = new byte[1000];
        Cipher sun = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        sun.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(128, nonce));
        byte[] expected = sun.doFinal(plain);

        ManagedSessionKey key = ManagedSessionKey.create("AES", 256, raw.clone(), 0, raw.length,
                KeyPolicy.builtInDefaults(), null, Clock.systemUTC());
        byte[] sealed = key.withMaterial(KeyUse.PROTECT, GCM.precomputation(),
                keyData -> Gcm.seal(keyData, nonce, new byte[0], plain));
        assertArrayEquals(expected, sealed);

        key.destroy(DestroyReason.EXPLICIT);
        assertThrows(IllegalStateException.class, () -> key.withMaterial(KeyUse.PROCESS, GCM.precomputation(),
                keyData -> Gcm.seal(keyData, nonce, new byte[0], plain)));
    }

    @Test
    void wipe_afterUse_leavesNoKeystreamOrHashState() throws Exception {
        ByteBuffer keyData = Keys.precompute(GCM.precomputation(), new byte[16]);
        AesGcmOperation op = (AesGcmOperation) GCM.start(keyData, new byte[12]);
        op.updateAad(keyData, new byte[5], 0, 5);
        op.encrypt(keyData, new byte[21], 0, 21, new byte[21], 0);
        op.wipe();
        for (String name : new String[] {"hash", "state"}) {
            java.lang.reflect.Field f = AesGcmOperation.class.getDeclaredField(name);
            f.setAccessible(true);
            for (long v : (long[]) f.get(op)) {
                assertEquals(0L, v, name);
            }
        }
        for (String name : new String[] {"stream", "hashPending"}) {
            java.lang.reflect.Field f = AesGcmOperation.class.getDeclaredField(name);
            f.setAccessible(true);
            for (byte v : (byte[]) f.get(op)) {
                assertEquals(0, v, name);
            }
        }
        for (String name : new String[] {"tagMaskHigh", "tagMaskLow"}) {
            java.lang.reflect.Field f = AesGcmOperation.class.getDeclaredField(name);
            f.setAccessible(true);
            assertEquals(0L, f.getLong(op), name);
        }
    }
}

package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.engine.testing.ReferenceAesEngine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.internal.key.ManagedSessionKey;
import java.lang.reflect.Field;
import java.time.Clock;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The SPIs on a counting reference engine: batching, range limits, what is left behind. */
class ModeInternalsTest {

    private final ReferenceAesEngine engine = new ReferenceAesEngine();
    private final TestProvider provider = new TestProvider(engine, Clock.systemUTC());
    private final ManagedSessionKey key = provider.key(16);

    @Test
    void ctrUpdate_oneKibibyte_takesOneEngineCall() throws Exception {
        CtrCipher ctr = new CtrCipher(provider.context, engine);
        ctr.engineInit(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]), null);
        ctr.engineUpdate(new byte[1024], 0, 1024);
        assertEquals(1, engine.calls);
        assertEquals(64, engine.blocks);
    }

    @Test
    void cbcDecrypt_oneKibibyte_takesOneEngineCall() throws Exception {
        CbcCipher cbc = new CbcCipher(provider.context, engine, false, KeySize.ANY);
        cbc.engineInit(Cipher.DECRYPT_MODE, key, new IvParameterSpec(new byte[16]), null);
        cbc.engineDoFinal(new byte[1024], 0, 1024);
        assertEquals(1, engine.calls);
    }

    @Test
    void ctrUpdate_pastItsCounterRange_throwsIllegalStateExceptionAndWritesNothing() throws Exception {
        CtrCipher ctr = new CtrCipher(provider.context, engine);
        ctr.engineInit(Cipher.ENCRYPT_MODE, key, (IvParameterSpec) null, null);
        ctr.limitBlocksForTest(2);
        byte[] out = new byte[48];
        ctr.engineUpdate(new byte[20], 0, 20, out, 0); // 2 blocks used, 12 keystream bytes left
        byte[] before = out.clone();
        assertThrows(IllegalStateException.class, () -> ctr.engineUpdate(new byte[13], 0, 13, out, 20));
        assertArrayEquals(before, out);
        assertEquals(12, ctr.engineUpdate(new byte[12], 0, 12, out, 20)); // what is left still fits
    }

    @Test
    void ctrDoFinal_leavesNoKeystreamBehind() throws Exception {
        CtrCipher ctr = new CtrCipher(provider.context, engine);
        ctr.engineInit(Cipher.ENCRYPT_MODE, key, (IvParameterSpec) null, null);
        ctr.engineUpdate(new byte[1000], 0, 1000);
        Object operation = field(ctr, CtrCipher.class, "operation");
        assertTrue(nonZero(operation, operation.getClass(), "leftover"),
                "a partial block's keystream is kept between updates");
        ctr.engineDoFinal(new byte[7], 0, 7);
        assertTrue(field(ctr, CtrCipher.class, "operation") == null, "the message ended");
        assertAllZero(operation, operation.getClass(), "keystream");
        assertAllZero(operation, operation.getClass(), "leftover");
    }

    @Test
    void cbcEncryptDoFinal_leavesNoPartialBlockBehind() throws Exception {
        CbcCipher cbc = new CbcCipher(provider.context, engine, true, KeySize.ANY);
        cbc.engineInit(Cipher.ENCRYPT_MODE, key, (IvParameterSpec) null, null);
        byte[] secret = new byte[10];
        java.util.Arrays.fill(secret, (byte) 0x7f);
        cbc.engineUpdate(secret, 0, 10);
        assertTrue(nonZero(cbc, BlockAlignedCipher.class, "pending"));
        cbc.engineDoFinal(new byte[0], 0, 0);
        assertAllZero(cbc, BlockAlignedCipher.class, "pending");
    }

    @Test
    void init_foreignKey_throwsInvalidKeyExceptionThroughSessionKeysRequire() throws Exception {
        EcbCipher ecb = new EcbCipher(provider.context, engine, true, KeySize.ANY);
        java.security.InvalidKeyException e = assertThrows(java.security.InvalidKeyException.class,
                () -> ecb.engineInit(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"), null));
        assertTrue(e.getMessage().contains("accepts only SessionKeys session keys"), e.getMessage());
    }

    @Test
    void cipher_holdsTheKeyHandleAndNoCopyOfTheKey() throws Exception {
        byte[] raw = new byte[16];
        for (int i = 0; i < 16; i++) {
            raw[i] = (byte) (0xa0 + i);
        }
        ManagedSessionKey distinctive = provider.key(raw, null);
        CbcCipher cbc = new CbcCipher(provider.context, engine, true, KeySize.ANY);
        cbc.engineInit(Cipher.ENCRYPT_MODE, distinctive, (IvParameterSpec) null, null);
        cbc.engineUpdate(new byte[40], 0, 40);
        for (Class<?> c = CbcCipher.class; c != javax.crypto.CipherSpi.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == byte[].class && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    byte[] value = (byte[]) f.get(cbc);
                    assertTrue(value == null || indexOf(value, raw) < 0, f.getName() + " holds the key");
                }
            }
        }
        Field keyField = BlockModeCipher.class.getDeclaredField("key");
        keyField.setAccessible(true);
        assertTrue(keyField.get(cbc) == distinctive);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Object field(Object o, Class<?> owner, String field) throws Exception {
        Field f = owner.getDeclaredField(field);
        f.setAccessible(true);
        return f.get(o);
    }

    private static boolean nonZero(Object o, Class<?> owner, String field) throws Exception {
        for (byte b : (byte[]) field(o, owner, field)) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    private static void assertAllZero(Object o, Class<?> owner, String field) throws Exception {
        assertTrue(!nonZero(o, owner, field), field + " still holds data");
    }
}

package io.sessionkeys.tests.blockmode;

import static io.sessionkeys.tests.blockmode.BlockModes.cipher;
import static io.sessionkeys.tests.blockmode.BlockModes.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import org.junit.jupiter.api.Test;

/** IVs the provider makes when the caller gives none (docs/block-modes.md). */
class ProviderIvTest {

    @Test
    void initEncrypt_cbcWithoutIv_makesSixteenByteIvReturnedByGetIvAndGetParameters() throws Exception {
        Cipher c = cipher("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, sessionKey(16));
        byte[] iv = c.getIV();
        assertEquals(16, iv.length);
        assertArrayEquals(iv, c.getParameters().getParameterSpec(IvParameterSpec.class).getIV());
    }

    @Test
    void initEncrypt_cbcWithoutIv_givesADifferentIvEachTime() throws Exception {
        SecretKey key = sessionKey(16);
        Set<BigInteger> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Cipher c = cipher("AES/CBC/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key);
            assertTrue(seen.add(new BigInteger(1, c.getIV())), "an IV repeated");
        }
    }

    @Test
    void initEncrypt_ctrWithoutIv_givesDisjointCounterRangesUnderOneKey() throws Exception {
        SecretKey key = sessionKey(32);
        byte[] first = null;
        Set<BigInteger> rangeStarts = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Cipher c = cipher("AES/CTR/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key);
            byte[] iv = c.getIV();
            // block counter (low 32 bits) starts at zero: the message owns 2^32 blocks
            assertArrayEquals(new byte[4], Arrays.copyOfRange(iv, 12, 16));
            if (first == null) {
                first = iv;
            }
            // same random per-key prefix, a fresh message number
            assertArrayEquals(Arrays.copyOf(first, 6), Arrays.copyOf(iv, 6));
            assertTrue(rangeStarts.add(new BigInteger(1, Arrays.copyOf(iv, 12))), "a counter range repeated");
        }
    }

    @Test
    void initEncrypt_ctrWithoutIv_isSharedAcrossCipherObjectsOfTheKey() throws Exception {
        SecretKey key = sessionKey(16);
        Cipher a = cipher("AES/CTR/NoPadding");
        Cipher b = cipher("AES/CTR/NoPadding");
        a.init(Cipher.ENCRYPT_MODE, key);
        b.init(Cipher.ENCRYPT_MODE, key);
        assertFalse(Arrays.equals(a.getIV(), b.getIV()));
    }

    @Test
    void initEncrypt_ctrWithoutIvFromManyThreads_neverRepeatsACounterRange() throws Exception {
        SecretKey key = sessionKey(16);
        Set<BigInteger> starts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        Cipher c = cipher("AES/CTR/NoPadding");
                        c.init(Cipher.ENCRYPT_MODE, key);
                        starts.add(new BigInteger(1, c.getIV()));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1000, starts.size());
    }

    @Test
    void initEncrypt_ctrWithoutIv_differentKeysGetDifferentPrefixes() throws Exception {
        Cipher a = cipher("AES/CTR/NoPadding");
        Cipher b = cipher("AES/CTR/NoPadding");
        a.init(Cipher.ENCRYPT_MODE, sessionKey(16));
        b.init(Cipher.ENCRYPT_MODE, sessionKey(16));
        assertFalse(Arrays.equals(Arrays.copyOf(a.getIV(), 6), Arrays.copyOf(b.getIV(), 6)));
    }

    @Test
    void decrypt_withProviderMadeCtrIv_givesTheMessageBack() throws Exception {
        SecretKey key = sessionKey(16);
        Cipher enc = cipher("AES/CTR/NoPadding");
        enc.init(Cipher.ENCRYPT_MODE, key);
        byte[] message = new byte[1000];
        Arrays.fill(message, (byte) 0x5a);
        byte[] ct = enc.doFinal(message);
        Cipher dec = cipher("AES/CTR/NoPadding");
        dec.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(enc.getIV()));
        assertArrayEquals(message, dec.doFinal(ct));
    }
}

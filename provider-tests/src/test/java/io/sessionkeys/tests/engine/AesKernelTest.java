package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import java.security.Provider;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * AES-CTR, CBC decryption and ECB in the shapes SessionKeys' own AES kernel handles differently
 * from one block at a time, against SunJCE: every length to 300 bytes cut into two calls at every
 * point of a few positions, counters whose low 64 bits or all 128 bits are about to wrap,
 * messages across the 128 KiB pinning chunks, in place. (CTR runs in decryption mode, the same
 * function, so that one counter block may serve several cuts: SessionKeys refuses to encrypt
 * twice under one.) On a run where the kernel is not
 * selected the same checks cover the engine that runs instead. ({@link BlockModeEngineDifferentialTest}
 * and the direct-buffer tests cover the rest on every engine.)
 */
class AesKernelTest {

    private static final Provider SESSION_KEYS = new SessionKeysProvider();

    @Test
    void theKernelRunsWhereItCan() throws Exception {
        Cipher.getInstance("AES/CTR/NoPadding", SESSION_KEYS).init(Cipher.ENCRYPT_MODE,
                AeadEngineDifferentialTest.importKey("AES", new byte[16]), new IvParameterSpec(new byte[16]));
        SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        String engine = bean.getEngines().get("AES/CTR, CBC, ECB");
        assertEquals(GcmKernelTest.expectKernel(), engine.contains("AES kernel (VAES)"), engine);
    }

    @Test
    void ctr_everyLengthAndCut_matchesSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0xc7);
        for (int keyLength : new int[] {16, 24, 32}) {
            byte[] keyBytes = bytes(random, keyLength);
            SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
            for (int length = 0; length <= 300; length++) {
                byte[] iv = bytes(random, 16);
                byte[] plain = bytes(random, length);
                byte[] expected = reference("AES/CTR/NoPadding", Cipher.DECRYPT_MODE, keyBytes, iv, plain);
                for (int cut : new int[] {0, 1, length / 3, length - 1}) {
                    if (cut >= 0 && cut <= length) {
                        assertArrayEquals(expected, inTwoCalls("AES/CTR/NoPadding", Cipher.DECRYPT_MODE, key, iv,
                                plain, cut), "CTR key " + keyLength + " length " + length + " cut " + cut);
                    }
                }
            }
            key.destroy();
        }
    }

    /** Counters about to carry out of the low 64 bits, and about to wrap at 2^128. */
    @Test
    void ctr_counterCarries_matchSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0xc8);
        byte[] keyBytes = bytes(random, 32);
        SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
        for (int ones : new int[] {8, 16}) {
            for (int below : new int[] {0, 1, 3, 17, 40}) {
                byte[] iv = bytes(random, 16);
                Arrays.fill(iv, 16 - ones, 16, (byte) 0xff);
                iv[15] = (byte) (0xff - below);
                for (int length : new int[] {64, 1024, 128 * 1024 + 80}) {
                    byte[] plain = bytes(random, length);
                    byte[] expected = reference("AES/CTR/NoPadding", Cipher.DECRYPT_MODE, keyBytes, iv, plain);
                    assertArrayEquals(expected, inTwoCalls("AES/CTR/NoPadding", Cipher.DECRYPT_MODE, key, iv, plain,
                            length / 2 + 5), "CTR " + ones + " bytes 0xff, " + below + " below, length " + length);
                }
            }
        }
        key.destroy();
    }

    @Test
    void cbcDecryptionAndEcb_matchSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0xc9);
        for (int keyLength : new int[] {16, 24, 32}) {
            byte[] keyBytes = bytes(random, keyLength);
            SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
            for (int blocks : new int[] {1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 31, 32, 33, 64, 8193}) {
                byte[] iv = bytes(random, 16);
                byte[] data = bytes(random, 16 * blocks);
                int cut = 16 * random.nextInt(blocks + 1);
                assertArrayEquals(reference("AES/CBC/NoPadding", Cipher.DECRYPT_MODE, keyBytes, iv, data),
                        inTwoCalls("AES/CBC/NoPadding", Cipher.DECRYPT_MODE, key, iv, data, cut),
                        "CBC decryption key " + keyLength + " blocks " + blocks);
                for (int mode : new int[] {Cipher.ENCRYPT_MODE, Cipher.DECRYPT_MODE}) {
                    assertArrayEquals(reference("AES/ECB/NoPadding", mode, keyBytes, null, data),
                            inTwoCalls("AES/ECB/NoPadding", mode, key, null, data, cut),
                            "ECB mode " + mode + " key " + keyLength + " blocks " + blocks);
                }
            }
            key.destroy();
        }
    }

    /** In place in one array: update over the first {@code cut} bytes, doFinal over the rest. */
    private static byte[] inTwoCalls(String transformation, int mode, SecretKey key, byte[] iv, byte[] data, int cut)
            throws Exception {
        Cipher ours = Cipher.getInstance(transformation, SESSION_KEYS);
        if (iv == null) {
            ours.init(mode, key);
        } else {
            ours.init(mode, key, new IvParameterSpec(iv));
        }
        byte[] buffer = data.clone();
        int n = ours.update(buffer, 0, cut, buffer, 0);
        ours.doFinal(buffer, cut, data.length - cut, buffer, n);
        return buffer;
    }

    private static byte[] reference(String transformation, int mode, byte[] keyBytes, byte[] iv, byte[] data)
            throws Exception {
        Cipher sunJce = Cipher.getInstance(transformation, "SunJCE");
        if (iv == null) {
            sunJce.init(mode, new SecretKeySpec(keyBytes, "AES"));
        } else {
            sunJce.init(mode, new SecretKeySpec(keyBytes, "AES"), new IvParameterSpec(iv));
        }
        return sunJce.doFinal(data);
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}

package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * AES-GCM whole messages, the form SessionKeys' own kernel serves (one {@code doFinal} under a
 * 12-byte nonce), against SunJCE: every data length up to 300 bytes (each tail of a 64-byte
 * group, each partial block), AAD lengths around the 16-byte blocks and the 256-byte steps in
 * which the native side copies AAD, all three key sizes, messages across the 128 KiB pinning
 * chunks, overlapping ranges of one array in both directions, direct buffers, and forged tags
 * refused with the output untouched. On a run where the kernel is not selected (the Java
 * engine, {@code sessionkeys.aesKernel=off}, a CPU without VAES) the same checks cover the
 * engine that runs instead.
 */
class GcmKernelTest {

    private static final Provider SESSION_KEYS = new SessionKeysProvider();
    private static final int[] AAD_LENGTHS = {0, 1, 15, 16, 17, 255, 256, 257, 600};
    private static final List<String> KERNEL_CPU_FLAGS = List.of("aes", "pclmulqdq", "avx512f", "avx512bw",
            "avx512vl", "vaes", "vpclmulqdq");

    /** Whether this run must have the kernel: native AES-GCM, the setting not off, a CPU with every flag. */
    static boolean expectKernel() throws IOException {
        if (!AeadEngineDifferentialTest.expectNative()
                || System.getProperty("sessionkeys.aesKernel", "auto").equalsIgnoreCase("off")) {
            return false;
        }
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("flags")) {
                List<String> flags = Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                return flags.containsAll(KERNEL_CPU_FLAGS);
            }
        }
        return false;
    }

    @Test
    void theKernelRunsWhereItCan() throws Exception {
        Cipher.getInstance("AES/GCM/NoPadding", SESSION_KEYS)
                .init(Cipher.ENCRYPT_MODE, AeadEngineDifferentialTest.importKey("AES", new byte[16]));
        SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        String engine = bean.getEngines().get("AES-GCM");
        assertEquals(expectKernel(), engine.contains("AES-GCM kernel (VAES, VPCLMULQDQ)"), engine);
    }

    @Test
    void everyShortLength_matchesSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0x6c3);
        for (int keyLength : new int[] {16, 24, 32}) {
            byte[] keyBytes = bytes(random, keyLength);
            SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
            for (int length = 0; length <= 300; length++) {
                byte[] aad = bytes(random, AAD_LENGTHS[length % AAD_LENGTHS.length]);
                checkWhole(keyBytes, key, aad, bytes(random, length), random);
            }
            key.destroy();
        }
    }

    @Test
    void longMessagesAndEveryAadLength_matchSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0x6c4);
        byte[] keyBytes = bytes(random, 32);
        SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
        for (int aadLength : AAD_LENGTHS) {
            for (int length : new int[] {2047, 2048, 2049, 128 * 1024, 128 * 1024 + 1, 300_001}) {
                checkWhole(keyBytes, key, bytes(random, aadLength), bytes(random, length), random);
            }
        }
        key.destroy();
    }

    /** One array, input and output ranges overlapping by all but a few bytes, ahead and behind, and exactly. */
    @Test
    void overlappingRangesOfOneArray_matchSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0x6c5);
        byte[] keyBytes = bytes(random, 16);
        SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
        for (int length : new int[] {100, 200_000}) {
            for (int shift : new int[] {-7, 7, -40, 40}) {
                byte[] plain = bytes(random, length);
                GCMParameterSpec spec = new GCMParameterSpec(128, bytes(random, 12));
                byte[] expected = reference(Cipher.ENCRYPT_MODE, keyBytes, spec, new byte[0], plain);
                byte[] array = new byte[length + 16 + 2 * Math.abs(shift)];
                int inOffset = Math.abs(shift);
                int outOffset = inOffset + shift;
                System.arraycopy(plain, 0, array, inOffset, length);
                Cipher ours = Cipher.getInstance("AES/GCM/NoPadding", SESSION_KEYS);
                ours.init(Cipher.ENCRYPT_MODE, key, spec);
                ours.doFinal(array, inOffset, length, array, outOffset);
                assertArrayEquals(expected, Arrays.copyOfRange(array, outOffset, outOffset + length + 16),
                        "length " + length + " shift " + shift);

                byte[] sealed = new byte[expected.length + 2 * Math.abs(shift)];
                System.arraycopy(expected, 0, sealed, inOffset, expected.length);
                ours.init(Cipher.DECRYPT_MODE, key, spec);
                ours.doFinal(sealed, inOffset, expected.length, sealed, outOffset);
                assertArrayEquals(plain, Arrays.copyOfRange(sealed, outOffset, outOffset + length),
                        "decryption, length " + length + " shift " + shift);
            }
            byte[] plain = bytes(random, length);
            GCMParameterSpec spec = new GCMParameterSpec(128, bytes(random, 12));
            byte[] inPlace = reference(Cipher.ENCRYPT_MODE, keyBytes, spec, new byte[0], plain);
            Cipher ours = Cipher.getInstance("AES/GCM/NoPadding", SESSION_KEYS);
            ours.init(Cipher.DECRYPT_MODE, key, spec);
            ours.doFinal(inPlace, 0, inPlace.length, inPlace, 0);
            assertArrayEquals(plain, Arrays.copyOf(inPlace, length), "decryption in place, length " + length);
        }
        key.destroy();
    }

    @Test
    void directBuffers_matchSunJce() throws Exception {
        SplittableRandom random = new SplittableRandom(0x6c6);
        byte[] keyBytes = bytes(random, 32);
        SecretKey key = AeadEngineDifferentialTest.importKey("AES", keyBytes);
        for (int length : new int[] {0, 1, 64, 1000, 4096, 128 * 1024 + 3}) {
            byte[] aad = bytes(random, random.nextInt(300));
            byte[] plain = bytes(random, length);
            GCMParameterSpec spec = new GCMParameterSpec(128, bytes(random, 12));
            byte[] expected = reference(Cipher.ENCRYPT_MODE, keyBytes, spec, aad, plain);
            Cipher ours = Cipher.getInstance("AES/GCM/NoPadding", SESSION_KEYS);
            ours.init(Cipher.ENCRYPT_MODE, key, spec);
            ours.updateAAD(aad);
            ByteBuffer out = ByteBuffer.allocateDirect(length + 16);
            ours.doFinal(ByteBuffer.allocateDirect(length).put(plain).flip(), out);
            assertArrayEquals(expected, bytesOf(out.flip()), "direct encryption of " + length);

            ours.init(Cipher.DECRYPT_MODE, key, spec);
            ours.updateAAD(aad);
            ByteBuffer opened = ByteBuffer.allocateDirect(length);
            ours.doFinal(ByteBuffer.allocateDirect(expected.length).put(expected).flip(), opened);
            assertArrayEquals(plain, bytesOf(opened.flip()), "direct decryption of " + length);

            byte[] forged = expected.clone();
            forged[random.nextInt(forged.length)] ^= 1;
            ours.init(Cipher.DECRYPT_MODE, key, spec);
            ours.updateAAD(aad);
            ByteBuffer untouched = ByteBuffer.allocateDirect(length);
            assertThrows(AEADBadTagException.class,
                    () -> ours.doFinal(ByteBuffer.allocateDirect(forged.length).put(forged).flip(), untouched));
            assertArrayEquals(new byte[length], bytesOf(untouched.clear()), "a refused direct decryption wrote");
        }
        key.destroy();
    }

    /** Encrypts and decrypts with one doFinal each, truncated tags included, and checks a forgery. */
    private static void checkWhole(byte[] keyBytes, SecretKey key, byte[] aad, byte[] plain, SplittableRandom random)
            throws Exception {
        int tagBits = 96 + 8 * random.nextInt(5);
        GCMParameterSpec spec = new GCMParameterSpec(tagBits, bytes(random, 12));
        String what = "key " + keyBytes.length + " aad " + aad.length + " data " + plain.length + " tag " + tagBits;
        byte[] expected = reference(Cipher.ENCRYPT_MODE, keyBytes, spec, aad, plain);
        Cipher ours = Cipher.getInstance("AES/GCM/NoPadding", SESSION_KEYS);
        ours.init(Cipher.ENCRYPT_MODE, key, spec);
        ours.updateAAD(aad);
        assertArrayEquals(expected, ours.doFinal(plain), what + ": encryption");

        ours.init(Cipher.DECRYPT_MODE, key, spec);
        ours.updateAAD(aad);
        assertArrayEquals(plain, ours.doFinal(expected), what + ": decryption");

        byte[] forged = expected.clone();
        forged[random.nextInt(forged.length)] ^= (byte) (1 << random.nextInt(8));
        byte[] out = new byte[plain.length];
        Arrays.fill(out, (byte) 0x5a);
        ours.init(Cipher.DECRYPT_MODE, key, spec);
        ours.updateAAD(aad);
        assertThrows(AEADBadTagException.class, () -> ours.doFinal(forged, 0, forged.length, out, 0), what);
        byte[] untouched = new byte[plain.length];
        Arrays.fill(untouched, (byte) 0x5a);
        assertArrayEquals(untouched, out, what + ": a refused decryption wrote to the output");
    }

    private static byte[] reference(int mode, byte[] keyBytes, GCMParameterSpec spec, byte[] aad, byte[] data)
            throws Exception {
        Cipher sunJce = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        sunJce.init(mode, new SecretKeySpec(keyBytes, "AES"), spec);
        sunJce.updateAAD(aad);
        return sunJce.doFinal(data);
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        return b;
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}

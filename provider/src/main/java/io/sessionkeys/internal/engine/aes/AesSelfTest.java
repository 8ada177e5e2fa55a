package io.sessionkeys.internal.engine.aes;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.KnownAnswerTest;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Known-answer tests of the AES engines, run through the key gate as the ciphers use them:
 * FIPS-197 Appendix C.1 and C.3 (AES-128 and AES-256, both directions) and GCM test case 4 of
 * McGrew and Viega's GCM specification (AES-128, 20 bytes of AAD, 60 bytes of data), sealed and
 * opened with the two-pass decryption.
 */
public final class AesSelfTest {

    private AesSelfTest() {
    }

    public static List<KnownAnswerTest> tests() {
        return List.of(
                KnownAnswerTest.of("AES-128 block (FIPS-197 C.1)", () -> block(
                        "000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a")),
                KnownAnswerTest.of("AES-256 block (FIPS-197 C.3)", () -> block(
                        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                        "8ea2b7ca516745bfeafc49904b496089")),
                KnownAnswerTest.of("AES-GCM seal and open (GCM spec test case 4)", AesSelfTest::gcm));
    }

    private static void block(String keyHex, String expectedHex) {
        byte[] plain = hex("00112233445566778899aabbccddeeff");
        BlockCipherEngine aes = AesBlockEngine.INSTANCE;
        ManagedSessionKey key = key(hex(keyHex));
        try {
            byte[] out = new byte[16];
            key.withMaterial(KeyUse.PROCESS, aes.encryptSchedule(), s -> {
                aes.encryptBlocks(s, plain, 0, out, 0, 1);
                return null;
            });
            KnownAnswerTest.expectEqual(hex(expectedHex), out, "encryption");
            key.withMaterial(KeyUse.PROCESS, aes.decryptSchedule(), s -> {
                aes.decryptBlocks(s, out, 0, out, 0, 1);
                return null;
            });
            KnownAnswerTest.expectEqual(plain, out, "decryption");
        } finally {
            key.destroy(DestroyReason.EXPLICIT);
        }
    }

    private static void gcm() {
        byte[] nonce = hex("cafebabefacedbaddecaf888");
        byte[] aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] plain = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        byte[] sealed = hex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
                + "5bc94fbc3221a5db94fae95ae7121a47");
        AesGcmEngine engine = AesGcmEngine.INSTANCE;
        ManagedSessionKey key = key(hex("feffe9928665731c6d6a8f9467308308"));
        try {
            byte[] out = new byte[plain.length + 16];
            key.withMaterial(KeyUse.PROCESS, engine.precomputation(), k -> {
                AeadOperation op = engine.start(k, nonce);
                op.updateAad(k, aad, 0, aad.length);
                op.encrypt(k, plain, 0, plain.length, out, 0);
                op.computeTag(k, out, plain.length);
                op.wipe();
                return null;
            });
            KnownAnswerTest.expectEqual(sealed, out, "GCM encryption");
            byte[] opened = key.withMaterial(KeyUse.PROCESS, engine.precomputation(), k -> {
                AeadOperation op = engine.start(k, nonce);
                op.updateAad(k, aad, 0, aad.length);
                op.authenticate(k, sealed, 0, plain.length);
                byte[] tag = new byte[16];
                op.computeTag(k, tag, 0);
                byte[] received = java.util.Arrays.copyOfRange(sealed, plain.length, sealed.length);
                if (!MessageDigest.isEqual(tag, received)) {
                    throw new AssertionError("GCM decryption: tag differs from the known answer");
                }
                byte[] result = new byte[plain.length];
                op.decryptVerified(k, sealed, 0, plain.length, result, 0);
                op.wipe();
                return result;
            });
            KnownAnswerTest.expectEqual(plain, opened, "GCM decryption");
        } finally {
            key.destroy(DestroyReason.EXPLICIT);
        }
    }

    private static ManagedSessionKey key(byte[] bytes) {
        try {
            return ManagedSessionKey.create("AES", bytes.length * 8, bytes, 0, bytes.length,
                    KeyPolicy.builtInDefaults(), null, Clock.systemUTC());
        } finally {
            Zeroing.wipe(bytes);
        }
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}

package io.sessionkeys.internal.engine.openssl;

import static io.sessionkeys.internal.engine.openssl.NativeBlockModeKnownAnswers.both;
import static io.sessionkeys.internal.engine.openssl.NativeBlockModeKnownAnswers.expect;
import static io.sessionkeys.internal.engine.openssl.NativeBlockModeKnownAnswers.hex;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.engine.BlockModeEngine;
import io.sessionkeys.internal.engine.BlockModeOperation;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.time.Clock;
import java.util.Arrays;

/**
 * The known-answer tests the native AES-CFB8, CFB128 and OFB must pass before they are selected:
 * NIST SP 800-38A appendix F.3 (CFB8 on the first 18 bytes of the plaintext, CFB128) and F.4
 * (OFB), with AES-128, -192 and -256, each encrypted and decrypted through a real session key and
 * its gate in two calls split inside a segment (CFB128, OFB), so the partial segment carried
 * between calls is checked too. Each decryption is also run again from a saved point
 * ({@link BlockModeOperation#saveChain}, which reads OpenSSL's shift register back, and
 * {@link BlockModeOperation#restoreChain}), as a retried padded decryption does.
 */
final class NativeSegmentKnownAnswers {

    private static final String PLAIN = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
    private static final String IV = "000102030405060708090a0b0c0d0e0f";

    /** Key, then the CFB8 (18 bytes), CFB128 and OFB ciphertexts. */
    private static final String[][] CASES = {
        {"2b7e151628aed2a6abf7158809cf4f3c",
            "3b79424c9c0dd436bace9e0ed4586a4f32b9",
            "3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b"
                    + "26751f67a3cbb140b1808cf187a4f4dfc04b05357c5d1c0eeac4c66f9ff7f2e6",
            "3b3fd92eb72dad20333449f8e83cfb4a7789508d16918f03f53c52dac54ed825"
                    + "9740051e9c5fecf64344f7a82260edcc304c6528f659c77866a510d9c1d6ae5e"},
        {"8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
            "cda2521ef0a905ca44cd057cbf0d47a0678a",
            "cdc80d6fddf18cab34c25909c99a417467ce7f7f81173621961a2b70171d3d7a"
                    + "2e1e8a1dd59b88b1c8e60fed1efac4c9c05f9f9ca9834fa042ae8fba584b09ff",
            "cdc80d6fddf18cab34c25909c99a4174fcc28b8d4c63837c09e81700c1100401"
                    + "8d9a9aeac0f6596f559c6d4daf59a5f26d9f200857ca6c3e9cac524bd9acc92a"},
        {"603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "dc1f1a8520a64db55fcc8ac554844e889700",
            "dc7e84bfda79164b7ecd8486985d386039ffed143b28b1c832113c6331e5407b"
                    + "df10132415e54b92a13ed0a8267ae2f975a385741ab9cef82031623d55b1e471",
            "dc7e84bfda79164b7ecd8486985d38604febdc6740d20b3ac88f6ad82a4fb08d"
                    + "71ab47a086e86eedf39d1c5bba97c4080126141d67f37be8538f5a8be740e484"},
    };

    private NativeSegmentKnownAnswers() {
    }

    /** Throws {@link AssertionError} (naming the case, never data) unless every mode is right at every key size. */
    static void check(BlockModeEngine engine) {
        byte[] plain = hex(PLAIN);
        byte[] iv = hex(IV);
        for (String[] c : CASES) {
            byte[] keyBytes = hex(c[0]);
            ManagedSessionKey key;
            try {
                key = ManagedSessionKey.create("AES", keyBytes.length * 8, keyBytes, 0, keyBytes.length,
                        KeyPolicy.builtInDefaults(), null, Clock.systemUTC());
            } finally {
                Arrays.fill(keyBytes, (byte) 0);
            }
            String bits = "-" + c[0].length() * 4;
            try {
                byte[] cfb8 = hex(c[1]);
                byte[] shortPlain = Arrays.copyOf(plain, cfb8.length);
                both(key, engine, BlockModeEngine.Mode.CFB8, iv, shortPlain, cfb8, 7, "AES-CFB8" + bits);
                both(key, engine, BlockModeEngine.Mode.CFB128, iv, plain, hex(c[2]), 21, "AES-CFB128" + bits);
                both(key, engine, BlockModeEngine.Mode.OFB128, iv, plain, hex(c[3]), 21, "AES-OFB" + bits);
                resumed(key, engine, BlockModeEngine.Mode.CFB8, iv, cfb8, shortPlain, 7, "AES-CFB8" + bits);
                resumed(key, engine, BlockModeEngine.Mode.CFB128, iv, hex(c[2]), plain, 32, "AES-CFB128" + bits);
                resumed(key, engine, BlockModeEngine.Mode.OFB128, iv, hex(c[3]), plain, 32, "AES-OFB" + bits);
            } finally {
                key.destroy(DestroyReason.EXPLICIT);
            }
        }
    }

    /**
     * Decrypts the first {@code split} bytes, saves the state, decrypts the rest, goes back to the
     * saved state and decrypts the rest again: both times it must give the known plaintext.
     */
    private static void resumed(ManagedSessionKey key, BlockModeEngine engine, BlockModeEngine.Mode mode, byte[] iv,
            byte[] sealed, byte[] plain, int split, String what) {
        byte[][] rests = key.withMaterial(KeyUse.PROCESS, engine.precomputation(mode, false), k -> {
            BlockModeOperation op = engine.start(k, mode, false, iv);
            try {
                byte[] head = new byte[split];
                op.process(k, sealed, 0, split, head, 0);
                op.saveChain();
                byte[] first = new byte[sealed.length];
                op.process(k, sealed, split, sealed.length - split, first, split);
                op.restoreChain();
                byte[] second = new byte[sealed.length];
                op.process(k, sealed, split, sealed.length - split, second, split);
                System.arraycopy(head, 0, first, 0, split);
                System.arraycopy(head, 0, second, 0, split);
                return new byte[][] {first, second};
            } finally {
                op.wipe();
            }
        });
        expect(Arrays.equals(plain, rests[0]), what + " decryption before a restart differs from the known answer");
        expect(Arrays.equals(plain, rests[1]), what + " decryption after a restart differs from the known answer");
    }
}

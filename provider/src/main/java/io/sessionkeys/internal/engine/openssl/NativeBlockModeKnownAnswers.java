package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.engine.BlockModeEngine;
import io.sessionkeys.internal.engine.BlockModeOperation;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The known-answer tests the native block modes must pass before they are selected: NIST SP
 * 800-38A appendix F (ECB, CBC, CTR with AES-128, -192 and -256; F.1, F.2, F.5), each encrypted
 * and decrypted through a real session key and its gate, in two calls split off a block
 * boundary for CTR and on one for CBC and ECB, so the state carried between calls is checked too.
 */
final class NativeBlockModeKnownAnswers {

    private static final String PLAIN = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
    private static final String CBC_IV = "000102030405060708090a0b0c0d0e0f";
    private static final String CTR_IV = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

    /** Key, then the ECB, CBC and CTR ciphertexts of {@link #PLAIN}. */
    private static final String[][] CASES = {
        {"2b7e151628aed2a6abf7158809cf4f3c",
            "3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf"
                    + "43b1cd7f598ece23881b00e3ed0306887b0c785e27e8ad3f8223207104725dd4",
            "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
                    + "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7",
            "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
                    + "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee"},
        {"8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
            "bd334f1d6e45f25ff712a214571fa5cc974104846d0ad3ad7734ecb3ecee4eef"
                    + "ef7afd2270e2e60adce0ba2face6444e9a4b41ba738d6c72fb16691603c18e0e",
            "4f021db243bc633d7178183a9fa071e8b4d9ada9ad7dedf4e5e738763f69145a"
                    + "571b242012fb7ae07fa9baac3df102e008b0e27988598881d920a9e64f5615cd",
            "1abc932417521ca24f2b0459fe7e6e0b090339ec0aa6faefd5ccc2c6f4ce8e94"
                    + "1e36b26bd1ebc670d1bd1d665620abf74f78a7f6d29809585a97daec58c6b050"},
        {"603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "f3eed1bdb5d2a03c064b5a7e3db181f8591ccb10d410ed26dc5ba74a31362870"
                    + "b6ed21b99ca6f4f9f153e7b1beafed1d23304b7a39f9f3ff067d8d8f9e24ecc7",
            "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
                    + "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b",
            "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5"
                    + "2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6"},
    };

    private NativeBlockModeKnownAnswers() {
    }

    /** Throws {@link AssertionError} (naming the case, never data) unless every mode is right at every key size. */
    static void check(BlockModeEngine engine) {
        byte[] plain = hex(PLAIN);
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
                both(key, engine, BlockModeEngine.Mode.ECB, null, plain, hex(c[1]), 16, "AES-ECB" + bits);
                both(key, engine, BlockModeEngine.Mode.CBC, hex(CBC_IV), plain, hex(c[2]), 32, "AES-CBC" + bits);
                both(key, engine, BlockModeEngine.Mode.CTR, hex(CTR_IV), plain, hex(c[3]), 21, "AES-CTR" + bits);
            } finally {
                key.destroy(DestroyReason.EXPLICIT);
            }
        }
    }

    static void both(ManagedSessionKey key, BlockModeEngine engine, BlockModeEngine.Mode mode, byte[] iv,
            byte[] plain, byte[] sealed, int split, String what) {
        expect(Arrays.equals(sealed, run(key, engine, mode, true, iv, plain, split)),
                what + " encryption differs from the known answer");
        expect(Arrays.equals(plain, run(key, engine, mode, false, iv, sealed, split)),
                what + " decryption differs from the known answer");
    }

    /** One message in two calls: the first {@code split} bytes, then the rest, in place. */
    static byte[] run(ManagedSessionKey key, BlockModeEngine engine, BlockModeEngine.Mode mode,
            boolean encrypt, byte[] iv, byte[] input, int split) {
        byte[] data = input.clone();
        return key.withMaterial(KeyUse.PROCESS, engine.precomputation(mode, encrypt), k -> {
            BlockModeOperation op = engine.start(k, mode, encrypt, iv);
            try {
                op.process(k, data, 0, split, data, 0);
                op.process(k, data, split, data.length - split, data, split);
            } finally {
                op.wipe();
            }
            return data;
        });
    }

    static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}

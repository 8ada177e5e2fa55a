package io.sessionkeys.tests.blockmode;

import static io.sessionkeys.tests.blockmode.BlockModes.cipher;
import static io.sessionkeys.tests.blockmode.BlockModes.hex;
import static io.sessionkeys.tests.blockmode.BlockModes.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NIST SP 800-38A Appendix F: F.1 (ECB), F.2 (CBC), F.3 (CFB8 and CFB128), F.4 (OFB) and F.5 (CTR),
 * for AES-128, -192 and -256; CFB and OFB also through SunJCE's fixed-size names and OIDs. The CFB8
 * vectors cover the first 18 bytes of the plaintext.
 */
class NistSp80038aVectorsTest {

    private static final String PLAINTEXT = "6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710";
    private static final String KEY_128 = "2b7e151628aed2a6abf7158809cf4f3c";
    private static final String KEY_192 = "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b";
    private static final String KEY_256 = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";
    private static final String CBC_IV = "000102030405060708090a0b0c0d0e0f";
    private static final String CTR_IV = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";
    private static final String CFB128_AES128 = "3b3fd92eb72dad20333449f8e83cfb4a c8a64537a0b3a93fcde3cdad9f1ce58b"
            + "26751f67a3cbb140b1808cf187a4f4df c04b05357c5d1c0eeac4c66f9ff7f2e6";
    private static final String OFB_AES128 = "3b3fd92eb72dad20333449f8e83cfb4a 7789508d16918f03f53c52dac54ed825"
            + "9740051e9c5fecf64344f7a82260edcc 304c6528f659c77866a510d9c1d6ae5e";

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("F.1.1 ECB-AES128", "AES/ECB/NoPadding", KEY_128, null,
                        "3ad77bb40d7a3660a89ecaf32466ef97 f5d3d58503b9699de785895a96fdbaaf"
                                + "43b1cd7f598ece23881b00e3ed030688 7b0c785e27e8ad3f8223207104725dd4"),
                Arguments.of("F.1.3 ECB-AES192", "AES/ECB/NoPadding", KEY_192, null,
                        "bd334f1d6e45f25ff712a214571fa5cc 974104846d0ad3ad7734ecb3ecee4eef"
                                + "ef7afd2270e2e60adce0ba2face6444e 9a4b41ba738d6c72fb16691603c18e0e"),
                Arguments.of("F.1.5 ECB-AES256", "AES/ECB/NoPadding", KEY_256, null,
                        "f3eed1bdb5d2a03c064b5a7e3db181f8 591ccb10d410ed26dc5ba74a31362870"
                                + "b6ed21b99ca6f4f9f153e7b1beafed1d 23304b7a39f9f3ff067d8d8f9e24ecc7"),
                Arguments.of("F.2.1 CBC-AES128", "AES/CBC/NoPadding", KEY_128, CBC_IV,
                        "7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2"
                                + "73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7"),
                Arguments.of("F.2.3 CBC-AES192", "AES/CBC/NoPadding", KEY_192, CBC_IV,
                        "4f021db243bc633d7178183a9fa071e8 b4d9ada9ad7dedf4e5e738763f69145a"
                                + "571b242012fb7ae07fa9baac3df102e0 08b0e27988598881d920a9e64f5615cd"),
                Arguments.of("F.2.5 CBC-AES256", "AES/CBC/NoPadding", KEY_256, CBC_IV,
                        "f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d"
                                + "39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b"),
                Arguments.of("F.5.1 CTR-AES128", "AES/CTR/NoPadding", KEY_128, CTR_IV,
                        "874d6191b620e3261bef6864990db6ce 9806f66b7970fdff8617187bb9fffdff"
                                + "5ae4df3edbd5d35e5b4f09020db03eab 1e031dda2fbe03d1792170a0f3009cee"),
                Arguments.of("F.5.3 CTR-AES192", "AES/CTR/NoPadding", KEY_192, CTR_IV,
                        "1abc932417521ca24f2b0459fe7e6e0b 090339ec0aa6faefd5ccc2c6f4ce8e94"
                                + "1e36b26bd1ebc670d1bd1d665620abf7 4f78a7f6d29809585a97daec58c6b050"),
                Arguments.of("F.5.5 CTR-AES256", "AES/CTR/NoPadding", KEY_256, CTR_IV,
                        "601ec313775789a5b7a7f504bbf3d228 f443e3ca4d62b59aca84e990cacaf5c5"
                                + "2b0930daa23de94ce87017ba2d84988d dfc9c58db67aada613c2dd08457941a6"),
                Arguments.of("F.3.7 CFB8-AES128", "AES/CFB8/NoPadding", KEY_128, CBC_IV,
                        "3b79424c9c0dd436bace9e0ed4586a4f32b9"),
                Arguments.of("F.3.9 CFB8-AES192", "AES/CFB8/NoPadding", KEY_192, CBC_IV,
                        "cda2521ef0a905ca44cd057cbf0d47a0678a"),
                Arguments.of("F.3.11 CFB8-AES256", "AES/CFB8/NoPadding", KEY_256, CBC_IV,
                        "dc1f1a8520a64db55fcc8ac554844e889700"),
                Arguments.of("F.3.13 CFB128-AES128", "AES/CFB128/NoPadding", KEY_128, CBC_IV, CFB128_AES128),
                Arguments.of("F.3.13 CFB128-AES128 as AES/CFB", "AES/CFB/NoPadding", KEY_128, CBC_IV, CFB128_AES128),
                Arguments.of("F.3.13 CFB128-AES128 by OID", "2.16.840.1.101.3.4.1.4", KEY_128, CBC_IV, CFB128_AES128),
                Arguments.of("F.3.15 CFB128-AES192", "AES_192/CFB/NoPadding", KEY_192, CBC_IV,
                        "cdc80d6fddf18cab34c25909c99a4174 67ce7f7f81173621961a2b70171d3d7a"
                                + "2e1e8a1dd59b88b1c8e60fed1efac4c9 c05f9f9ca9834fa042ae8fba584b09ff"),
                Arguments.of("F.3.17 CFB128-AES256", "AES/CFB128/NoPadding", KEY_256, CBC_IV,
                        "dc7e84bfda79164b7ecd8486985d3860 39ffed143b28b1c832113c6331e5407b"
                                + "df10132415e54b92a13ed0a8267ae2f9 75a385741ab9cef82031623d55b1e471"),
                Arguments.of("F.4.1 OFB-AES128", "AES/OFB/NoPadding", KEY_128, CBC_IV, OFB_AES128),
                Arguments.of("F.4.1 OFB-AES128 as AES_128/OFB", "AES_128/OFB/NoPadding", KEY_128, CBC_IV, OFB_AES128),
                Arguments.of("F.4.3 OFB-AES192", "AES/OFB128/NoPadding", KEY_192, CBC_IV,
                        "cdc80d6fddf18cab34c25909c99a4174 fcc28b8d4c63837c09e81700c1100401"
                                + "8d9a9aeac0f6596f559c6d4daf59a5f2 6d9f200857ca6c3e9cac524bd9acc92a"),
                Arguments.of("F.4.5 OFB-AES256 by OID", "OID.2.16.840.1.101.3.4.1.43", KEY_256, CBC_IV,
                        "dc7e84bfda79164b7ecd8486985d3860 4febdc6740d20b3ac88f6ad82a4fb08d"
                                + "71ab47a086e86eedf39d1c5bba97c408 0126141d67f37be8538f5a8be740e484"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encrypt_nistVector_givesTheKnownCiphertext(String name, String transformation, String key, String iv,
            String ciphertext) throws Exception {
        Cipher c = cipher(transformation);
        c.init(Cipher.ENCRYPT_MODE, sessionKey(hex(key)), iv == null ? null : new IvParameterSpec(hex(iv)));
        assertArrayEquals(hex(ciphertext), c.doFinal(plaintext(ciphertext)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decrypt_nistVector_givesTheKnownPlaintext(String name, String transformation, String key, String iv,
            String ciphertext) throws Exception {
        Cipher c = cipher(transformation);
        c.init(Cipher.DECRYPT_MODE, sessionKey(hex(key)), iv == null ? null : new IvParameterSpec(hex(iv)));
        assertArrayEquals(plaintext(ciphertext), c.doFinal(hex(ciphertext)));
    }

    /** The Appendix F plaintext, as long as the vector's ciphertext (CFB8 uses 18 bytes of it). */
    private static byte[] plaintext(String ciphertext) {
        return java.util.Arrays.copyOf(hex(PLAINTEXT), hex(ciphertext).length);
    }
}

package io.sessionkeys.internal.blockmode;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.config.Settings;
import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.engine.aes.AesBlockEngine;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.ProviderContext;
import io.sessionkeys.internal.service.KnownAnswerTest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

/**
 * Known answers for the block modes on the production engine (NIST SP 800-38A F.2.1 and F.5.1,
 * first two blocks), run through the SPI classes directly, never through JCA, so the self-test
 * cannot recurse into the provider it guards.
 */
public final class BlockModeSelfTest {

    private static final String KEY = "2b7e151628aed2a6abf7158809cf4f3c";
    private static final String PLAINTEXT = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51";

    private BlockModeSelfTest() {
    }

    public static List<KnownAnswerTest> tests() {
        return List.of(
                KnownAnswerTest.of("AES-CBC (SP 800-38A F.2.1)", () -> check(false, "000102030405060708090a0b0c0d0e0f",
                        "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2")),
                KnownAnswerTest.of("AES-CTR (SP 800-38A F.5.1)", () -> check(true, "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
                        "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff")));
    }

    private static void check(boolean ctr, String iv, String ciphertext) throws Exception {
        HexFormat hex = HexFormat.of();
        ProviderContext context = new ProviderContext(Settings.fromSystemProperties(), Clock.systemUTC());
        byte[] raw = hex.parseHex(KEY);
        ManagedSessionKey key = ManagedSessionKey.create("AES", 128, raw, 0, raw.length, KeyPolicy.builtInDefaults(),
                null, Clock.systemUTC());
        Zeroing.wipe(raw);
        try {
            IvParameterSpec spec = new IvParameterSpec(hex.parseHex(iv));
            byte[] plaintext = hex.parseHex(PLAINTEXT);
            BlockModeCipher encrypt = ctr ? new CtrCipher(context, AesBlockEngine.INSTANCE)
                    : new CbcCipher(context, AesBlockEngine.INSTANCE, false, KeySize.ANY);
            encrypt.engineInit(Cipher.ENCRYPT_MODE, key, spec, null);
            byte[] actual = encrypt.engineDoFinal(plaintext, 0, plaintext.length);
            KnownAnswerTest.expectEqual(hex.parseHex(ciphertext), actual, "encryption");
            BlockModeCipher decrypt = ctr ? new CtrCipher(context, AesBlockEngine.INSTANCE)
                    : new CbcCipher(context, AesBlockEngine.INSTANCE, false, KeySize.ANY);
            decrypt.engineInit(Cipher.DECRYPT_MODE, key, spec, null);
            KnownAnswerTest.expectEqual(plaintext, decrypt.engineDoFinal(actual, 0, actual.length), "decryption");
        } finally {
            key.destroy(DestroyReason.EXPLICIT);
        }
    }
}

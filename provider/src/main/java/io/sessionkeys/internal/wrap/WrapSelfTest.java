package io.sessionkeys.internal.wrap;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.engine.aes.AesBlockEngine;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.KnownAnswerTest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Known-answer tests of AES key wrapping on the provider's AES engine: RFC 3394 §4.1 (KW, 128-bit
 * KEK and key data) and RFC 5649 §6 (KWP, 20 and 7 bytes of key data), each wrapped and then
 * unwrapped.
 */
public final class WrapSelfTest {

    private WrapSelfTest() {
    }

    public static List<KnownAnswerTest> tests() {
        return tests(AesBlockEngine.INSTANCE);
    }

    static List<KnownAnswerTest> tests(BlockCipherEngine engine) {
        return List.of(
                KnownAnswerTest.of("AES-KW RFC 3394 4.1", () -> check(engine, AesWrapVariant.KW,
                        "000102030405060708090A0B0C0D0E0F", "00112233445566778899AABBCCDDEEFF",
                        "1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5")),
                KnownAnswerTest.of("AES-KWP RFC 5649 6 (20 bytes)", () -> check(engine, AesWrapVariant.KWP,
                        "5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8", "c37b7e6492584340bed12207808941155068f738",
                        "138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a")),
                KnownAnswerTest.of("AES-KWP RFC 5649 6 (7 bytes)", () -> check(engine, AesWrapVariant.KWP,
                        "5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8", "466f7250617369",
                        "afbeb0f07dfbf5419200f2ccb50bb24f")));
    }

    private static void check(BlockCipherEngine engine, AesWrapVariant variant, String kekHex, String dataHex,
            String wrappedHex) throws Exception {
        HexFormat hex = HexFormat.of();
        byte[] kekBytes = hex.parseHex(kekHex);
        byte[] data = hex.parseHex(dataHex);
        byte[] expected = hex.parseHex(wrappedHex);
        ManagedSessionKey kekKey = ManagedSessionKey.create("AES", kekBytes.length * 8, kekBytes, 0, kekBytes.length,
                KeyPolicy.builtInDefaults(), null, Clock.systemUTC());
        try {
            KeyEncryptionKey kek = KeyEncryptionKey.of(kekKey, KeySize.ANY, KeyUse.PROTECT, "self-test", null);
            AesWrapOperation operation = new AesWrapOperation(engine, variant,
                    variant == AesWrapVariant.KWP ? AesKeyWrap.KWP_ICV : AesKeyWrap.KW_DEFAULT_ICV);
            byte[] buf = operation.wrap(kek, data);
            KnownAnswerTest.expectEqual(expected, buf, variant + " wrap");
            int length = operation.unwrap(kek, buf, buf.length);
            byte[] recovered = length < 0 ? new byte[0]
                    : Arrays.copyOfRange(buf, AesKeyWrap.SEMIBLOCK, AesKeyWrap.SEMIBLOCK + length);
            KnownAnswerTest.expectEqual(data, recovered, variant + " unwrap");
            buf[buf.length - 1] ^= 1;
            if (operation.unwrap(kek, buf, buf.length) >= 0) {
                throw new AssertionError(variant + " unwrap accepted a changed wrapped key");
            }
        } finally {
            kekKey.destroy(DestroyReason.EXPLICIT);
            Zeroing.wipe(kekBytes);
        }
    }
}

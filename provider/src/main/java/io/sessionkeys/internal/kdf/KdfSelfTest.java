package io.sessionkeys.internal.kdf;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.service.KnownAnswerTest;
import java.util.HexFormat;
import java.util.List;

/** Known answers for HKDF-SHA256 (RFC 5869 A.1): extract, extract-then-expand, and expand only. */
public final class KdfSelfTest {

    private KdfSelfTest() {
    }

    public static List<KnownAnswerTest> tests() {
        return List.of(KnownAnswerTest.of("HKDF-SHA256 (RFC 5869 A.1)", KdfSelfTest::hkdf));
    }

    private static void hkdf() {
        byte[] ikm = new byte[22];
        java.util.Arrays.fill(ikm, (byte) 0x0b);
        HexFormat hex = HexFormat.of();
        byte[] salt = hex.parseHex("000102030405060708090a0b0c");
        byte[] info = hex.parseHex("f0f1f2f3f4f5f6f7f8f9");
        byte[] prk = Hkdf.deriveFromBytes(ShaAlgorithm.SHA256, Hkdf.Mode.EXTRACT_ONLY, salt, ikm, info, 32);
        byte[] okm = Hkdf.deriveFromBytes(ShaAlgorithm.SHA256, Hkdf.Mode.EXTRACT_THEN_EXPAND, salt, ikm, info, 42);
        byte[] expanded = Hkdf.deriveFromBytes(ShaAlgorithm.SHA256, Hkdf.Mode.EXPAND_ONLY, new byte[0], prk, info, 42);
        try {
            KnownAnswerTest.expectEqual(hex.parseHex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"),
                    prk, "HKDF-SHA256 PRK");
            byte[] expectedOkm = hex.parseHex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                    + "34007208d5b887185865");
            KnownAnswerTest.expectEqual(expectedOkm, okm, "HKDF-SHA256 OKM");
            KnownAnswerTest.expectEqual(expectedOkm, expanded, "HKDF-SHA256 expand only");
        } finally {
            Zeroing.wipe(prk);
            Zeroing.wipe(okm);
            Zeroing.wipe(expanded);
        }
    }
}

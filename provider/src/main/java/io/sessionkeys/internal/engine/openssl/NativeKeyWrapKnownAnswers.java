package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.engine.KeyWrapEngine;
import io.sessionkeys.internal.engine.KeyWrapEngine.Padding;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The known-answer tests native AES-KW and KWP must pass before they are selected: RFC 3394
 * §4.1, 4.2 and 4.6 (KW with 128-, 192- and 256-bit KEKs), RFC 5649 §6 (KWP, 20 and 7 bytes) and
 * a KW run over PKCS#5 padding, each wrapped through a real session KEK and its gate, unwrapped
 * into a direct buffer as a new key's slot would be, and unwrapped again with one bit flipped,
 * which must be refused.
 */
final class NativeKeyWrapKnownAnswers {

    private static final byte[] KW_ICV = hex("a6a6a6a6a6a6a6a6");
    private static final byte[] KWP_ICV = hex("a65959a6");

    /** Padding, KEK, data, wrapped. */
    private static final Object[][] CASES = {
        {Padding.NONE, "000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff",
            "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"},
        {Padding.NONE, "000102030405060708090a0b0c0d0e0f1011121314151617", "00112233445566778899aabbccddeeff",
            "96778b25ae6ca435f92b5b97c050aed2468ab8a17ad84e5d"},
        {Padding.NONE, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f",
            "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21"},
        {Padding.KWP, "5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8", "c37b7e6492584340bed12207808941155068f738",
            "138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a"},
        {Padding.KWP, "5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8", "466f7250617369",
            "afbeb0f07dfbf5419200f2ccb50bb24f"},
        // RFC 3394 4.1 again, its data now 15 bytes and one PKCS#5 pad byte (0x01 replaces 0xff)
        {Padding.PKCS5, "000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddee",
            null},
    };

    private NativeKeyWrapKnownAnswers() {
    }

    /** Throws {@link AssertionError} (naming the case, never data) unless every case is right. */
    static void check(KeyWrapEngine engine) {
        for (Object[] c : CASES) {
            Padding padding = (Padding) c[0];
            byte[] data = hex((String) c[2]);
            byte[] expected = c[3] != null ? hex((String) c[3]) : null;
            String what = (padding == Padding.KWP ? "AES-KWP" : padding == Padding.PKCS5 ? "AES-KW/PKCS5Padding" : "AES-KW")
                    + " with a " + ((String) c[1]).length() * 4 + "-bit KEK";
            byte[] keyBytes = hex((String) c[1]);
            ManagedSessionKey kek;
            try {
                kek = ManagedSessionKey.create("AES", keyBytes.length * 8, keyBytes, 0, keyBytes.length,
                        KeyPolicy.builtInDefaults(), null, Clock.systemUTC());
            } finally {
                Arrays.fill(keyBytes, (byte) 0);
            }
            try {
                if (expected == null) { // the PKCS#5 case: KW of the padded data is RFC 3394 4.1 with ff -> 01
                    expected = wrapped(kek, engine, Padding.NONE, hex("00112233445566778899aabbccddee01"), 24);
                }
                byte[] icv = padding == Padding.KWP ? KWP_ICV : KW_ICV;
                byte[] got = wrapped(kek, engine, padding, data, expected.length);
                expect(Arrays.equals(expected, got), what + " wrapping differs from the known answer");
                expect(Arrays.equals(data, unwrapped(kek, engine, padding, icv, got)),
                        what + " unwrapping differs from the known answer");
                got[got.length - 1] ^= 1;
                expect(unwrapped(kek, engine, padding, icv, got) == null, what + " unwrapped a changed blob");
            } finally {
                kek.destroy(DestroyReason.EXPLICIT);
            }
        }
    }

    private static byte[] wrapped(ManagedSessionKey kek, KeyWrapEngine engine, Padding padding, byte[] data,
            int length) {
        byte[] out = new byte[length];
        kek.withMaterial(KeyUse.PROTECT, engine.precomputation(padding, true), k -> {
            engine.wrap(k, padding, padding == Padding.KWP ? KWP_ICV : KW_ICV, ByteBuffer.wrap(data), out);
            return null;
        });
        return out;
    }

    /** The recovered data through a direct buffer, or null if refused. */
    private static byte[] unwrapped(ManagedSessionKey kek, KeyWrapEngine engine, Padding padding, byte[] icv,
            byte[] wrapped) {
        return kek.withMaterial(KeyUse.PROCESS, engine.precomputation(padding, false), k -> {
            try (KeyWrapEngine.Recovered r = engine.unwrap(k, padding, icv, wrapped, 0, wrapped.length)) {
                if (r == null) {
                    return null;
                }
                ByteBuffer slot = ByteBuffer.allocateDirect(r.length());
                r.moveTo(slot);
                byte[] out = new byte[r.length()];
                slot.get(0, out);
                return out;
            }
        });
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}

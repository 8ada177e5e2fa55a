package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The known-answer tests a native engine must pass before it is selected, run through a real
 * session key and its gate (so the key record is made, used, and released with the key):
 * the GCM specification's test cases 4, 10 and 16 (AES-128, -192, -256) and RFC 8439 section
 * 2.8.2 (ChaCha20-Poly1305), each sealed, opened, and opened again with one ciphertext bit
 * flipped, which must be refused without writing plaintext; all of it step by step and again as
 * whole messages (an engine may run the two on different code, as the own AES-GCM kernel does).
 */
final class NativeKnownAnswers {

    private static final String GCM_NONCE = "cafebabefacedbaddecaf888";
    private static final String GCM_AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
    private static final String GCM_PLAIN = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
    private static final String[][] GCM_CASES = {
        {"feffe9928665731c6d6a8f9467308308",
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa05"
                    + "1ba30b396a0aac973d58e0915bc94fbc3221a5db94fae95ae7121a47"},
        {"feffe9928665731c6d6a8f9467308308feffe9928665731c",
            "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c7d773d00c144c525ac619d18c84a3f47"
                    + "18e2448b2fe324d9ccda27102519498e80f1478f37ba55bd6d27618c"},
        {"feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
                    + "c5f61e6393ba7a0abcc9f66276fc6ece0f4e1768cddf8853bb2d551b"},
    };

    private static final String CHACHA_KEY = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";
    private static final String CHACHA_NONCE = "070000004041424344454647";
    private static final String CHACHA_AAD = "50515253c0c1c2c3c4c5c6c7";
    private static final String CHACHA_PLAIN = "4c616469657320616e642047656e746c656d656e206f662074686520636c6173"
            + "73206f66202739393a204966204920636f756c64206f6666657220796f75206f6e6c79206f6e652074697020666f722074"
            + "6865206675747572652c2073756e73637265656e20776f756c642062652069742e";
    private static final String CHACHA_SEALED = "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
            + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58"
            + "fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116"
            + "1ae10b594f09e26a7e902ecbd0600691";

    private NativeKnownAnswers() {
    }

    /** Throws {@link AssertionError} (naming the case, never data) unless AES-GCM is right at every key size. */
    static void aesGcm(AeadEngine engine) {
        for (String[] c : GCM_CASES) {
            check(engine, "AES", c[0], GCM_NONCE, GCM_AAD, GCM_PLAIN, c[1]);
        }
    }

    static void chaCha20Poly1305(AeadEngine engine) {
        check(engine, "ChaCha20", CHACHA_KEY, CHACHA_NONCE, CHACHA_AAD, CHACHA_PLAIN, CHACHA_SEALED);
    }

    private static void check(AeadEngine engine, String algorithm, String keyHex, String nonceHex, String aadHex,
            String plainHex, String sealedHex) {
        String what = engine.name() + "-" + keyHex.length() * 4;
        byte[] nonce = hex(nonceHex);
        byte[] aad = hex(aadHex);
        byte[] plain = hex(plainHex);
        byte[] sealed = hex(sealedHex);
        int n = plain.length;
        byte[] keyBytes = hex(keyHex);
        ManagedSessionKey key;
        try {
            key = ManagedSessionKey.create(algorithm, keyBytes.length * 8, keyBytes, 0, keyBytes.length,
                    KeyPolicy.builtInDefaults(), null, Clock.systemUTC());
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
        try {
            byte[] out = new byte[n + 16];
            key.withMaterial(KeyUse.PROCESS, engine.precomputation(), k -> {
                AeadOperation op = engine.start(k, nonce, true);
                try {
                    op.updateAad(k, aad, 0, aad.length);
                    op.encrypt(k, plain, 0, n, out, 0);
                    op.computeTag(k, out, n);
                } finally {
                    op.wipe();
                }
                return null;
            });
            expect(Arrays.equals(sealed, out), what + " encryption differs from the known answer");
            byte[] whole = new byte[n + 16];
            key.withMaterial(KeyUse.PROCESS, engine.precomputation(), k -> {
                engine.seal(k, nonce, aad, 0, aad.length, plain, 0, n, whole, 0, 16);
                return null;
            });
            expect(Arrays.equals(sealed, whole), what + " whole-message encryption differs from the known answer");
            for (boolean stepwise : new boolean[] {true, false}) {
                String form = what + (stepwise ? "" : " whole-message");
                byte[] opened = new byte[n];
                expect(open(key, engine, stepwise, nonce, aad, sealed, opened) && Arrays.equals(plain, opened),
                        form + " decryption differs from the known answer");
                byte[] forged = sealed.clone();
                forged[0] ^= 1;
                byte[] refused = new byte[n];
                expect(!open(key, engine, stepwise, nonce, aad, forged, refused),
                        form + " accepted a modified ciphertext");
                expect(Arrays.equals(new byte[n], refused), form + " wrote plaintext for a modified ciphertext");
            }
        } finally {
            key.destroy(DestroyReason.EXPLICIT);
        }
    }

    private static boolean open(ManagedSessionKey key, AeadEngine engine, boolean stepwise, byte[] nonce, byte[] aad,
            byte[] sealed, byte[] out) {
        int n = sealed.length - 16;
        return key.withMaterial(KeyUse.PROCESS, engine.precomputation(), k -> {
            if (!stepwise) {
                return engine.open(k, nonce, aad, 0, aad.length, sealed, 0, n, sealed, n, 16, out, 0);
            }
            AeadOperation op = engine.start(k, nonce, false);
            try {
                op.updateAad(k, aad, 0, aad.length);
                return op.openVerified(k, sealed, 0, n, sealed, n, 16, out, 0);
            } finally {
                op.wipe();
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

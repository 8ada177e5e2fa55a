package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.engine.HmacComputation;
import io.sessionkeys.internal.engine.HmacEngine;
import io.sessionkeys.internal.engine.KeyingSource;
import io.sessionkeys.internal.engine.hmac.JavaHkdf;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The known-answer tests the native HMAC and HKDF must pass before they are selected, run through
 * real session keys and their gates (so key records are made, used, and released with the key).
 *
 * <ul>
 *   <li>HMAC: RFC 4231 cases 2 (a short key) and 6 (a key longer than a block) for each hash;
 *       each key computes its tag twice (the second time on a pooled context restarted without
 *       the key), once more after a message abandoned halfway, and with the message split across
 *       the byte, array and direct-buffer forms.
 *   <li>HKDF: RFC 5869 A.1 in all three modes (SHA-256), the output written into a direct buffer
 *       as a derived key's slot is; and, for SHA-384 and SHA-512, which RFC 5869 has no vectors
 *       for, agreement with the Java engine on a fixed input, with a session key as input.
 * </ul>
 */
final class NativeMacKnownAnswers {

    private static final byte[] JEFE = "Jefe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUESTION = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LARGE_KEY_MESSAGE = "Test Using Larger Than Block-Size Key - Hash Key First"
            .getBytes(StandardCharsets.US_ASCII);

    private NativeMacKnownAnswers() {
    }

    /** Throws {@link AssertionError} (naming the case, never data) unless HMAC is right for {@code hash}. */
    static void hmac(HmacEngine engine) {
        byte[] longKey = new byte[131];
        Arrays.fill(longKey, (byte) 0xaa);
        switch (engine.hash()) {
            case SHA256:
                check(engine, JEFE, QUESTION, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
                check(engine, longKey, LARGE_KEY_MESSAGE,
                        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
                break;
            case SHA384:
                check(engine, JEFE, QUESTION, "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47"
                        + "e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649");
                check(engine, longKey, LARGE_KEY_MESSAGE, "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f"
                        + "3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952");
                break;
            default:
                check(engine, JEFE, QUESTION, "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                        + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
                check(engine, longKey, LARGE_KEY_MESSAGE, "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1"
                        + "121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598");
        }
    }

    private static void check(HmacEngine engine, byte[] keyBytes, byte[] message, String expectedHex) {
        String what = engine.name() + " on OpenSSL with a " + keyBytes.length + "-byte key";
        byte[] expected = hex(expectedHex);
        ManagedSessionKey key = key(engine.hash().hmacName(), keyBytes);
        try {
            HmacComputation computation = engine.newComputation();
            for (int round = 0; round < 3; round++) {
                int form = round;
                byte[] tag = new byte[expected.length];
                key.withMaterial(KeyUse.PROCESS, engine.precomputation(), keyed -> {
                    computation.start(keyed);
                    if (form == 1) { // a message abandoned halfway must not leak into the next one
                        computation.update(keyed, message, 0, message.length);
                        computation.start(keyed);
                    }
                    if (form == 2) {
                        int third = message.length / 3;
                        computation.update(keyed, message[0]);
                        computation.update(keyed, message, 1, third - 1);
                        ByteBuffer direct = ByteBuffer.allocateDirect(message.length).put(message);
                        computation.update(keyed, direct, third, message.length - third);
                    } else {
                        computation.update(keyed, message, 0, message.length);
                    }
                    computation.finish(keyed, tag, 0);
                    return null;
                });
                expect(Arrays.equals(expected, tag), what + " differs from RFC 4231 (round " + round + ")");
            }
            computation.wipe();
        } finally {
            key.destroy(DestroyReason.EXPLICIT);
        }
    }

    /** RFC 5869 A.1 (SHA-256) in all three modes; SHA-384 and SHA-512 against the Java engine. */
    static void hkdf(HkdfEngine engine) {
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = hex("000102030405060708090a0b0c");
        byte[] info = hex("f0f1f2f3f4f5f6f7f8f9");
        byte[] prk = hex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        byte[] okm = hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
        expect(Arrays.equals(prk, derive(engine, ShaAlgorithm.SHA256, true, false, salt, ikm, info, 32, true)),
                "HKDF-SHA256 extract on OpenSSL differs from RFC 5869 A.1");
        expect(Arrays.equals(okm, derive(engine, ShaAlgorithm.SHA256, true, true, salt, ikm, info, 42, true)),
                "HKDF-SHA256 on OpenSSL differs from RFC 5869 A.1");
        expect(Arrays.equals(okm, derive(engine, ShaAlgorithm.SHA256, false, true, null, prk, info, 42, false)),
                "HKDF-SHA256 expand on OpenSSL differs from RFC 5869 A.1");
        for (ShaAlgorithm hash : List.of(ShaAlgorithm.SHA384, ShaAlgorithm.SHA512)) {
            int length = 3 * hash.digestLength() - 5; // a partial last block
            byte[] ours = derive(engine, hash, true, true, salt, ikm, info, length, true);
            byte[] java = derive(JavaHkdf.INSTANCE, hash, true, true, salt, ikm, info, length, true);
            expect(Arrays.equals(java, ours), "HKDF-" + hash.digestName() + " on OpenSSL differs from the Java engine");
        }
    }

    /** Derives through the engine, the input from a session key if {@code sessionInput}, into a direct buffer. */
    private static byte[] derive(HkdfEngine engine, ShaAlgorithm hash, boolean extract, boolean expand, byte[] salt,
            byte[] input, byte[] info, int length, boolean sessionInput) {
        ManagedSessionKey key = sessionInput ? key(hash.hmacName(), input) : null;
        try {
            KeyingSource inputSource = key != null ? sessionSource(key) : bytesSource(input);
            ByteBuffer out = ByteBuffer.allocateDirect(length);
            engine.derive(hash, extract, expand, salt == null ? List.of() : List.of(bytesSource(salt)),
                    List.of(inputSource), info, out);
            byte[] result = new byte[length];
            out.get(0, result);
            return result;
        } finally {
            if (key != null) {
                key.destroy(DestroyReason.EXPLICIT);
            }
        }
    }

    private static KeyingSource bytesSource(byte[] bytes) {
        return sink -> sink.bytes(bytes, 0, bytes.length);
    }

    private static KeyingSource sessionSource(ManagedSessionKey key) {
        return sink -> key.withMaterial(KeyUse.PROTECT, null, material -> {
            sink.material(material, 0, material.limit());
            return null;
        });
    }

    private static ManagedSessionKey key(String algorithm, byte[] keyBytes) {
        byte[] copy = keyBytes.clone();
        try {
            return ManagedSessionKey.create(algorithm, copy.length * 8, copy, 0, copy.length,
                    KeyPolicy.builtInDefaults(), null, Clock.systemUTC());
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
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

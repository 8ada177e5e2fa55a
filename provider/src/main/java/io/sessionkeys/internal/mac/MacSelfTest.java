package io.sessionkeys.internal.mac;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.hmac.HmacKeySchedule;
import io.sessionkeys.internal.engine.hmac.HmacState;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.engine.sha.ShaHash;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.KnownAnswerTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Known answers for the SHA-2 engines (FIPS 180-4 "abc") and HMAC through a session key's off-heap
 * schedule (RFC 4231 cases 2 and 6: a short key, and a key longer than a block). HKDF has its own,
 * in {@code KdfSelfTest}.
 */
public final class MacSelfTest {

    private MacSelfTest() {
    }

    public static List<KnownAnswerTest> tests() {
        return List.of(
                KnownAnswerTest.of("SHA-256, SHA-384, SHA-512 (FIPS 180-4 \"abc\")", MacSelfTest::sha),
                KnownAnswerTest.of("HMAC-SHA256/384/512 with a session key (RFC 4231 cases 2, 6)", MacSelfTest::hmac));
    }

    private static void sha() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        expectDigest(ShaAlgorithm.SHA256, abc,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        expectDigest(ShaAlgorithm.SHA384, abc, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
                + "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
        expectDigest(ShaAlgorithm.SHA512, abc, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    }

    private static void expectDigest(ShaAlgorithm algorithm, byte[] message, String expectedHex) {
        ShaHash h = algorithm.newHash();
        h.update(message, 0, message.length);
        byte[] out = new byte[algorithm.digestLength()];
        h.finish(out, 0);
        KnownAnswerTest.expectEqual(HexFormat.of().parseHex(expectedHex), out, algorithm.digestName());
    }

    private static void hmac() {
        byte[] jefe = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] question = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        expectHmac(ShaAlgorithm.SHA256, jefe, question,
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        expectHmac(ShaAlgorithm.SHA384, jefe, question, "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47"
                + "e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649");
        expectHmac(ShaAlgorithm.SHA512, jefe, question, "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
        byte[] longKey = new byte[131];
        java.util.Arrays.fill(longKey, (byte) 0xaa);
        byte[] longKeyMessage = "Test Using Larger Than Block-Size Key - Hash Key First"
                .getBytes(StandardCharsets.US_ASCII);
        expectHmac(ShaAlgorithm.SHA256, longKey, longKeyMessage,
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        expectHmac(ShaAlgorithm.SHA512, longKey, longKeyMessage, "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1"
                + "121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598");
    }

    private static void expectHmac(ShaAlgorithm algorithm, byte[] keyBytes, byte[] message, String expectedHex) {
        byte[] copy = keyBytes.clone();
        ManagedSessionKey key = ManagedSessionKey.create(algorithm.hmacName(), copy.length * 8, copy, 0, copy.length,
                KeyPolicy.builtInDefaults(), null, Clock.systemUTC());
        Zeroing.wipe(copy);
        try {
            HmacKeySchedule schedule = HmacKeySchedule.of(algorithm);
            HmacState state = new HmacState(schedule);
            byte[] tag = new byte[algorithm.digestLength()];
            key.withMaterial(KeyUse.PROCESS, schedule, keyed -> {
                state.start(keyed);
                state.update(message, 0, message.length);
                state.finish(keyed, tag, 0);
                return null;
            });
            KnownAnswerTest.expectEqual(HexFormat.of().parseHex(expectedHex), tag, algorithm.hmacName());
        } finally {
            key.destroy(DestroyReason.EXPLICIT);
        }
    }
}

package io.sessionkeys.internal.engine.chacha;

import static io.sessionkeys.internal.service.KnownAnswerTest.expectEqual;

import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.service.KnownAnswerTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Known-answer tests for ChaCha20, Poly1305 and ChaCha20-Poly1305, with the worked examples of
 * RFC 8439 (§2.4.2, §2.5.2, §2.8.2). They call the engine directly, on public test keys.
 */
public final class ChaChaSelfTest {

    private static final String SUNSCREEN = "Ladies and Gentlemen of the class of '99: If I could offer you only"
            + " one tip for the future, sunscreen would be it.";

    private ChaChaSelfTest() {
    }

    public static List<KnownAnswerTest> tests() {
        return List.of(
                KnownAnswerTest.of("ChaCha20 (RFC 8439 2.4.2)", ChaChaSelfTest::chacha20),
                KnownAnswerTest.of("Poly1305 (RFC 8439 2.5.2)", ChaChaSelfTest::poly1305),
                KnownAnswerTest.of("ChaCha20-Poly1305 encrypt (RFC 8439 2.8.2)", ChaChaSelfTest::aeadEncrypt),
                KnownAnswerTest.of("ChaCha20-Poly1305 decrypt (RFC 8439 2.8.2)", ChaChaSelfTest::aeadDecrypt));
    }

    private static void chacha20() {
        ByteBuffer key = direct(hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
        byte[] nonce = hex("000000000000004a00000000");
        byte[] plaintext = SUNSCREEN.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[plaintext.length];
        int n0 = ChaCha20.nonceWord(nonce, 0);
        int n1 = ChaCha20.nonceWord(nonce, 1);
        int n2 = ChaCha20.nonceWord(nonce, 2);
        ChaCha20.xorBlocks(key, 1, n0, n1, n2, plaintext, 0, out, 0, 1);
        byte[] block = new byte[ChaCha20.BLOCK_SIZE];
        ChaCha20.keystreamBlock(key, 2, n0, n1, n2, block);
        for (int i = 64; i < plaintext.length; i++) {
            out[i] = (byte) (plaintext[i] ^ block[i - 64]);
        }
        expectEqual(hex("6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0bf91b65c5524733ab8f593dabcd62b357"
                + "1639d624e65152ab8f530c359f0861d807ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
                + "5af90bbf74a35be6b40b8eedf2785e42874d"), out, "ChaCha20 ciphertext");
    }

    private static void poly1305() {
        Poly1305 mac = new Poly1305();
        mac.init(hex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b"), 0);
        byte[] message = "Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII);
        mac.update(message, 0, message.length);
        byte[] tag = new byte[Poly1305.TAG_SIZE];
        mac.finish(tag, 0);
        expectEqual(hex("a8061dc1305136c6c22b8baf0c0127a9"), tag, "Poly1305 tag");
    }

    private static final String AEAD_KEY = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";
    private static final String AEAD_NONCE = "070000004041424344454647";
    private static final String AEAD_AAD = "50515253c0c1c2c3c4c5c6c7";
    private static final String AEAD_CIPHERTEXT = "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
            + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58"
            + "fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116";
    private static final String AEAD_TAG = "1ae10b594f09e26a7e902ecbd0600691";

    private static void aeadEncrypt() {
        ByteBuffer key = direct(hex(AEAD_KEY));
        byte[] aad = hex(AEAD_AAD);
        byte[] plaintext = SUNSCREEN.getBytes(StandardCharsets.US_ASCII);
        AeadOperation op = ChaCha20Poly1305Engine.INSTANCE.start(key, hex(AEAD_NONCE));
        op.updateAad(key, aad, 0, aad.length);
        byte[] out = new byte[plaintext.length + op.tagLength()];
        // Split unevenly, to cover the partial-block paths as well as whole blocks.
        op.encrypt(key, plaintext, 0, 5, out, 0);
        op.encrypt(key, plaintext, 5, plaintext.length - 5, out, 5);
        op.computeTag(key, out, plaintext.length);
        expectEqual(hex(AEAD_CIPHERTEXT + AEAD_TAG), out, "ChaCha20-Poly1305 ciphertext and tag");
    }

    private static void aeadDecrypt() {
        ByteBuffer key = direct(hex(AEAD_KEY));
        byte[] aad = hex(AEAD_AAD);
        byte[] ciphertext = hex(AEAD_CIPHERTEXT);
        AeadOperation op = ChaCha20Poly1305Engine.INSTANCE.start(key, hex(AEAD_NONCE));
        op.updateAad(key, aad, 0, aad.length);
        op.authenticate(key, ciphertext, 0, ciphertext.length);
        byte[] tag = new byte[op.tagLength()];
        op.computeTag(key, tag, 0);
        expectEqual(hex(AEAD_TAG), tag, "ChaCha20-Poly1305 tag over the ciphertext");
        op.decryptVerified(key, ciphertext, 0, ciphertext.length, ciphertext, 0);
        expectEqual(SUNSCREEN.getBytes(StandardCharsets.US_ASCII), ciphertext, "ChaCha20-Poly1305 plaintext");

        // One flipped ciphertext bit must change the tag.
        byte[] tampered = hex(AEAD_CIPHERTEXT);
        tampered[17] ^= 0x04;
        AeadOperation again = ChaCha20Poly1305Engine.INSTANCE.start(key, hex(AEAD_NONCE));
        again.updateAad(key, aad, 0, aad.length);
        again.authenticate(key, tampered, 0, tampered.length);
        byte[] tamperedTag = new byte[again.tagLength()];
        again.computeTag(key, tamperedTag, 0);
        if (Arrays.equals(tag, tamperedTag)) {
            throw new AssertionError("ChaCha20-Poly1305: a modified ciphertext kept its tag");
        }
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static ByteBuffer direct(byte[] key) {
        return ByteBuffer.allocateDirect(key.length).put(0, key);
    }
}

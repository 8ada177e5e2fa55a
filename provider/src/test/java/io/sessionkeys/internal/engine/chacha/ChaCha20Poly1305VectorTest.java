package io.sessionkeys.internal.engine.chacha;

import static io.sessionkeys.internal.engine.chacha.Rfc8439Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sessionkeys.internal.engine.AeadOperation;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The RFC 8439 vectors, through ChaCha20, Poly1305 and the AEAD engine. */
class ChaCha20Poly1305VectorTest {

    static Stream<Rfc8439Vectors.ChaChaVector> chachaVectors() {
        return Arrays.stream(Rfc8439Vectors.CHACHA);
    }

    static Stream<Rfc8439Vectors.PolyVector> polyVectors() {
        return Arrays.stream(Rfc8439Vectors.POLY);
    }

    static Stream<Rfc8439Vectors.AeadVector> aeadVectors() {
        return Arrays.stream(Rfc8439Vectors.AEAD);
    }

    static ByteBuffer keyBuffer(byte[] key) {
        return ByteBuffer.allocateDirect(key.length).put(0, key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chachaVectors")
    void chacha20_rfcVector_matches(Rfc8439Vectors.ChaChaVector v) {
        ByteBuffer key = keyBuffer(hex(v.key()));
        byte[] nonce = hex(v.nonce());
        byte[] plaintext = hex(v.plaintext());
        byte[] out = new byte[plaintext.length];
        int whole = plaintext.length / 64;
        ChaCha20.xorBlocks(key, v.counter(), ChaCha20.nonceWord(nonce, 0), ChaCha20.nonceWord(nonce, 1),
                ChaCha20.nonceWord(nonce, 2), plaintext, 0, out, 0, whole);
        if (plaintext.length % 64 != 0) {
            byte[] block = new byte[64];
            ChaCha20.keystreamBlock(key, v.counter() + whole, ChaCha20.nonceWord(nonce, 0),
                    ChaCha20.nonceWord(nonce, 1), ChaCha20.nonceWord(nonce, 2), block);
            for (int i = whole * 64; i < plaintext.length; i++) {
                out[i] = (byte) (plaintext[i] ^ block[i - whole * 64]);
            }
        }
        assertArrayEquals(hex(v.ciphertext()), out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("polyVectors")
    void poly1305_rfcVector_matches(Rfc8439Vectors.PolyVector v) {
        Poly1305 mac = new Poly1305();
        mac.init(hex(v.key()), 0);
        byte[] message = hex(v.message());
        mac.update(message, 0, message.length);
        byte[] tag = new byte[16];
        mac.finish(tag, 0);
        assertArrayEquals(hex(v.tag()), tag);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("polyVectors")
    void poly1305_rfcVectorByteByByte_matches(Rfc8439Vectors.PolyVector v) {
        Poly1305 mac = new Poly1305();
        mac.init(hex(v.key()), 0);
        byte[] message = hex(v.message());
        for (int i = 0; i < message.length; i++) {
            mac.update(message, i, 1);
        }
        byte[] tag = new byte[16];
        mac.finish(tag, 0);
        assertArrayEquals(hex(v.tag()), tag);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aeadVectors")
    void encrypt_rfcVector_givesCiphertextAndTag(Rfc8439Vectors.AeadVector v) {
        ByteBuffer key = keyBuffer(hex(v.key()));
        byte[] aad = hex(v.aad());
        byte[] plaintext = hex(v.plaintext());
        AeadOperation op = ChaCha20Poly1305Engine.INSTANCE.start(key, hex(v.nonce()));
        op.updateAad(key, aad, 0, aad.length);
        byte[] out = new byte[plaintext.length];
        op.encrypt(key, plaintext, 0, plaintext.length, out, 0);
        byte[] tag = new byte[16];
        op.computeTag(key, tag, 0);
        assertArrayEquals(hex(v.ciphertext()), out);
        assertArrayEquals(hex(v.tag()), tag);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aeadVectors")
    void decrypt_rfcVectorTwoPass_givesTagAndPlaintext(Rfc8439Vectors.AeadVector v) {
        ByteBuffer key = keyBuffer(hex(v.key()));
        byte[] aad = hex(v.aad());
        byte[] ciphertext = hex(v.ciphertext());
        AeadOperation op = ChaCha20Poly1305Engine.INSTANCE.start(key, hex(v.nonce()));
        op.updateAad(key, aad, 0, aad.length);
        op.authenticate(key, ciphertext, 0, ciphertext.length);
        byte[] tag = new byte[16];
        op.computeTag(key, tag, 0);
        assertArrayEquals(hex(v.tag()), tag);
        op.decryptVerified(key, ciphertext, 0, ciphertext.length, ciphertext, 0);
        assertArrayEquals(hex(v.plaintext()), ciphertext);
    }
}

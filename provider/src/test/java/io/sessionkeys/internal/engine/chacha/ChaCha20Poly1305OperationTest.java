package io.sessionkeys.internal.engine.chacha;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.internal.engine.AeadOperation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's contract: nonce and key checks, the order of calls, wiping. */
class ChaCha20Poly1305OperationTest {

    private static final ChaCha20Poly1305Engine ENGINE = ChaCha20Poly1305Engine.INSTANCE;
    private final ByteBuffer key = ChaCha20Poly1305DifferentialTest.direct(new byte[32]);
    private final byte[] nonce = new byte[12];

    @Test
    void engine_describesItself_readsRawKeyAndAcceptsOnly12ByteNonces() {
        assertEquals("ChaCha20-Poly1305", ENGINE.name());
        assertNull(ENGINE.precomputation());
        assertTrue(ENGINE.acceptsNonceLength(12));
        assertFalse(ENGINE.acceptsNonceLength(8));
        assertFalse(ENGINE.acceptsNonceLength(16));
        assertFalse(ENGINE.acceptsNonceLength(24));
    }

    @Test
    void start_wrongNonceLength_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> ENGINE.start(key, new byte[8]));
        assertThrows(IllegalArgumentException.class, () -> ENGINE.start(key, null));
    }

    @Test
    void start_wrongKeyLength_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> ENGINE.start(ByteBuffer.allocateDirect(16), nonce));
    }

    @Test
    void start_littleEndianKeyBuffer_givesSameResultAsBigEndian() {
        byte[] keyBytes = new byte[32];
        for (int i = 0; i < 32; i++) {
            keyBytes[i] = (byte) (3 * i + 1);
        }
        ByteBuffer big = ChaCha20Poly1305DifferentialTest.direct(keyBytes);
        ByteBuffer little = ChaCha20Poly1305DifferentialTest.direct(keyBytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] plaintext = new byte[100];
        assertArrayEquals(ChaCha20Poly1305DifferentialTest.encrypt(big, nonce, new byte[3], plaintext, List.of(7)),
                ChaCha20Poly1305DifferentialTest.encrypt(little, nonce, new byte[3], plaintext, List.of(7)));
    }

    @Test
    void updateAad_afterData_throwsIllegalState() {
        AeadOperation op = ENGINE.start(key, nonce);
        op.encrypt(key, new byte[1], 0, 1, new byte[1], 0);
        assertThrows(IllegalStateException.class, () -> op.updateAad(key, new byte[1], 0, 1));
    }

    @Test
    void decryptVerified_beforeTag_throwsIllegalStateAndWritesNothing() {
        AeadOperation op = ENGINE.start(key, nonce);
        byte[] ciphertext = {1, 2, 3};
        op.authenticate(key, ciphertext, 0, 3);
        byte[] out = new byte[3];
        assertThrows(IllegalStateException.class, () -> op.decryptVerified(key, ciphertext, 0, 3, out, 0));
        assertArrayEquals(new byte[3], out);
    }

    @Test
    void decryptVerified_moreThanAuthenticated_throwsIllegalState() {
        AeadOperation op = ENGINE.start(key, nonce);
        byte[] ciphertext = new byte[10];
        op.authenticate(key, ciphertext, 0, 5);
        op.computeTag(key, new byte[16], 0);
        assertThrows(IllegalStateException.class, () -> op.decryptVerified(key, ciphertext, 0, 10, new byte[10], 0));
    }

    @Test
    void computeTag_twice_throwsIllegalState() {
        AeadOperation op = ENGINE.start(key, nonce);
        op.computeTag(key, new byte[16], 0);
        assertThrows(IllegalStateException.class, () -> op.computeTag(key, new byte[16], 0));
        assertThrows(IllegalStateException.class, () -> op.encrypt(key, new byte[1], 0, 1, new byte[1], 0));
        assertThrows(IllegalStateException.class, () -> op.authenticate(key, new byte[1], 0, 1));
    }

    @Test
    void wipe_thenAnyUse_throwsIllegalState() {
        AeadOperation op = ENGINE.start(key, nonce);
        op.encrypt(key, new byte[5], 0, 5, new byte[5], 0);
        op.wipe();
        op.wipe();
        assertThrows(IllegalStateException.class, () -> op.encrypt(key, new byte[1], 0, 1, new byte[1], 0));
        assertThrows(IllegalStateException.class, () -> op.computeTag(key, new byte[16], 0));
        assertThrows(IllegalStateException.class, () -> op.decryptVerified(key, new byte[1], 0, 1, new byte[1], 0));
    }

    @Test
    void computeTag_afterEncryptingAPartialBlock_zeroesTheRestOfTheKeystream() {
        byte[] keyBytes = new byte[32];
        Arrays.fill(keyBytes, (byte) 7);
        ByteBuffer k = ChaCha20Poly1305DifferentialTest.direct(keyBytes);
        ChaCha20Poly1305Operation op = (ChaCha20Poly1305Operation) ENGINE.start(k, nonce);
        op.encrypt(k, new byte[5], 0, 5, new byte[5], 0);
        assertFalse(op.keystreamIsZero());
        op.computeTag(k, new byte[16], 0);
        assertTrue(op.keystreamIsZero());
    }

    @Test
    void decryptVerified_lastAuthenticatedByte_zeroesTheRestOfTheKeystream() {
        byte[] keyBytes = new byte[32];
        Arrays.fill(keyBytes, (byte) 7);
        ByteBuffer k = ChaCha20Poly1305DifferentialTest.direct(keyBytes);
        ChaCha20Poly1305Operation op = (ChaCha20Poly1305Operation) ENGINE.start(k, nonce);
        byte[] ciphertext = new byte[5];
        op.authenticate(k, ciphertext, 0, 5);
        op.computeTag(k, new byte[16], 0);
        op.decryptVerified(k, ciphertext, 0, 3, new byte[3], 0);
        assertFalse(op.keystreamIsZero());
        op.decryptVerified(k, ciphertext, 3, 2, new byte[2], 0);
        assertTrue(op.keystreamIsZero());
    }

    @Test
    void tagLength_is16() {
        assertEquals(16, ENGINE.start(key, nonce).tagLength());
    }

    @Test
    void emptyMessage_tagMatchesSunJce() throws Exception {
        AeadOperation op = ENGINE.start(key, nonce);
        byte[] tag = new byte[16];
        op.computeTag(key, tag, 0);
        assertArrayEquals(ChaCha20Poly1305DifferentialTest.sunJce(javax.crypto.Cipher.ENCRYPT_MODE,
                new byte[32], nonce, new byte[0], new byte[0]), tag);
    }
}

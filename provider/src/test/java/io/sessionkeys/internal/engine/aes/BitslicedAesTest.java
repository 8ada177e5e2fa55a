package io.sessionkeys.internal.engine.aes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The fixsliced rounds and the building blocks against the textbook definitions. */
class BitslicedAesTest {

    /** Textbook ShiftRows on the bitsliced layout: row r of each block rotates left by r columns. */
    static void shiftRows(long[] q) {
        for (int i = 0; i < 8; i++) {
            long x = q[i];
            q[i] = (x & 0x000000000000FFFFL)
                    | ((x & 0x00000000FFF00000L) >>> 4)
                    | ((x & 0x00000000000F0000L) << 12)
                    | ((x & 0x0000FF0000000000L) >>> 8)
                    | ((x & 0x000000FF00000000L) << 8)
                    | ((x & 0xF000000000000000L) >>> 12)
                    | ((x & 0x0FFF000000000000L) << 4);
        }
    }

    /** Textbook AES rounds (with ShiftRows) on the standard bitsliced schedule. */
    static void textbookEncrypt(long[] q, ByteBuffer keys, int rounds) {
        xorRoundKey(q, keys, 0);
        for (int r = 1; r <= rounds; r++) {
            BitslicedAes.subBytes(q);
            shiftRows(q);
            if (r < rounds) {
                BitslicedAes.mixColumns(q);
            }
            xorRoundKey(q, keys, r);
        }
    }

    private static void xorRoundKey(long[] q, ByteBuffer keys, int round) {
        for (int b = 0; b < 8; b++) {
            q[b] ^= keys.getLong(round * 64 + 8 * b);
        }
    }

    @Property(tries = 300)
    void encrypt_fixslicedSchedule_equalsTextbookRounds(@ForAll("keys") byte[] key, @ForAll @Size(8) long[] state) {
        ByteBuffer raw = ByteBuffer.allocateDirect(key.length).put(0, key);
        int bytes = BitslicedAes.scheduleBytes(key.length);
        ByteBuffer standard = ByteBuffer.allocateDirect(bytes);
        ByteBuffer fixsliced = ByteBuffer.allocateDirect(bytes);
        BitslicedAes.expandKey(raw, key.length, standard, 0, -1);
        BitslicedAes.expandKey(raw, key.length, fixsliced, -1, 0);
        int rounds = BitslicedAes.rounds(key.length);
        long[] expected = state.clone();
        textbookEncrypt(expected, standard, rounds);
        long[] actual = state.clone();
        BitslicedAes.encrypt(actual, fixsliced, 0, rounds);
        assertArrayEquals(expected, actual);
        BitslicedAes.decrypt(actual, standard, 0, rounds);
        assertArrayEquals(state, actual);
    }

    @Property(tries = 100)
    void shiftRowsTwice_anyState_equalsShiftRowsApplied2Times(@ForAll @Size(8) long[] state) {
        long[] expected = state.clone();
        shiftRows(expected);
        shiftRows(expected);
        long[] actual = state.clone();
        BitslicedAes.shiftRowsTwice(actual);
        assertArrayEquals(expected, actual);
    }

    @Property(tries = 100)
    void invMixColumns_anyState_undoesMixColumns(@ForAll @Size(8) long[] state) {
        long[] actual = state.clone();
        BitslicedAes.mixColumns(actual);
        BitslicedAes.invMixColumns(actual);
        assertArrayEquals(state, actual);
    }

    @Property(tries = 100)
    void invShiftRows_anyState_undoesShiftRows(@ForAll @Size(8) long[] state) {
        long[] actual = state.clone();
        shiftRows(actual);
        BitslicedAes.invShiftRows(actual);
        assertArrayEquals(state, actual);
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.of(16, 24, 32).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }
}

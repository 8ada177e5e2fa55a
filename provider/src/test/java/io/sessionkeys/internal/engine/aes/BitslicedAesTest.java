package io.sessionkeys.internal.engine.aes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The building blocks of the fixsliced rounds against their plain definitions. */
class BitslicedAesTest {

    @Property(tries = 200)
    void mixColumnsTwisted_anyState_equalsMixColumnsConjugatedByShiftRows(
            @ForAll @Size(8) long[] state, @ForAll @IntRange(max = 3) int k) {
        long[] expected = state.clone();
        for (int i = 0; i < k; i++) {
            BitslicedAes.shiftRows(expected);
        }
        BitslicedAes.mixColumns(expected);
        for (int i = 0; i < k; i++) {
            BitslicedAes.invShiftRows(expected);
        }
        long[] actual = state.clone();
        BitslicedAes.mixColumnsTwisted(actual, k);
        assertArrayEquals(expected, actual);
    }

    @Property(tries = 100)
    void shiftRowsTwice_anyState_equalsShiftRowsApplied2Times(@ForAll @Size(8) long[] state) {
        long[] expected = state.clone();
        BitslicedAes.shiftRows(expected);
        BitslicedAes.shiftRows(expected);
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
        BitslicedAes.shiftRows(actual);
        BitslicedAes.invShiftRows(actual);
        assertArrayEquals(state, actual);
    }
}

package io.sessionkeys.internal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConstantTimeTest {

    @Test
    void isZero_zeroAndNonZero_givesMasks() {
        assertEquals(-1, ConstantTime.isZero(0));
        for (int x : new int[] {1, -1, 0x80, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertEquals(0, ConstantTime.isZero(x), Integer.toString(x));
        }
    }

    @Test
    void lessThan_ordersAroundEquality() {
        assertEquals(-1, ConstantTime.lessThan(3, 4));
        assertEquals(0, ConstantTime.lessThan(4, 4));
        assertEquals(0, ConstantTime.lessThan(5, 4));
        assertEquals(-1, ConstantTime.lessThan(0, 0xFFFFFFFFL));
    }

    @Test
    void select_picksByMask() {
        assertEquals(7, ConstantTime.select(-1, 7, 9));
        assertEquals(9, ConstantTime.select(0, 7, 9));
    }

    @Test
    void difference_equalAndDifferentRanges() {
        byte[] a = {1, 2, 3, 4};
        byte[] b = {9, 2, 3, 5};
        assertEquals(0, ConstantTime.difference(a, 1, b, 1, 2));
        assertEquals(true, ConstantTime.difference(a, 0, b, 0, 4) != 0);
    }
}

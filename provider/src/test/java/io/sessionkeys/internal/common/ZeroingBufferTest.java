package io.sessionkeys.internal.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ZeroingBufferTest {

    @Test
    void append_manyPieces_keepsOrderAcrossGrowth() {
        ZeroingBuffer b = new ZeroingBuffer();
        byte[] all = new byte[1000];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i * 7);
        }
        for (int from = 0; from < all.length; from += 37) {
            b.append(all, from, Math.min(37, all.length - from));
        }
        assertEquals(1000, b.length());
        assertArrayEquals(all, Arrays.copyOf(b.array(), b.length()));
    }

    @Test
    void append_nullWithZeroLength_isNothing() {
        ZeroingBuffer b = new ZeroingBuffer();
        b.append(null, 0, 0);
        assertEquals(0, b.length());
    }

    @Test
    void clear_afterAppend_zeroesTheHeldBytes() {
        ZeroingBuffer b = new ZeroingBuffer();
        b.append(new byte[] {9, 9, 9}, 0, 3);
        byte[] backing = b.array();
        b.clear();
        assertEquals(0, b.length());
        assertArrayEquals(new byte[backing.length], backing);
    }
}

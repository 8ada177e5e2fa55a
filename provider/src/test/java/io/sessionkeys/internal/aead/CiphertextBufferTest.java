package io.sessionkeys.internal.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CiphertextBufferTest {

    @Test
    void append_manyPieces_keepsOrderAcrossGrowth() {
        CiphertextBuffer b = new CiphertextBuffer();
        byte[] all = new byte[1000];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i * 7);
        }
        for (int from = 0; from < all.length; from += 37) {
            b.append(all, from, Math.min(37, all.length - from));
        }
        assertEquals(1000, b.size());
        assertArrayEquals(all, Arrays.copyOf(b.array(), b.size()));
    }

    @Test
    void append_nullWithZeroLength_isNothing() {
        CiphertextBuffer b = new CiphertextBuffer();
        b.append(null, 0, 0);
        assertEquals(0, b.size());
    }

    @Test
    void clear_afterAppend_zeroesTheHeldBytes() {
        CiphertextBuffer b = new CiphertextBuffer();
        b.append(new byte[] {9, 9, 9}, 0, 3);
        byte[] backing = b.array();
        b.clear();
        assertEquals(0, b.size());
        assertArrayEquals(new byte[backing.length], backing);
    }
}

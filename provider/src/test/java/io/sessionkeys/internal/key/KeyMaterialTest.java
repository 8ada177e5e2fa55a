package io.sessionkeys.internal.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    @Test
    void read_returnsTheBytesWritten() {
        byte[] src = {1, 2, 3, 4, 5};
        KeyMaterial m = new KeyMaterial(src, 1, 3);
        byte[] out = m.read(null, b -> {
            byte[] o = new byte[b.limit()];
            b.get(0, o);
            return o;
        });
        assertArrayEquals(new byte[] {2, 3, 4}, out);
    }

    @Test
    void filled_theFillerWritesStraightIntoTheSlot() {
        KeyMaterial m = KeyMaterial.filled(3, slot -> {
            assertTrue(slot.isDirect(), "the filler gets the off-heap slot itself");
            assertTrue(slot.limit() == 3 && slot.get(0) == 0 && slot.get(2) == 0, "zero-filled, limit = length");
            slot.put(0, (byte) 7).put(1, (byte) 8).put(2, (byte) 9);
        });
        assertArrayEquals(new byte[] {7, 8, 9}, m.read(null, b -> {
            byte[] o = new byte[b.limit()];
            b.get(0, o);
            return o;
        }));
        m.zeroize();
    }

    @Test
    void filled_aFailingFiller_leavesNoSlotBehind() {
        ByteBuffer[] seen = new ByteBuffer[1];
        int freeBefore = DirectArena.freeSmallSlots();
        assertThrows(IllegalStateException.class, () -> KeyMaterial.filled(16, slot -> {
            seen[0] = slot;
            slot.put(0, (byte) 0x5a);
            throw new IllegalStateException("derivation failed");
        }));
        assertTrue(seen[0].get(0) == 0, "the half-written slot was zeroed");
        assertTrue(DirectArena.freeSmallSlots() == freeBefore, "the slot went back to the arena");
    }

    @Test
    void zeroize_wipesRawAndPrecomputed_andRefusesLaterReads() {
        KeyMaterial m = new KeyMaterial(new byte[] {9, 9, 9, 9}, 0, 4);
        Precomputation doubled = new Precomputation() {
            @Override
            public String name() {
                return "doubled";
            }

            @Override
            public int size(int rawKeyLength) {
                return rawKeyLength * 2;
            }

            @Override
            public void compute(ByteBuffer rawKey, ByteBuffer out) {
                for (int i = 0; i < rawKey.limit(); i++) {
                    out.put(2 * i, rawKey.get(i));
                    out.put(2 * i + 1, rawKey.get(i));
                }
            }
        };
        ByteBuffer[] seen = new ByteBuffer[1];
        m.read(doubled, b -> seen[0] = b);
        assertTrue(m.zeroize());
        assertFalse(m.zeroize());
        assertTrue(m.rawIsAllZero());
        for (int i = 0; i < seen[0].limit(); i++) {
            assertTrue(seen[0].get(i) == 0, "precomputation byte " + i + " not zero");
        }
        assertThrows(IllegalStateException.class, () -> m.read(null, b -> b.get(0)));
    }

    @Test
    void nestedReadOfTheSameMaterial_doesNotDeadlockAgainstAWaitingZeroizer() throws Exception {
        KeyMaterial m = new KeyMaterial(new byte[] {7}, 0, 1);
        Thread[] destroyer = new Thread[1];
        byte result = m.read(null, outer -> {
            destroyer[0] = new Thread(m::zeroize);
            destroyer[0].start();
            Thread.sleep(20); // let the zeroizer close the door and wait
            try {
                return m.read(null, inner -> inner.get(0));
            } catch (IllegalStateException refused) {
                return (byte) -1; // the door was already closed: refused, not blocked
            }
        });
        destroyer[0].join(5_000);
        assertFalse(destroyer[0].isAlive(), "zeroizer still waiting");
        assertTrue(result == 7 || result == -1, "read half-zeroed material: " + result);
        assertTrue(m.rawIsAllZero());
    }
}

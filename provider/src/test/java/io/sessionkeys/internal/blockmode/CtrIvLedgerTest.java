package io.sessionkeys.internal.blockmode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CtrIvLedgerTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void next_consecutiveMessages_countUpInTheMessageField() throws Exception {
        CtrIvLedger ledger = new CtrIvLedger();
        byte[] a = ledger.next(random);
        byte[] b = ledger.next(random);
        assertArrayEquals(Arrays.copyOf(a, 6), Arrays.copyOf(b, 6));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0}, Arrays.copyOfRange(a, 6, 12));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 1}, Arrays.copyOfRange(b, 6, 12));
    }

    @Test
    void next_blockField_startsAtZero() throws Exception {
        assertArrayEquals(new byte[4], Arrays.copyOfRange(new CtrIvLedger().next(random), 12, 16));
    }

    @Test
    void blocksPerMessage_fitsTheThirtyTwoBitBlockField() {
        assertEquals(1L << 32, CtrIvLedger.BLOCKS_PER_MESSAGE);
    }
}

package io.sessionkeys.internal.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NonceLedgerTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void next_manyCalls_uniqueTwelveBytesSharingTheFixedField() {
        NonceLedger ledger = new NonceLedger();
        Set<String> seen = new HashSet<>();
        byte[] first = ledger.next(random);
        for (int i = 0; i < 1000; i++) {
            byte[] n = ledger.next(random);
            assertEquals(12, n.length);
            assertArrayEquals(Arrays.copyOf(first, 4), Arrays.copyOf(n, 4));
            assertEquals(true, seen.add(Arrays.toString(n)));
        }
        assertEquals(0, ledger.storedCount(), "provider nonces must cost no memory");
    }

    @Test
    void reserve_callerNonceTwice_refused() throws Exception {
        NonceLedger ledger = new NonceLedger();
        ledger.reserve(new byte[] {1, 2, 3}, "X");
        assertThrows(InvalidAlgorithmParameterException.class, () -> ledger.reserve(new byte[] {1, 2, 3}, "X"));
        ledger.reserve(new byte[] {1, 2, 3, 4}, "X");
    }

    @Test
    void reserve_nonceTheProviderIssued_refusedWithoutStoringIt() {
        NonceLedger ledger = new NonceLedger();
        byte[] made = ledger.next(random);
        ledger.next(random);
        assertThrows(InvalidAlgorithmParameterException.class, () -> ledger.reserve(made.clone(), "X"));
        assertEquals(0, ledger.storedCount());
    }

    @Test
    void next_counterValueACallerTookAhead_isSkipped() throws Exception {
        NonceLedger ledger = new NonceLedger();
        byte[] first = ledger.next(random);
        byte[] ahead = first.clone();
        ahead[11] = (byte) (first[11] + 1); // the counter value the ledger would issue next
        ledger.reserve(ahead, "X");
        byte[] second = ledger.next(random);
        assertFalse(Arrays.equals(ahead, second));
        assertEquals(first[11] + 2, second[11]);
    }
}

package io.sessionkeys.internal.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void reserve_counterInTheLastBytes_oneRunNothingStored() throws Exception {
        NonceLedger ledger = new NonceLedger();
        byte[] nonce = {7, 7, 7, 7, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xf0}; // crosses byte carries
        for (int i = 0; i < 100_000; i++) {
            ledger.reserve(nonce, "X");
            nonce = NonceLedgerModelTest.added(nonce, 11, true, 1);
        }
        assertEquals(1, ledger.runCount());
        assertEquals(0, ledger.storedCount());
    }

    @Test
    void reserve_counterInTheFirstEightBytes_oneRunNothingStored() throws Exception {
        NonceLedger ledger = new NonceLedger();
        byte[] nonce = {0, 0, 0, 0, 0, 0, 0, 1, 9, 9, 9, 9};
        for (int i = 0; i < 100_000; i++) {
            ledger.reserve(nonce, "X");
            nonce = NonceLedgerModelTest.added(nonce, 7, true, 1);
        }
        assertEquals(1, ledger.runCount());
        assertEquals(0, ledger.storedCount());
    }

    @Test
    void reserve_tls13SequenceXorFixedIv_oneRunNothingStored() throws Exception {
        NonceLedger ledger = new NonceLedger();
        byte[] iv = {1, 2, 3, 4, 5, 6, 7, 8, (byte) 0x9a, (byte) 0xbc, (byte) 0xde, (byte) 0xf1};
        // 2^17 sequence numbers XOR the IV fill one aligned block of 2^17 values: one run
        for (long seq = 0; seq < 1 << 17; seq++) {
            byte[] nonce = iv.clone();
            for (int i = 0; i < 8; i++) {
                nonce[11 - i] ^= (byte) (seq >>> (8 * i));
            }
            ledger.reserve(nonce, "X");
        }
        assertEquals(1, ledger.runCount());
        assertEquals(0, ledger.storedCount());
    }

    @Test
    void reserve_randomNonces_oneTableEntryEach() throws Exception {
        NonceLedger ledger = new NonceLedger();
        for (int i = 0; i < 10_000; i++) {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            ledger.reserve(nonce, "X");
        }
        assertEquals(10_000, ledger.storedCount());
    }

    /**
     * One ledger, eight threads: each thread walks its own counter and also tries the nonces of
     * a shared list that every thread tries, in a different order. Each shared nonce must be
     * accepted exactly once in all, and each own counter nonce once.
     */
    @Test
    void reserve_manyThreadsOneLedger_everyNonceAcceptedExactlyOnce() throws Exception {
        NonceLedger ledger = new NonceLedger();
        int threads = 8;
        int perThread = 20_000;
        List<byte[]> shared = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            shared.add(nonce);
            shared.add(NonceLedgerModelTest.added(nonce, 11, true, 1)); // neighbours, so runs form and merge
        }
        AtomicInteger sharedAccepted = new AtomicInteger();
        AtomicInteger ownRefused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                byte[] own = {(byte) id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
                for (int i = 0; i < perThread; i++) {
                    own = NonceLedgerModelTest.added(own, 11, true, 1);
                    if (!accepts(ledger, own)) {
                        ownRefused.incrementAndGet();
                    }
                    byte[] pick = shared.get((i * (2 * id + 1)) % shared.size());
                    if (accepts(ledger, pick)) {
                        sharedAccepted.incrementAndGet();
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(0, ownRefused.get(), "a thread's own counter nonce was refused");
        int distinctTried = distinctPicks(shared, threads, perThread);
        assertEquals(distinctTried, sharedAccepted.get(), "a shared nonce was accepted twice or never");
    }

    private static int distinctPicks(List<byte[]> shared, int threads, int perThread) {
        Set<Integer> picked = new HashSet<>();
        for (int id = 0; id < threads; id++) {
            for (int i = 0; i < perThread; i++) {
                picked.add((i * (2 * id + 1)) % shared.size());
            }
        }
        return picked.size();
    }

    private static boolean accepts(NonceLedger ledger, byte[] nonce) {
        try {
            ledger.reserve(nonce, "X");
            return true;
        } catch (InvalidAlgorithmParameterException e) {
            return false;
        }
    }
}

package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyState;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.support.TestClock;
import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.security.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight threads share session keys and {@code Cipher} objects (each used by one thread at a time, as
 * JCA requires, passed between threads through a queue) while keys are destroyed, expire and reach
 * their limits mid-message. Every completed encryption is
 * decrypted by SunJCE with the same key bytes; the only failures are the documented ones
 * (docs/nonces.md, docs/block-modes.md): {@code InvalidKeyException} at {@code init},
 * {@code IllegalStateException} naming the reason on {@code update}/{@code doFinal},
 * {@code AEADBadTagException} only for a tampered message; and the key's counters equal exactly
 * the encryptions whose {@code init} succeeded and the plaintext bytes of the calls that
 * succeeded (a refused call is not charged).
 */
class ConcurrentStressTest {

    private static final int THREADS = 8;
    private static final int MESSAGES_PER_THREAD = 120;
    /** Fewer Cipher objects than threads, so that each one passes between threads. */
    private static final int SHARED_CIPHERS = 3;

    /** A shared key, its bytes for SunJCE, and what the workers saw succeed on it. */
    private static final class Tracked {
        final SessionKey key;
        final byte[] raw;
        final AtomicLong inits = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        Tracked(SessionKey key, byte[] raw) {
            this.key = key;
            this.raw = raw;
        }
    }

    private static Tracked track(Provider provider, StressFamily f, KeyPolicy policy, long seed) throws Exception {
        byte[] raw = new byte[f.keyBytes];
        new SplittableRandom(seed).nextBytes(raw);
        SecretKeyFactory factory = SecretKeyFactory.getInstance(f.keyAlgorithm, provider);
        SessionKey key = (SessionKey) factory.generateSecret(
                SessionKeyImportSpec.builder()
                        .key(new SecretKeySpec(raw.clone(), f.keyAlgorithm))
                        .policy(policy).build());
        return new Tracked(key, raw);
    }

    @ParameterizedTest
    @EnumSource(StressFamily.class)
    void sharedKeys_destroyedExpiringAndAtLimitsMidStream_resultsCorrectAndCountersExact(StressFamily f)
            throws Exception {
        TestClock clock = new TestClock();
        SessionKeysProvider provider = new SessionKeysProvider(clock);
        List<Tracked> keys = List.of(
                track(provider, f, KeyPolicy.builtInDefaults(), 1), // destroyed a third of the way in
                track(provider, f, KeyPolicy.builder().maxEncryptions(60).build(), 2),
                track(provider, f, KeyPolicy.builder().maxBytes(40_000).build(), 3),
                track(provider, f, KeyPolicy.builder().lifetime(Duration.ofMinutes(10)).build(), 4),
                track(provider, f, KeyPolicy.builder().encryptLifetime(Duration.ofMinutes(10))
                        .decryptLifetime(Duration.ofHours(1)).build(), 5),
                track(provider, f, KeyPolicy.builtInDefaults(), 6));
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger verified = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger tamperedCaught = new AtomicInteger();
        int total = THREADS * MESSAGES_PER_THREAD;
        BlockingQueue<Cipher> encryptors = new ArrayBlockingQueue<>(SHARED_CIPHERS);
        BlockingQueue<Cipher> decryptors = new ArrayBlockingQueue<>(SHARED_CIPHERS);
        for (int i = 0; i < SHARED_CIPHERS; i++) {
            encryptors.add(Cipher.getInstance(f.transformation, provider));
            decryptors.add(Cipher.getInstance(f.transformation, provider));
        }

        // Every worker stops at a third and at two thirds of its messages until the fault is done,
        // so the faults always fall mid-stream however fast the messages run.
        CountDownLatch destroyed = new CountDownLatch(1);
        CountDownLatch expired = new CountDownLatch(1);

        Workers.run(THREADS, index -> {
            SplittableRandom rnd = new SplittableRandom(1000 + index);
            Cipher sun = Cipher.getInstance(f.transformation, "SunJCE");
            for (int m = 0; m < MESSAGES_PER_THREAD; m++, finished.incrementAndGet()) {
                if (m == MESSAGES_PER_THREAD / 3) {
                    destroyed.await();
                } else if (m == 2 * MESSAGES_PER_THREAD / 3) {
                    expired.await();
                }
                // Cipher objects pass from thread to thread, one user at a time, as JCA allows; a
                // message left unfinished by a refusal is picked up by another thread's init.
                Cipher enc = encryptors.take();
                Cipher dec = decryptors.take();
                try {
                    Tracked t = keys.get(rnd.nextInt(keys.size()));
                    try {
                        enc.init(Cipher.ENCRYPT_MODE, t.key);
                    } catch (InvalidKeyException e) {
                        Reasons.assertNamesReason(e, t.raw);
                        refused.incrementAndGet();
                        continue;
                    }
                    t.inits.incrementAndGet();
                    byte[] iv = enc.getIV();
                    ByteArrayOutputStream plain = new ByteArrayOutputStream();
                    ByteArrayOutputStream sealed = new ByteArrayOutputStream();
                    boolean complete = true;
                    int parts = rnd.nextInt(4);
                    for (int p = 0; p <= parts && complete; p++) {
                        byte[] in = bytes(rnd, rnd.nextInt(900));
                        try {
                            byte[] out = p == parts ? enc.doFinal(in) : enc.update(in);
                            t.bytes.addAndGet(in.length);
                            plain.writeBytes(in);
                            if (out != null) {
                                sealed.writeBytes(out);
                            }
                        } catch (IllegalStateException e) {
                            Reasons.assertNamesReason(e, t.raw);
                            refused.incrementAndGet();
                            complete = false;
                        }
                    }
                    if (!complete) {
                        continue;
                    }
                    byte[] ct = sealed.toByteArray();
                    sun.init(Cipher.DECRYPT_MODE, new SecretKeySpec(t.raw, f.keyAlgorithm), f.spec(iv));
                    assertArrayEquals(plain.toByteArray(), sun.doFinal(ct), "SunJCE disagrees with a completed encryption");
                    verified.incrementAndGet();
                    decryptThroughSessionKeys(f, dec, t, iv, ct, plain.toByteArray(), rnd, tamperedCaught);
                } finally {
                    decryptors.put(dec);
                    encryptors.put(enc);
                }
            }
        }, ignored -> {
            Workers.awaitUntil(() -> finished.get() >= THREADS * (MESSAGES_PER_THREAD / 3), 30);
            keys.get(0).key.destroy();
            destroyed.countDown();
            Workers.awaitUntil(() -> finished.get() >= THREADS * (2 * MESSAGES_PER_THREAD / 3), 30);
            clock.advance(Duration.ofMinutes(11));
            expired.countDown();
        }, 60);

        for (Tracked t : keys) {
            assertEquals(t.inits.get(), t.key.encryptionCount(), () -> "encryptions of " + t.key);
            assertEquals(t.bytes.get(), t.key.bytesEncrypted(), () -> "bytes of " + t.key);
        }
        assertEquals(Optional.of(DestroyReason.EXPLICIT), keys.get(0).key.destroyReason());
        assertEquals(60, keys.get(1).key.encryptionCount());
        assertTrue(keys.get(2).key.bytesEncrypted() <= 40_000);
        assertEquals(KeyState.DECRYPT_ONLY, keys.get(2).key.state());
        assertEquals(Optional.of(DestroyReason.EXPIRED), keys.get(3).key.destroyReason());
        assertEquals(KeyState.DECRYPT_ONLY, keys.get(4).key.state());
        assertEquals(KeyState.ACTIVE, keys.get(5).key.state());
        assertTrue(verified.get() > total / 4, "too few completed encryptions to mean anything: " + verified);
        assertTrue(refused.get() > 0, "no refusal: the faults did not happen mid-stream");
        assertTrue(!f.aead() || tamperedCaught.get() > 0, "no tampered message was tried");
    }

    /**
     * Decrypts on the shared key through SessionKeys; for an AEAD, half the time with one bit
     * flipped, which must give {@code AEADBadTagException} and nothing else.
     */
    private static void decryptThroughSessionKeys(StressFamily f, Cipher dec, Tracked t, byte[] iv, byte[] ct,
            byte[] plain, SplittableRandom rnd, AtomicInteger tamperedCaught) throws Exception {
        try {
            dec.init(Cipher.DECRYPT_MODE, t.key, f.spec(iv));
        } catch (InvalidKeyException e) {
            Reasons.assertNamesReason(e, t.raw);
            return;
        }
        boolean tamper = f.aead() && rnd.nextBoolean();
        byte[] input = ct.clone();
        if (tamper) {
            input[rnd.nextInt(input.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        try {
            byte[] out = dec.doFinal(input);
            assertFalse(tamper, "a tampered message was accepted");
            assertArrayEquals(plain, out);
        } catch (AEADBadTagException e) {
            assertTrue(tamper, "an intact message failed its tag check");
            tamperedCaught.incrementAndGet();
        } catch (IllegalStateException e) {
            Reasons.assertNamesReason(e, t.raw);
        }
    }

    /** Regression: the AEAD ciphers charged an update's bytes before the key gate refused it. */
    @ParameterizedTest
    @EnumSource(StressFamily.class)
    void update_keyGoneAfterInit_refusedBytesNotCharged(StressFamily f) throws Exception {
        TestClock clock = new TestClock();
        SessionKeysProvider provider = new SessionKeysProvider(clock);
        Tracked destroyed = track(provider, f, KeyPolicy.builtInDefaults(), 8);
        Tracked ending = track(provider, f, KeyPolicy.builder().encryptLifetime(Duration.ofMinutes(1))
                .decryptLifetime(Duration.ofMinutes(2)).build(), 9);
        Cipher first = Cipher.getInstance(f.transformation, provider);
        Cipher second = Cipher.getInstance(f.transformation, provider);
        first.init(Cipher.ENCRYPT_MODE, destroyed.key);
        second.init(Cipher.ENCRYPT_MODE, ending.key);
        first.update(new byte[32]);
        second.update(new byte[32]);
        destroyed.key.destroy();
        clock.advance(Duration.ofMinutes(1));
        for (Cipher c : List.of(first, second)) {
            Reasons.assertNamesReason(org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> c.update(new byte[100])));
            Reasons.assertNamesReason(org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> c.doFinal(new byte[50])));
        }
        assertEquals(32, destroyed.key.bytesEncrypted());
        assertEquals(32, ending.key.bytesEncrypted());
        assertEquals(1, ending.key.encryptionCount());
    }

    /** docs/block-modes.md: ECB may encrypt message after message on one init, each charged when it starts. */
    @Test
    void ecbMessagesOnOneInit_eachChargedAndRefusedPastTheLimit() throws Exception {
        Tracked t = track(new SessionKeysProvider(), StressFamily.AES_ECB_PKCS5,
                KeyPolicy.builder().maxEncryptions(3).build(), 10);
        Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding", Hostile.PROVIDER);
        c.init(Cipher.ENCRYPT_MODE, t.key);
        for (int m = 0; m < 3; m++) {
            c.update(new byte[20]);
            c.doFinal(new byte[5]);
        }
        assertEquals(3, t.key.encryptionCount());
        assertEquals(75, t.key.bytesEncrypted());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> c.update(new byte[20]));
        Reasons.assertNamesReason(e, t.raw);
        assertEquals(3, t.key.encryptionCount());
        assertEquals(75, t.key.bytesEncrypted());
        assertEquals(KeyState.DECRYPT_ONLY, t.key.state());
    }

    @Test
    void sharedKey_shortRealLifetime_expiresMidStreamWithOnlyDocumentedFailures() throws Exception {
        SessionKeysProvider provider = new SessionKeysProvider();
        StressFamily f = StressFamily.AES_GCM;
        Tracked t = track(provider, f, KeyPolicy.builder().lifetime(Duration.ofMillis(400)).build(), 7);
        AtomicInteger verified = new AtomicInteger();
        AtomicInteger refusedInit = new AtomicInteger();
        Workers.run(4, index -> {
            SplittableRandom rnd = new SplittableRandom(index);
            Cipher enc = Cipher.getInstance(f.transformation, provider);
            Cipher sun = Cipher.getInstance(f.transformation, "SunJCE");
            long end = System.nanoTime() + 5_000_000_000L; // bounded: the key expires after 0.4 s
            while (System.nanoTime() < end) {
                try {
                    enc.init(Cipher.ENCRYPT_MODE, t.key);
                } catch (InvalidKeyException e) {
                    Reasons.assertNamesReason(e, t.raw);
                    refusedInit.incrementAndGet();
                    return;
                }
                t.inits.incrementAndGet();
                byte[] in = bytes(rnd, rnd.nextInt(2000));
                try {
                    byte[] ct = enc.doFinal(in);
                    t.bytes.addAndGet(in.length);
                    sun.init(Cipher.DECRYPT_MODE, new SecretKeySpec(t.raw, "AES"), f.spec(enc.getIV()));
                    assertArrayEquals(in, sun.doFinal(ct));
                    verified.incrementAndGet();
                } catch (IllegalStateException e) {
                    Reasons.assertNamesReason(e, t.raw);
                }
            }
        }, ignored -> { }, 30);
        assertEquals(4, refusedInit.get(), "every thread ends on a refused init");
        assertEquals(KeyState.DESTROYED, t.key.state());
        assertEquals(Optional.of(DestroyReason.EXPIRED), t.key.destroyReason());
        assertEquals(t.inits.get(), t.key.encryptionCount());
        assertEquals(t.bytes.get(), t.key.bytesEncrypted());
        assertTrue(verified.get() > 0);
    }

    static byte[] bytes(SplittableRandom rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}

package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyState;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.support.TestClock;
import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eight threads share HMAC keys and three {@code Mac} objects (one user at a time) while one is destroyed and one
 * expires mid-message: every tag that comes out equals SunJCE's for the same key bytes, and the
 * only failures are {@code InvalidKeyException} at {@code init} and {@code IllegalStateException}
 * naming the reason on {@code update}/{@code doFinal}.
 */
class ConcurrentMacStressTest {

    @ParameterizedTest
    @ValueSource(strings = {"HmacSHA256", "HmacSHA384", "HmacSHA512"})
    void sharedKeys_destroyedAndExpiringMidMessage_tagsCorrectAndOnlyDocumentedFailures(String algorithm)
            throws Exception {
        TestClock clock = new TestClock();
        SessionKeysProvider provider = new SessionKeysProvider(clock);
        SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm, provider);
        List<SessionKey> keys = new ArrayList<>();
        List<byte[]> raws = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] raw = ConcurrentStressTest.bytes(new SplittableRandom(i), 32);
            KeyPolicy policy = i == 1 ? KeyPolicy.builder().lifetime(Duration.ofMinutes(5)).build()
                    : KeyPolicy.builtInDefaults();
            keys.add((SessionKey) factory.generateSecret(
                    SessionKeyImportSpec.builder()
                            .key(new SecretKeySpec(raw.clone(), algorithm))
                            .policy(policy).build()));
            raws.add(raw);
        }
        int threads = 8;
        int each = 150;
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger verified = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        // Every worker stops at a third and at two thirds of its messages until the fault is done,
        // so the faults always fall mid-stream however fast the messages run.
        java.util.concurrent.CountDownLatch destroyed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch expired = new java.util.concurrent.CountDownLatch(1);
        BlockingQueue<Mac> macs = new ArrayBlockingQueue<>(3);
        for (int i = 0; i < 3; i++) {
            macs.add(Mac.getInstance(algorithm, provider));
        }
        Workers.run(threads, index -> {
            SplittableRandom rnd = new SplittableRandom(index);
            Mac sun = Mac.getInstance(algorithm, "SunJCE");
            for (int m = 0; m < each; m++, finished.incrementAndGet()) {
                if (m == each / 3) {
                    destroyed.await();
                } else if (m == 2 * each / 3) {
                    expired.await();
                }
                Mac mac = macs.take(); // passed between threads, one user at a time
                try {
                    int k = rnd.nextInt(keys.size());
                    try {
                        mac.init(keys.get(k));
                    } catch (InvalidKeyException e) {
                        Reasons.assertNamesReason(e, raws.get(k));
                        refused.incrementAndGet();
                        continue;
                    }
                    ByteArrayOutputStream message = new ByteArrayOutputStream();
                    try {
                        for (int p = rnd.nextInt(4); p > 0; p--) {
                            byte[] part = ConcurrentStressTest.bytes(rnd, rnd.nextInt(500));
                            mac.update(part);
                            message.writeBytes(part);
                        }
                        byte[] tag = mac.doFinal();
                        sun.init(new SecretKeySpec(raws.get(k), algorithm));
                        assertArrayEquals(sun.doFinal(message.toByteArray()), tag);
                        verified.incrementAndGet();
                    } catch (IllegalStateException e) {
                        Reasons.assertNamesReason(e, raws.get(k));
                        refused.incrementAndGet();
                    }
                } finally {
                    macs.put(mac);
                }
            }
        }, ignored -> {
            Workers.awaitUntil(() -> finished.get() >= threads * (each / 3), 30);
            keys.get(0).destroy();
            destroyed.countDown();
            Workers.awaitUntil(() -> finished.get() >= threads * (2 * each / 3), 30);
            clock.advance(Duration.ofMinutes(5));
            expired.countDown();
        }, 60);
        assertEquals(KeyState.DESTROYED, keys.get(0).state());
        assertEquals(KeyState.DESTROYED, keys.get(1).state());
        assertEquals(KeyState.ACTIVE, keys.get(2).state());
        assertTrue(refused.get() > 0, "no refusal: the faults did not happen mid-stream");
        assertTrue(verified.get() > threads * each / 4, "too few tags to mean anything: " + verified);
    }
}

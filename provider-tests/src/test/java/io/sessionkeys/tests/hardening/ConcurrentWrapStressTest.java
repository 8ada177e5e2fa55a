package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeyUnwrapSpec;
import io.sessionkeys.SessionKeysProvider;
import java.security.InvalidKeyException;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eight threads wrap and unwrap shared session keys under shared session KEKs, through {@code Cipher}
 * objects passed between them, while a KEK and a wrapped key are destroyed and a KEK reaches its
 * encryption limit: every blob unwraps with SunJCE to the key's bytes, every unwrapped key has
 * them, failures are only {@code InvalidKeyException} naming the reason (or
 * {@code IllegalStateException} for a KEK gone since {@code init}), each KEK's encryption count
 * is exactly its successful wrapping {@code init}s (docs/key-wrap.md), and each key's export
 * record lists exactly its successful wraps.
 */
class ConcurrentWrapStressTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 60;

    private static final class Tracked {
        final SessionKey key;
        final byte[] raw;
        final AtomicLong successes = new AtomicLong();

        Tracked(SessionKey key, byte[] raw) {
            this.key = key;
            this.raw = raw;
        }
    }

    private static Tracked key(SessionKeysProvider provider, String algorithm, int bytes, KeyPolicy policy,
            long seed) throws Exception {
        byte[] raw = new byte[bytes];
        new SplittableRandom(seed).nextBytes(raw);
        SecretKeyFactory f = SecretKeyFactory.getInstance(algorithm, provider);
        SessionKey k = (SessionKey) f.generateSecret(SessionKeyImportSpec.builder()
                .key(new SecretKeySpec(raw.clone(), algorithm))
                .policy(policy).build());
        return new Tracked(k, raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES/KW/NoPadding", "AES/KWP/NoPadding", "AES/KW/PKCS5Padding"})
    void sharedKeksAndKeys_destroyedAndAtLimitMidStream_blobsCorrectAndCountsExact(String transformation)
            throws Exception {
        SessionKeysProvider provider = new SessionKeysProvider();
        List<Tracked> keks = List.of(key(provider, "AES", 16, KeyPolicy.builtInDefaults(), 1), // destroyed
                key(provider, "AES", 24, KeyPolicy.builder().maxEncryptions(30).build(), 2),
                key(provider, "AES", 32, KeyPolicy.builtInDefaults(), 3));
        List<Tracked> victims = new ArrayList<>();
        String[] algorithms = {"AES", "ChaCha20", "HmacSHA256", "AES"};
        for (int i = 0; i < algorithms.length; i++) {
            victims.add(key(provider, algorithms[i], algorithms[i].equals("AES") ? 16 : 32,
                    KeyPolicy.builtInDefaults(), 10 + i)); // victims[3] is destroyed
        }
        SessionKeyUnwrapSpec exportable = SessionKeyUnwrapSpec.builder()
                .policy(KeyPolicy.builder().plaintextExportable(true).build()).build();
        BlockingQueue<Cipher> ciphers = new ArrayBlockingQueue<>(3);
        for (int i = 0; i < 3; i++) {
            ciphers.add(Cipher.getInstance(transformation, provider));
        }
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger verified = new AtomicInteger();

        // Every worker stops a third of the way until the keys are destroyed, so the destruction
        // always falls mid-stream however fast the operations run.
        CountDownLatch destroyed = new CountDownLatch(1);

        Workers.run(THREADS, index -> {
            SplittableRandom rnd = new SplittableRandom(index);
            Cipher sun = Cipher.getInstance(transformation, "SunJCE");
            for (int op = 0; op < OPERATIONS_PER_THREAD; op++, finished.incrementAndGet()) {
                if (op == OPERATIONS_PER_THREAD / 3) {
                    destroyed.await();
                }
                Tracked kek = keks.get(rnd.nextInt(keks.size()));
                Tracked victim = victims.get(rnd.nextInt(victims.size()));
                Cipher c = ciphers.take();
                try {
                    byte[] blob;
                    try {
                        c.init(Cipher.WRAP_MODE, kek.key);
                        kek.successes.incrementAndGet(); // a wrapping init is charged to the KEK
                        blob = c.wrap(victim.key);
                        victim.successes.incrementAndGet();
                    } catch (InvalidKeyException | IllegalStateException e) {
                        Reasons.assertNamesReason(e, kek.raw);
                        Hostile.assertNoKeyMaterial(e.getMessage(), victim.raw);
                        refused.incrementAndGet();
                        continue;
                    }
                    sun.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek.raw, "AES"));
                    Key viaSun = sun.unwrap(blob, victim.key.getAlgorithm(), Cipher.SECRET_KEY);
                    assertArrayEquals(victim.raw, viaSun.getEncoded(), "SunJCE unwraps other bytes");
                    try {
                        c.init(Cipher.UNWRAP_MODE, kek.key, exportable);
                        SessionKey back = (SessionKey) c.unwrap(blob, victim.key.getAlgorithm(), Cipher.SECRET_KEY);
                        assertArrayEquals(victim.raw, back.getEncoded(), "the unwrapped key has other bytes");
                        back.destroy();
                        verified.incrementAndGet();
                    } catch (InvalidKeyException | IllegalStateException e) {
                        Reasons.assertNamesReason(e, kek.raw);
                        refused.incrementAndGet();
                    }
                } finally {
                    ciphers.put(c);
                }
            }
        }, ignored -> {
            Workers.awaitUntil(() -> finished.get() >= THREADS * (OPERATIONS_PER_THREAD / 3), 30);
            keks.get(0).key.destroy();
            victims.get(3).key.destroy();
            destroyed.countDown();
        }, 60);

        for (Tracked kek : keks) {
            assertEquals(kek.successes.get(), kek.key.encryptionCount(), () -> "wrapping inits of " + kek.key);
        }
        assertEquals(30, keks.get(1).key.encryptionCount());
        for (Tracked victim : victims) {
            assertEquals(victim.successes.get(), victim.key.exports().size(), () -> "exports of " + victim.key);
        }
        assertTrue(refused.get() > 0, "no refusal: the faults did not happen mid-stream");
        assertTrue(verified.get() > THREADS * OPERATIONS_PER_THREAD / 4, "too few round trips: " + verified);
    }
}

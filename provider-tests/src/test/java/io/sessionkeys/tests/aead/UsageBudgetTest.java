package io.sessionkeys.tests.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyState;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.support.TestClock;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Encryptions and bytes are charged to the key across Cipher objects; a key that goes away stops the cipher. */
class UsageBudgetTest {

    private static SessionKey key(Aead aead, KeyPolicy policy) throws Exception {
        return (SessionKey) aead.importKey(Nonces.random(32), policy);
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void encryptInit_acrossCipherObjects_chargesEveryEncryption(Aead aead) throws Exception {
        SessionKey key = key(aead, KeyPolicy.builtInDefaults());
        for (int i = 0; i < 3; i++) {
            Cipher c = aead.cipher();
            c.init(Cipher.ENCRYPT_MODE, key);
            c.update(new byte[10]);
            c.doFinal(new byte[5]);
        }
        Cipher dec = aead.cipher();
        dec.init(Cipher.DECRYPT_MODE, key, aead.spec(Nonces.random()));
        assertEquals(3, key.encryptionCount());
        assertEquals(45, key.bytesEncrypted());
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void encryptInit_pastMaxEncryptions_decryptOnlyAndNamesTheLimit(Aead aead) throws Exception {
        SessionKey key = key(aead, KeyPolicy.builder().maxEncryptions(2).build());
        Cipher c = aead.cipher();
        c.init(Cipher.ENCRYPT_MODE, key);
        byte[] ct = c.doFinal(new byte[4]);
        AlgorithmParameters params = c.getParameters();
        aead.cipher().init(Cipher.ENCRYPT_MODE, key);
        assertEquals(KeyState.DECRYPT_ONLY, key.state());
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> aead.cipher().init(Cipher.ENCRYPT_MODE, key));
        assertTrue(e.getMessage().contains("2 encryptions") && e.getMessage().contains("new key"), e.getMessage());
        Cipher dec = aead.cipher();
        dec.init(Cipher.DECRYPT_MODE, key, params);
        assertArrayEquals(new byte[4], dec.doFinal(ct));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void update_pastMaxBytes_illegalStateNamingTheLimitAndNoOutput(Aead aead) throws Exception {
        SessionKey key = key(aead, KeyPolicy.builder().maxBytes(100).build());
        Cipher c = aead.cipher();
        c.init(Cipher.ENCRYPT_MODE, key);
        c.update(new byte[60]);
        byte[] out = new byte[200];
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.update(new byte[41], 0, 41, out, 0));
        assertTrue(e.getMessage().contains("100 bytes"), e.getMessage());
        assertArrayEquals(new byte[200], out);
        c.doFinal(new byte[40]);
        assertEquals(KeyState.DECRYPT_ONLY, key.state());
        assertThrows(InvalidKeyException.class, () -> aead.cipher().init(Cipher.ENCRYPT_MODE, key));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void update_keyDestroyedAfterInit_illegalStateNamingTheReasonAndNoOutput(Aead aead) throws Exception {
        for (int mode : new int[] {Cipher.ENCRYPT_MODE, Cipher.DECRYPT_MODE}) {
            SessionKey key = key(aead, KeyPolicy.builtInDefaults());
            Cipher c = aead.cipher();
            c.init(mode, key, aead.spec(Nonces.random()));
            c.update(new byte[20]);
            key.destroy();
            byte[] out = new byte[100];
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.update(new byte[16], 0, 16, out, 0));
            assertTrue(e.getMessage().contains("destroyed"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> c.doFinal(new byte[16], 0, 16, out, 0));
            ByteBuffer direct = ByteBuffer.allocateDirect(100);
            assertThrows(IllegalStateException.class, () -> c.doFinal(ByteBuffer.allocate(16), direct));
            assertArrayEquals(new byte[100], out);
            assertEquals(0, direct.position());
        }
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void doFinal_keyExpiredAfterInit_illegalStateNamingExpiry(Aead aead) throws Exception {
        TestClock clock = new TestClock();
        SessionKeysProvider provider = new SessionKeysProvider(clock);
        KeyGenerator g = KeyGenerator.getInstance(aead.keyAlgorithm, provider);
        g.init(SessionKeyGenParameterSpec.builder()
                .keySize(256)
                .policy(KeyPolicy.builder().lifetime(Duration.ofMinutes(5)).build()).build());
        SessionKey key = (SessionKey) g.generateKey();
        Cipher c = Cipher.getInstance(aead.transformation, provider);
        c.init(Cipher.ENCRYPT_MODE, key);
        c.update(new byte[8]);
        clock.advance(Duration.ofMinutes(5));
        byte[] out = new byte[64];
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.doFinal(new byte[8], 0, 8, out, 0));
        assertTrue(e.getMessage().contains("expired") || e.getMessage().contains("lifetime"), e.getMessage());
        assertArrayEquals(new byte[64], out);
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void update_encryptLifetimeEndsMidMessage_illegalStateButDecryptionGoesOn(Aead aead) throws Exception {
        TestClock clock = new TestClock();
        SessionKeysProvider provider = new SessionKeysProvider(clock);
        KeyGenerator g = KeyGenerator.getInstance(aead.keyAlgorithm, provider);
        g.init(SessionKeyGenParameterSpec.builder()
                .keySize(256)
                .policy(KeyPolicy.builder().encryptLifetime(Duration.ofMinutes(5))
                        .decryptLifetime(Duration.ofMinutes(60)).build())
                .build());
        SessionKey key = (SessionKey) g.generateKey();
        Cipher done = Cipher.getInstance(aead.transformation, provider);
        done.init(Cipher.ENCRYPT_MODE, key);
        byte[] ct = done.doFinal(new byte[12]);
        Cipher c = Cipher.getInstance(aead.transformation, provider);
        c.init(Cipher.ENCRYPT_MODE, key);
        c.update(new byte[8]);
        clock.advance(Duration.ofMinutes(5));
        byte[] out = new byte[64];
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.update(new byte[8], 0, 8, out, 0));
        assertTrue(e.getMessage().contains("encryption lifetime"), e.getMessage());
        assertArrayEquals(new byte[64], out);
        assertEquals(KeyState.DECRYPT_ONLY, key.state());
        Cipher dec = Cipher.getInstance(aead.transformation, provider);
        dec.init(Cipher.DECRYPT_MODE, key, done.getParameters());
        assertArrayEquals(new byte[12], dec.doFinal(ct));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void encryptInit_manyThreadsOneKey_everyNonceUniqueAndEveryEncryptionCharged(Aead aead) throws Exception {
        SessionKey key = key(aead, KeyPolicy.builtInDefaults());
        int threads = 4;
        int each = 300;
        Set<String> nonces = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        Cipher c = aead.cipher();
                        if (i % 3 == 0) {
                            byte[] n = Nonces.random();
                            c.init(Cipher.ENCRYPT_MODE, key, aead.spec(n));
                        } else {
                            c.init(Cipher.ENCRYPT_MODE, key);
                        }
                        assertTrue(nonces.add(Arrays.toString(c.getIV())), "a nonce was handed out twice");
                        c.doFinal(new byte[3]);
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(threads * each, key.encryptionCount());
        assertEquals(3L * threads * each, key.bytesEncrypted());
    }
}

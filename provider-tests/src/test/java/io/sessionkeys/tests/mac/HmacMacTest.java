package io.sessionkeys.tests.mac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyState;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.support.TestClock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.Security;
import java.time.Duration;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mac HmacSHA256/384/512 with session keys, through JCA only. */
class HmacMacTest {

    private static final byte[] MESSAGE = "the quick brown fox".getBytes(StandardCharsets.US_ASCII);

    private final TestClock clock = new TestClock();
    private final SessionKeysProvider provider = new SessionKeysProvider(clock);

    private SecretKey importKey(String algorithm, byte[] raw, KeyPolicy policy) throws Exception {
        return SecretKeyFactory.getInstance(algorithm, provider)
                .generateSecret(SessionKeyImportSpec.builder()
                        .key(new SecretKeySpec(raw, algorithm))
                        .policy(policy).build());
    }

    private static byte[] sunJce(String algorithm, byte[] raw, byte[] message) throws Exception {
        Mac mac = Mac.getInstance(algorithm, "SunJCE");
        mac.init(new SecretKeySpec(raw, algorithm));
        return mac.doFinal(message);
    }

    @Property(tries = 60)
    void doFinal_importedSessionKey_matchesSunJce(@ForAll("hmacs") String algorithm,
            @ForAll @Size(min = 1, max = 200) byte[] raw, @ForAll @Size(max = 300) byte[] message,
            @ForAll @IntRange(min = 1, max = 100) int chunk) throws Exception {
        SecretKey key = importKey(algorithm, raw, null);
        Mac mac = Mac.getInstance(algorithm, provider);
        mac.init(key);
        for (int at = 0; at < message.length; at += chunk) {
            mac.update(ByteBuffer.wrap(message, at, Math.min(chunk, message.length - at)));
        }
        assertArrayEquals(sunJce(algorithm, raw, message), mac.doFinal());
        key.destroy();
    }

    /**
     * A reported wrong tag: a key longer than SHA-256's block (95 bytes, hashed first), and updates
     * taken from ranges inside larger arrays that leave a partial block between them (19 bytes at
     * offset 6, 1 byte at offset 8, an empty update, 150 bytes at offset 3), in every update form.
     */
    @ParameterizedTest
    @ValueSource(strings = {"array", "heap buffer", "direct buffer", "read-only buffer"})
    void update_rangesOfLargerArrays_afterAPartialBlock_matchesSunJce(String form) throws Exception {
        byte[] raw = new byte[95];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (7 * i + 1);
        }
        byte[] source = new byte[200];
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) (31 * i + 11);
        }
        int[][] parts = {{6, 19}, {8, 1}, {0, 0}, {3, 150}};
        Mac sun = Mac.getInstance("HmacSHA256", "SunJCE");
        sun.init(new SecretKeySpec(raw, "HmacSHA256"));
        Mac mac = Mac.getInstance("HmacSHA256", provider);
        mac.init(importKey("HmacSHA256", raw, null));
        for (int[] part : parts) {
            sun.update(java.util.Arrays.copyOfRange(source, part[0], part[0] + part[1]));
            switch (form) {
                case "array":
                    mac.update(source, part[0], part[1]);
                    break;
                case "heap buffer":
                    mac.update(ByteBuffer.wrap(source, part[0], part[1]));
                    break;
                case "direct buffer":
                    ByteBuffer direct = ByteBuffer.allocateDirect(source.length).put(source);
                    mac.update(direct.position(part[0]).limit(part[0] + part[1]));
                    break;
                default:
                    mac.update(ByteBuffer.wrap(source, part[0], part[1]).asReadOnlyBuffer());
            }
        }
        assertArrayEquals(sun.doFinal(), mac.doFinal());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> hmacs() {
        return net.jqwik.api.Arbitraries.of("HmacSHA256", "HmacSHA384", "HmacSHA512");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HmacSHA256", "HmacSHA384", "HmacSHA512"})
    void getMacLength_isTheHashLength(String algorithm) throws Exception {
        Mac mac = Mac.getInstance(algorithm, provider);
        assertEquals(Mac.getInstance(algorithm, "SunJCE").getMacLength(), mac.getMacLength());
    }

    @Test
    void reset_midMessage_startsAgainWithTheSameKey() throws Exception {
        byte[] raw = new byte[32];
        SecretKey key = importKey("HmacSHA256", raw, null);
        Mac mac = Mac.getInstance("HmacSHA256", provider);
        mac.init(key);
        mac.update(new byte[] {1, 2, 3});
        mac.reset();
        mac.update(MESSAGE);
        assertArrayEquals(sunJce("HmacSHA256", raw, MESSAGE), mac.doFinal());
        assertArrayEquals(sunJce("HmacSHA256", raw, new byte[0]), mac.doFinal(), "doFinal resets too");
    }

    @Test
    void update_afterTheKeyIsDestroyed_refusedNamingTheReason() throws Exception {
        SecretKey key = KeyGenerator.getInstance("HmacSHA256", provider).generateKey();
        Mac mac = Mac.getInstance("HmacSHA256", provider);
        mac.init(key);
        mac.update(MESSAGE);
        key.destroy();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> mac.update(MESSAGE));
        assertTrue(refused.getMessage().contains(DestroyReason.EXPLICIT.explanation()), refused.getMessage());
        assertThrows(IllegalStateException.class, mac::doFinal);
        InvalidKeyException atInit = assertThrows(InvalidKeyException.class, () -> mac.init(key));
        assertTrue(atInit.getMessage().contains(DestroyReason.EXPLICIT.explanation()), atInit.getMessage());
    }

    @Test
    void destroy_whileAnotherThreadIsMacing_thatThreadIsRefusedCleanly() throws Exception {
        SecretKey key = KeyGenerator.getInstance("HmacSHA512", provider).generateKey();
        Mac mac = Mac.getInstance("HmacSHA512", provider);
        mac.init(key);
        byte[] chunk = new byte[4096];
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Throwable> outcome = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                for (int i = 0; i < 1_000_000; i++) {
                    mac.update(chunk);
                    if (i % 16 == 15) {
                        mac.doFinal();
                    }
                    started.countDown();
                }
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        assertTrue(started.await(30, java.util.concurrent.TimeUnit.SECONDS));
        key.destroy();
        Throwable thrown = outcome.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(thrown instanceof IllegalStateException, String.valueOf(thrown));
        assertTrue(thrown.getMessage().contains(DestroyReason.EXPLICIT.explanation()), thrown.getMessage());
    }

    @Test
    void init_afterADestroyedKey_worksWithANewKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA384", provider);
        SecretKey first = KeyGenerator.getInstance("HmacSHA384", provider).generateKey();
        mac.init(first);
        mac.update(MESSAGE);
        first.destroy();
        byte[] raw = new byte[48];
        mac.init(importKey("HmacSHA384", raw, null));
        assertArrayEquals(sunJce("HmacSHA384", raw, MESSAGE), mac.doFinal(MESSAGE));
    }

    @Test
    void decryptOnlyKey_stillComputesTags_soThatItCanVerify() throws Exception {
        byte[] raw = new byte[32];
        SecretKey key = importKey("HmacSHA256", raw, KeyPolicy.builder().encryptLifetime(Duration.ofMinutes(5))
                .decryptLifetime(Duration.ofMinutes(60)).build());
        Mac mac = Mac.getInstance("HmacSHA256", provider);
        mac.init(key);
        byte[] tag = mac.doFinal(MESSAGE);

        clock.advance(Duration.ofMinutes(10));
        assertEquals(KeyState.DECRYPT_ONLY, ((SessionKey) key).state());
        Mac verifier = Mac.getInstance("HmacSHA256", provider);
        verifier.init(key);
        assertTrue(MessageDigest.isEqual(tag, verifier.doFinal(MESSAGE)));

        clock.advance(Duration.ofMinutes(60));
        IllegalStateException expired = assertThrows(IllegalStateException.class, () -> verifier.update(MESSAGE));
        assertTrue(expired.getMessage().contains(DestroyReason.EXPIRED.explanation()), expired.getMessage());
    }

    @Test
    void init_foreignKey_servedByTheNextProviderAsItWould() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256", provider);
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        Mac sun = Mac.getInstance("HmacSHA256", "SunJCE");
        sun.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        assertArrayEquals(sun.doFinal(new byte[7]), mac.doFinal(new byte[7]));
    }

    @Test
    void init_sessionKeyOfAnotherAlgorithm_refused() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
        generator.init(SessionKeyGenParameterSpec.builder().keySize(256).build());
        SecretKey aes = generator.generateKey();
        Mac mac = Mac.getInstance("HmacSHA256", provider);
        InvalidKeyException refused = assertThrows(InvalidKeyException.class, () -> mac.init(aes));
        assertTrue(refused.getMessage().contains("AES"), refused.getMessage());
        SecretKey hmac512 = KeyGenerator.getInstance("HmacSHA512", provider).generateKey();
        assertThrows(InvalidKeyException.class, () -> mac.init(hmac512));
    }

    @Test
    void init_withParameters_refused() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256", provider);
        SecretKey key = KeyGenerator.getInstance("HmacSHA256", provider).generateKey();
        assertThrows(InvalidAlgorithmParameterException.class, () -> mac.init(key, new IvParameterSpec(new byte[16])));
    }

    @Test
    void clone_notSupported_soKeyedStateIsNeverCopied() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256", provider);
        mac.init(KeyGenerator.getInstance("HmacSHA256", provider).generateKey());
        assertThrows(CloneNotSupportedException.class, mac::clone);
    }

    @Test
    void sessionKeysFirst_routesSessionKeysHereAndForeignKeysToSunJce() throws Exception {
        Security.insertProviderAt(provider, 1);
        try {
            SecretKey sessionKey = KeyGenerator.getInstance("HmacSHA256").generateKey();
            assertTrue(sessionKey instanceof SessionKey, "KeyGenerator without a provider name is ours");
            Mac forSession = Mac.getInstance("HmacSHA256");
            forSession.init(sessionKey);
            assertEquals("SessionKeys", forSession.getProvider().getName());

            byte[] raw = new byte[32];
            Mac forForeign = Mac.getInstance("HmacSHA256");
            forForeign.init(new SecretKeySpec(raw, "HmacSHA256"));
            assertEquals("SunJCE", forForeign.getProvider().getName());
            assertArrayEquals(sunJce("HmacSHA256", raw, MESSAGE), forForeign.doFinal(MESSAGE));
            assertFalse(forForeign.getProvider() == provider);
        } finally {
            Security.removeProvider(provider.getName());
        }
    }
}

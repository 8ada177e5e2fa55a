package io.sessionkeys.tests.blockmode;

import static io.sessionkeys.tests.blockmode.BlockModes.cipher;
import static io.sessionkeys.tests.blockmode.BlockModes.iv;
import static io.sessionkeys.tests.blockmode.BlockModes.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Key lifecycle and usage budgets as seen through the block-mode ciphers. */
class LifecycleTest {

    static java.util.List<String> transformations() {
        return BlockModes.TRANSFORMATIONS;
    }

    private static Cipher encryptor(String transformation, SessionKey key) throws Exception {
        Cipher c = cipher(transformation);
        c.init(Cipher.ENCRYPT_MODE, key);
        return c;
    }

    @ParameterizedTest
    @MethodSource("transformations")
    void update_keyDestroyedAfterInit_throwsIllegalStateExceptionNamingTheReasonAndWritesNothing(
            String transformation) throws Exception {
        SessionKey key = (SessionKey) sessionKey(16);
        Cipher c = encryptor(transformation, key);
        key.destroy();
        byte[] out = new byte[64];
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> c.update(new byte[32], 0, 32, out, 0));
        assertTrue(e.getMessage().contains(DestroyReason.EXPLICIT.explanation()), e.getMessage());
        assertArrayEquals(new byte[64], out);
    }

    @Test
    void doFinal_keyDestroyedDuringDecryption_throwsIllegalStateException() throws Exception {
        SessionKey key = (SessionKey) sessionKey(16);
        Cipher c = cipher("AES/CBC/PKCS5Padding");
        c.init(Cipher.DECRYPT_MODE, key, iv(1));
        c.update(new byte[16]);
        key.destroy();
        assertThrows(IllegalStateException.class, () -> c.doFinal(new byte[16]));
    }

    @Test
    void doFinal_keyExpiredAfterInit_throwsIllegalStateExceptionSayingItExpired() throws Exception {
        MovableClock clock = new MovableClock();
        SessionKeysProvider provider = new SessionKeysProvider(clock);
        KeyPolicy policy = KeyPolicy.builder().encryptLifetime(Duration.ofMinutes(5))
                .decryptLifetime(Duration.ofMinutes(5)).build();
        SessionKey key = (SessionKey) SecretKeyFactory.getInstance("AES", provider)
                .generateSecret(SessionKeyImportSpec.builder()
                        .key(new SecretKeySpec(new byte[16], "AES"))
                        .policy(policy).build());
        Cipher c = Cipher.getInstance("AES/CTR/NoPadding", provider);
        c.init(Cipher.ENCRYPT_MODE, key);
        clock.advance(Duration.ofMinutes(6));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.doFinal(new byte[10]));
        assertTrue(e.getMessage().contains(DestroyReason.EXPIRED.explanation()), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("transformations")
    void initEncrypt_chargesOneEncryptionAndUpdatesChargeTheirBytes(String transformation) throws Exception {
        SessionKey key = (SessionKey) sessionKey(16);
        Cipher c = encryptor(transformation, key);
        assertEquals(1, key.encryptionCount());
        c.update(new byte[20]);
        c.doFinal(new byte[12]);
        assertEquals(32, key.bytesEncrypted());
    }

    @Test
    void decrypt_chargesNothing() throws Exception {
        SessionKey key = (SessionKey) sessionKey(16);
        Cipher c = cipher("AES/CBC/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key, iv(2));
        c.doFinal(new byte[32]);
        assertEquals(0, key.encryptionCount());
        assertEquals(0, key.bytesEncrypted());
    }

    @Test
    void initEncrypt_pastThePolicysEncryptionLimit_throwsInvalidKeyExceptionNamingTheLimit() throws Exception {
        SessionKey key = (SessionKey) sessionKey(new byte[16], KeyPolicy.builder().maxEncryptions(2).build());
        encryptor("AES/CBC/PKCS5Padding", key);
        encryptor("AES/CTR/NoPadding", key);
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> encryptor("AES", key));
        assertTrue(e.getMessage().contains("2 encryptions"), e.getMessage());
    }

    @Test
    void update_pastThePolicysByteLimit_throwsIllegalStateExceptionAndWritesNothing() throws Exception {
        SessionKey key = (SessionKey) sessionKey(new byte[16], KeyPolicy.builder().maxBytes(100).build());
        Cipher c = encryptor("AES/CTR/NoPadding", key);
        c.update(new byte[90]);
        byte[] out = new byte[20];
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> c.update(new byte[20], 0, 20, out, 0));
        assertTrue(e.getMessage().contains("100 bytes"), e.getMessage());
        assertArrayEquals(new byte[20], out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES/CBC/PKCS5Padding", "AES/CBC/NoPadding", "AES/CTR/NoPadding"})
    void doFinal_secondEncryptionUnderTheSameIv_throwsIllegalStateException(String transformation)
            throws Exception {
        Cipher c = encryptor(transformation, (SessionKey) sessionKey(16));
        c.doFinal(new byte[16]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.doFinal(new byte[16]));
        assertTrue(e.getMessage().contains("call init again"), e.getMessage());
    }

    @Test
    void init_afterFinishedEncryption_givesAFreshIvAndEncrypts() throws Exception {
        SessionKey key = (SessionKey) sessionKey(16);
        Cipher c = encryptor("AES/CTR/NoPadding", key);
        byte[] firstIv = c.getIV();
        c.doFinal(new byte[16]);
        c.init(Cipher.ENCRYPT_MODE, key);
        assertTrue(!java.util.Arrays.equals(firstIv, c.getIV()));
        assertEquals(16, c.doFinal(new byte[16]).length);
    }

    @Test
    void doFinal_ecbMessagesOnOneInit_chargeOneEncryptionEach() throws Exception {
        SessionKey key = (SessionKey) sessionKey(16);
        Cipher c = encryptor("AES", key);
        c.doFinal(new byte[3]);
        c.doFinal(new byte[3]);
        c.doFinal(new byte[3]);
        assertEquals(3, key.encryptionCount());
    }

    @Test
    void doFinal_ecbMessagePastTheEncryptionLimit_throwsIllegalStateException() throws Exception {
        SessionKey key = (SessionKey) sessionKey(new byte[16], KeyPolicy.builder().maxEncryptions(1).build());
        Cipher c = encryptor("AES/ECB/PKCS5Padding", key);
        c.doFinal(new byte[3]);
        assertThrows(IllegalStateException.class, () -> c.doFinal(new byte[3]));
    }

    /** A clock that moves only when told to. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

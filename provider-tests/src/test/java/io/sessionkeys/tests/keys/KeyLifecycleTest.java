package io.sessionkeys.tests.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.KeyState;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.support.TestClock;
import java.security.InvalidKeyException;
import java.time.Duration;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKeyFactory;
import org.junit.jupiter.api.Test;

/** ACTIVE → DECRYPT_ONLY → DESTROYED through the public API, on a clock the test moves. */
class KeyLifecycleTest {

    private final TestClock clock = new TestClock();
    private final SessionKeysProvider provider = new SessionKeysProvider(clock);

    private SessionKey generate(KeyPolicy policy) throws Exception {
        KeyGenerator g = KeyGenerator.getInstance("AES", provider);
        g.init(SessionKeyGenParameterSpec.builder().keySize(256).policy(policy).build());
        return (SessionKey) g.generateKey();
    }

    @Test
    void lifetimes_passing_moveTheKeyThroughEveryState() throws Exception {
        SessionKey key = generate(KeyPolicy.builder().encryptLifetime(Duration.ofMinutes(5))
                .decryptLifetime(Duration.ofMinutes(15)).build());
        assertEquals(KeyState.ACTIVE, key.state());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(KeyState.DECRYPT_ONLY, key.state());
        assertFalse(key.isDestroyed());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(KeyState.DESTROYED, key.state());
        assertEquals(DestroyReason.EXPIRED, key.destroyReason().orElseThrow());
        assertTrue(key.isDestroyed());
    }

    @Test
    void expiredKey_usedByAService_refusedSayingItExpired() throws Exception {
        SessionKey key = generate(KeyPolicy.builder().lifetime(Duration.ofSeconds(1)).build());
        clock.advance(Duration.ofSeconds(1));
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> SecretKeyFactory.getInstance("AES", provider).translateKey(key));
        assertTrue(e.getMessage().contains("lifetime expired"), e.getMessage());
    }

    @Test
    void destroy_recordsExplicitReason() throws Exception {
        SessionKey key = generate(null);
        key.destroy();
        assertEquals(DestroyReason.EXPLICIT, key.destroyReason().orElseThrow());
        assertEquals(KeyState.DESTROYED, key.state());
    }

    @Test
    void scopeClose_destroysEveryBoundKeyAsScopeClosed() throws Exception {
        SessionKey a = generate(null);
        SessionKey b = generate(null);
        SessionKey outside = generate(null);
        try (KeyScope scope = KeyScope.open()) {
            scope.bind(a);
            scope.bind(b);
        }
        assertEquals(DestroyReason.SCOPE_CLOSED, a.destroyReason().orElseThrow());
        assertEquals(DestroyReason.SCOPE_CLOSED, b.destroyReason().orElseThrow());
        assertEquals(KeyState.ACTIVE, outside.state());
    }

    @Test
    void closedScope_refusesNewKeys_andForeignKeysCannotBeBound() throws Exception {
        KeyScope scope = KeyScope.open();
        scope.close();
        assertTrue(scope.isClosed());
        SessionKey key = generate(null);
        assertThrows(IllegalStateException.class, () -> scope.bind(key));
        try (KeyScope open = KeyScope.open()) {
            assertThrows(IllegalArgumentException.class, () -> open.bind(null));
        }
    }

    @Test
    void readingState_ofDestroyedKey_stillWorks() throws Exception {
        SessionKey key = generate(KeyPolicy.builder().maxEncryptions(3).build());
        key.destroy();
        assertEquals(256, key.keySizeBits());
        assertEquals("AES", key.getAlgorithm());
        assertEquals(3, key.policy().maxEncryptions().getAsLong());
        assertEquals(0, key.encryptionCount());
        assertTrue(key.toString().contains("DESTROYED"), key.toString());
    }

    @Test
    void policyBuilder_decryptShorterThanEncrypt_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyPolicy.builder().encryptLifetime(Duration.ofHours(2)).decryptLifetime(Duration.ofHours(1)).build());
        assertTrue(e.getMessage().contains("shorter"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyPolicy.builder().decryptLifetime(Duration.ofHours(1)).build());
        assertThrows(IllegalArgumentException.class, () -> KeyPolicy.builder().lifetime(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> KeyPolicy.builder().maxBytes(-1));
    }

    @Test
    void policy_toString_isReadable() {
        String s = KeyPolicy.builder().lifetime(Duration.ofHours(1)).maxEncryptions(5).build().toString();
        assertTrue(s.contains("PT1H") && s.contains("max encryptions 5") && s.contains("no plaintext export"), s);
    }
}

package io.sessionkeys.tests.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.KeyState;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeysProvider;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeyGenerationTest {

    private final SessionKeysProvider provider = new SessionKeysProvider();

    private KeyGenerator generator(String algorithm) throws Exception {
        return KeyGenerator.getInstance(algorithm, provider);
    }

    @Test
    void generateKey_noInit_givesActiveAes256SessionKey() throws Exception {
        SessionKey key = (SessionKey) generator("AES").generateKey();
        assertEquals("AES", key.getAlgorithm());
        assertEquals(256, key.keySizeBits());
        assertEquals(KeyState.ACTIVE, key.state());
        assertEquals(provider.defaultPolicy(), key.policy());
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 192, 256})
    void init_eachAesSize_givesThatSize(int bits) throws Exception {
        KeyGenerator g = generator("AES");
        g.init(bits);
        assertEquals(bits, ((SessionKey) g.generateKey()).keySizeBits());
        g.init(bits, new SecureRandom());
        assertEquals(bits, ((SessionKey) g.generateKey()).keySizeBits());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 64, 100, 512})
    void init_badAesSize_isRefusedNamingTheSizes(int bits) throws Exception {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> generator("AES").init(bits));
        assertTrue(e.getMessage().contains("128, 192, 256"), e.getMessage());
    }

    @Test
    void chacha20_only256Bits() throws Exception {
        KeyGenerator g = generator("ChaCha20");
        assertEquals(256, ((SessionKey) g.generateKey()).keySizeBits());
        assertThrows(InvalidParameterException.class, () -> g.init(128));
    }

    @Test
    void init_withSpec_appliesPolicyAndScope() throws Exception {
        KeyPolicy policy = KeyPolicy.builder().lifetime(Duration.ofHours(1)).maxEncryptions(10).build();
        KeyGenerator g = generator("AES");
        try (KeyScope scope = KeyScope.open()) {
            g.init(SessionKeyGenParameterSpec.builder().keySize(128).policy(policy).scope(scope).build());
            SessionKey key = (SessionKey) g.generateKey();
            assertEquals(128, key.keySizeBits());
            assertSame(policy, key.policy());
            scope.close();
            assertEquals(KeyState.DESTROYED, key.state());
        }
    }

    @Test
    void init_foreignSpecOrBadSize_isInvalidAlgorithmParameter() throws Exception {
        KeyGenerator g = generator("AES");
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> g.init(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4)));
        assertThrows(InvalidAlgorithmParameterException.class, () -> g.init(SessionKeyGenParameterSpec.builder()
                .keySize(100).build()));
    }

    @Test
    void generateKey_twice_givesDistinctKeysWithDistinctIds() throws Exception {
        KeyGenerator g = generator("AES");
        SessionKey a = (SessionKey) g.generateKey();
        SessionKey b = (SessionKey) g.generateKey();
        assertNotEquals(a, b);
        assertNotEquals(a.keyId(), b.keyId());
    }

    @Test
    void generatedKey_defaultPolicy_revealsNothing() throws Exception {
        SessionKey key = (SessionKey) generator("AES").generateKey();
        assertNull(key.getEncoded());
        assertNull(key.getFormat());
        assertTrue(key.exports().isEmpty());
    }
}

package io.sessionkeys.tests.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.KeyState;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.security.InvalidKeyException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** CryptImportKey of a plaintext blob, and CryptExportKey in plaintext where policy allows. */
class KeyImportTest {

    private static final byte[] BYTES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final KeyPolicy EXPORTABLE = KeyPolicy.builder().plaintextExportable(true).build();

    private final SessionKeysProvider provider = new SessionKeysProvider();

    private SecretKeyFactory factory(String algorithm) throws Exception {
        return SecretKeyFactory.getInstance(algorithm, provider);
    }

    @Test
    void generateSecret_secretKeySpec_givesSessionKeyWithDefaultPolicy() throws Exception {
        SessionKey key = (SessionKey) factory("AES").generateSecret(new SecretKeySpec(BYTES, "AES"));
        assertEquals(128, key.keySizeBits());
        assertEquals(provider.defaultPolicy(), key.policy());
        assertEquals(null, key.getEncoded());
    }

    @Test
    void generateSecret_importSpec_appliesPolicyAndScope() throws Exception {
        try (KeyScope scope = KeyScope.open()) {
            SessionKey key = (SessionKey) factory("AES").generateSecret(
                    SessionKeyImportSpec.builder()
                            .key(new SecretKeySpec(BYTES, "AES"))
                            .policy(EXPORTABLE)
                            .scope(scope).build());
            assertSame(EXPORTABLE, key.policy());
            assertArrayEquals(BYTES, key.getEncoded());
            assertEquals("RAW", key.getFormat());
            scope.close();
            assertEquals(KeyState.DESTROYED, key.state());
        }
    }

    @Test
    void generateSecret_consumingSpec_zeroesTheCallersArrayOnceImported() throws Exception {
        byte[] bytes = BYTES.clone();
        SessionKey key = (SessionKey) factory("AES").generateSecret(
                SessionKeyImportSpec.builder().consume(bytes, "AES").policy(EXPORTABLE).build());
        assertArrayEquals(new byte[16], bytes);
        assertArrayEquals(BYTES, key.getEncoded());
    }

    @Test
    void generateSecret_consumingSpecRefused_leavesTheCallersArrayIntact() throws Exception {
        byte[] bytes = BYTES.clone();
        assertThrows(InvalidKeySpecException.class,
                () -> factory("AES").generateSecret(SessionKeyImportSpec.builder().consume(bytes, "ChaCha20").build()));
        assertArrayEquals(BYTES, bytes);
    }

    @Test
    void generateSecret_wrongLengthOrAlgorithmOrSpec_isInvalidKeySpec() throws Exception {
        SecretKeyFactory f = factory("AES");
        assertThrows(InvalidKeySpecException.class, () -> f.generateSecret(new SecretKeySpec(new byte[15], "AES")));
        assertThrows(InvalidKeySpecException.class, () -> f.generateSecret(new SecretKeySpec(BYTES, "DES")));
        assertThrows(InvalidKeySpecException.class, () -> f.generateSecret(new PKCS8EncodedKeySpec(BYTES)));
        assertThrows(InvalidKeySpecException.class,
                () -> factory("ChaCha20").generateSecret(new SecretKeySpec(BYTES, "ChaCha20")));
    }

    @Test
    void getKeySpec_exportForbidden_refusedAndSaysHowToAllowIt() throws Exception {
        SecretKeyFactory f = factory("AES");
        SecretKey key = f.generateSecret(new SecretKeySpec(BYTES, "AES"));
        InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class,
                () -> f.getKeySpec(key, SecretKeySpec.class));
        assertTrue(e.getMessage().contains("plaintextExport"), e.getMessage());
    }

    @Test
    void getKeySpec_exportAllowed_givesTheBytesAndRecordsTheExport() throws Exception {
        SecretKeyFactory f = factory("AES");
        SessionKey key = (SessionKey) f.generateSecret(
                SessionKeyImportSpec.builder().key(new SecretKeySpec(BYTES, "AES")).policy(EXPORTABLE).build());
        SecretKeySpec spec = (SecretKeySpec) f.getKeySpec(key, SecretKeySpec.class);
        assertArrayEquals(BYTES, spec.getEncoded());
        assertEquals(1, key.exports().size());
        assertEquals("plaintext", key.exports().get(0).method());
    }

    @Test
    void translateKey_foreignRawKey_importsIt_sessionKey_returnsItself() throws Exception {
        SecretKeyFactory f = factory("AES");
        SecretKey imported = f.translateKey(new SecretKeySpec(BYTES, "AES"));
        assertTrue(imported instanceof SessionKey);
        assertSame(imported, f.translateKey(imported));
    }

    @Test
    void destroyedKey_everyFactoryOperation_refusedWithTheReason() throws Exception {
        SecretKeyFactory f = factory("AES");
        SecretKey key = f.generateSecret(SessionKeyImportSpec.builder()
                .key(new SecretKeySpec(BYTES, "AES"))
                .policy(EXPORTABLE).build());
        key.destroy();
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> f.translateKey(key));
        assertTrue(e.getMessage().contains("destroy() was called"), e.getMessage());
        InvalidKeySpecException s = assertThrows(InvalidKeySpecException.class,
                () -> f.getKeySpec(key, SecretKeySpec.class));
        assertTrue(s.getMessage().contains("destroy() was called"), s.getMessage());
        assertThrows(IllegalStateException.class, key::getEncoded);
        assertThrows(IllegalStateException.class, key::getFormat);
    }

    @Test
    void sameBytesImportedTwice_twoDifferentKeys() throws Exception {
        SecretKeyFactory f = factory("AES");
        SecretKey a = f.generateSecret(new SecretKeySpec(BYTES, "AES"));
        SecretKey b = f.generateSecret(new SecretKeySpec(BYTES, "AES"));
        assertNotEquals(a, b);
        assertNotEquals(a, new SecretKeySpec(BYTES, "AES"));
        assertNotEquals(new SecretKeySpec(BYTES, "AES"), a);
        assertNotEquals(a.hashCode(), new SecretKeySpec(BYTES, "AES").hashCode());
        // Identity, stable across destruction: a destroyed key can still be found and removed.
        Set<SecretKey> held = new HashSet<>(List.of(a, b));
        ((SessionKey) a).destroy();
        assertTrue(held.remove(a), "a destroyed key could not be removed from a HashSet");
        assertEquals(Set.of(b), held);
    }

    @Test
    void serialization_refused() throws Exception {
        SecretKey key = factory("AES").generateSecret(new SecretKeySpec(BYTES, "AES"));
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            assertThrows(NotSerializableException.class, () -> out.writeObject(key));
        }
    }

    @Test
    void destroy_isIdempotent() throws Exception {
        SecretKey key = factory("AES").generateSecret(new SecretKeySpec(BYTES, "AES"));
        key.destroy();
        key.destroy();
        assertTrue(key.isDestroyed());
    }
}

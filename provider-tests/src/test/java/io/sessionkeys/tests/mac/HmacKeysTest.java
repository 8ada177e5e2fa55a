package io.sessionkeys.tests.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeysProvider;
import java.security.InvalidParameterException;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** KeyGenerator and SecretKeyFactory HmacSHA256/384/512 make HMAC session keys. */
class HmacKeysTest {

    private final SessionKeysProvider provider = new SessionKeysProvider();

    @ParameterizedTest
    @CsvSource({"HmacSHA256, 256", "HmacSHA384, 384", "HmacSHA512, 512"})
    void generateKey_withoutInit_hasSunJceDefaultSize(String algorithm, int bits) throws Exception {
        SecretKey key = KeyGenerator.getInstance(algorithm, provider).generateKey();

        assertTrue(key instanceof SessionKey, key.getClass().getName());
        assertEquals(algorithm, key.getAlgorithm());
        assertEquals(bits, ((SessionKey) key).keySizeBits());
        assertEquals(KeyGenerator.getInstance(algorithm, "SunJCE").generateKey().getEncoded().length * 8, bits);
        key.destroy();
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 128, 200, 1024, 2048})
    void generateKey_anyWholeNumberOfBytes_hasThatSize(int bits) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("HmacSHA256", provider);
        generator.init(bits);
        SessionKey key = (SessionKey) generator.generateKey();
        assertEquals(bits, key.keySizeBits());
        key.destroy();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 129})
    void init_sizeNotAWholeNumberOfBytes_refused(int bits) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("HmacSHA512", provider);
        assertThrows(InvalidParameterException.class, () -> generator.init(bits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HmacSHA256", "HmacSHA384", "HmacSHA512"})
    void generateSecret_rawBytesOfAnyLength_importsASessionKey(String algorithm) throws Exception {
        byte[] raw = new byte[77];
        SecretKey key = SecretKeyFactory.getInstance(algorithm, provider).generateSecret(new SecretKeySpec(raw, algorithm));
        assertTrue(key instanceof SessionKey);
        assertEquals(77 * 8, ((SessionKey) key).keySizeBits());
        assertEquals(null, key.getEncoded(), "the default policy forbids plaintext export");
        key.destroy();
    }
}

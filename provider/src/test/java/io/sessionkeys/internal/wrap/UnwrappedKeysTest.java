package io.sessionkeys.internal.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.internal.config.Settings;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/** Unwrapped keys are made for every kind of session key the provider knows, sized by its rules. */
class UnwrappedKeysTest {

    private final ProviderContext context = new ProviderContext(Settings.fromSystemProperties(), Clock.systemUTC());

    @Test
    void kindOf_knownNamesAnyCase_found_unknown_noSuchAlgorithm() throws Exception {
        assertSame(KeyAlgorithm.AES, UnwrappedKeys.kindOf("aes", Cipher.SECRET_KEY, "t"));
        assertSame(KeyAlgorithm.CHACHA20, UnwrappedKeys.kindOf("CHACHA20", Cipher.SECRET_KEY, "t"));
        NoSuchAlgorithmException e = assertThrows(NoSuchAlgorithmException.class,
                () -> UnwrappedKeys.kindOf("Blowfish", Cipher.SECRET_KEY, "t"));
        assertTrue(e.getMessage().contains("AES") && e.getMessage().contains("ChaCha20"), e.getMessage());
        assertThrows(NoSuchAlgorithmException.class, () -> UnwrappedKeys.kindOf("AES", Cipher.PUBLIC_KEY, "t"));
    }

    @Test
    void make_anyByteLengthKind_acceptsAnyWholeByteLength() throws Exception {
        // an HMAC kind as the MAC family registers it: any whole number of bytes
        KeyAlgorithm hmac = KeyAlgorithm.forName("HmacSHA256")
                .orElseGet(() -> KeyAlgorithm.anyByteLength("HmacSHA256", 256));
        assertSame(hmac, UnwrappedKeys.kindOf("HMACSHA256", Cipher.SECRET_KEY, "t"));
        byte[] recovered = new byte[8 + 20];
        SessionKey key = (SessionKey) UnwrappedKeys.make(context, hmac, recovered, 8, 20, KeyPolicy.builtInDefaults(),
                null);
        assertEquals("HmacSHA256", key.getAlgorithm());
        assertEquals(160, key.keySizeBits());
    }

    @Test
    void make_lengthOutsideTheKindsSizes_refused() {
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> UnwrappedKeys.make(context, KeyAlgorithm.AES, new byte[40], 8, 20, null, null));
        assertTrue(e.getMessage().contains("20 bytes") && e.getMessage().contains("128, 192, 256"), e.getMessage());
        assertThrows(InvalidKeyException.class,
                () -> UnwrappedKeys.make(context, KeyAlgorithm.CHACHA20, new byte[40], 8, 16, null, null));
    }
}

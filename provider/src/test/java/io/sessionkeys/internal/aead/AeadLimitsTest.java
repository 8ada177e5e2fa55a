package io.sessionkeys.internal.aead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyState;
import io.sessionkeys.internal.config.Settings;
import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidKeyException;
import java.time.Clock;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/** The SPIs hand their algorithm's limits to the key, and the refusal names them. */
class AeadLimitsTest {

    private static final ProviderContext CONTEXT = new ProviderContext(Settings.fromSystemProperties(), Clock.systemUTC());

    /** AES-GCM with the real limits' source text but tiny numbers, so the limit is reachable in a test. */
    private static final class TinyLimitGcm extends AesGcmCipher {
        TinyLimitGcm() {
            super(CONTEXT, ReferenceGcmEngine.INSTANCE, KeySize.ANY);
        }

        @Override
        protected SafetyLimits limits() {
            return new SafetyLimits(2, 1_000, AeadLimits.AES_GCM.source());
        }
    }

    private static ManagedSessionKey key() {
        return ManagedSessionKey.create("AES", 128, new byte[16], 0, 16, KeyPolicy.builtInDefaults(), null,
                Clock.systemUTC());
    }

    @Test
    void encryptInit_pastTheAlgorithmLimit_decryptOnlyNamingTheSource() throws Exception {
        ManagedSessionKey key = key();
        TinyLimitGcm spi = new TinyLimitGcm();
        spi.engineInit(Cipher.ENCRYPT_MODE, key, null);
        spi.engineInit(Cipher.ENCRYPT_MODE, key, null);
        assertEquals(KeyState.DECRYPT_ONLY, key.state());
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> spi.engineInit(Cipher.ENCRYPT_MODE, key, null));
        assertTrue(e.getMessage().contains("SP 800-38D") && e.getMessage().contains("2 encryptions"), e.getMessage());
    }

    @Test
    void update_pastTheAlgorithmByteLimit_illegalStateNamingTheSource() throws Exception {
        ManagedSessionKey key = key();
        TinyLimitGcm spi = new TinyLimitGcm();
        spi.engineInit(Cipher.ENCRYPT_MODE, key, null);
        spi.engineUpdate(new byte[900], 0, 900);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> spi.engineUpdate(new byte[101], 0, 101));
        assertTrue(e.getMessage().contains("RFC 8446") && e.getMessage().contains("1000 bytes"), e.getMessage());
    }

    @Test
    void limits_asDocumented() {
        assertEquals(1L << 32, AeadLimits.AES_GCM.maxEncryptions());
        assertEquals((long) Math.floor(Math.pow(2, 38.5)), AeadLimits.AES_GCM.maxBytes());
        assertEquals(Long.MAX_VALUE, AeadLimits.CHACHA20_POLY1305.maxEncryptions());
    }
}

package io.sessionkeys.internal.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Clock;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SPIs on the test-only reference engines, so the template is checked independently of the
 * production engines: same output as SunJCE, tag failures release nothing.
 */
class AeadCipherReferenceEngineTest {

    private static final Provider REFERENCE = new ReferenceAeadProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static ManagedSessionKey sessionKey(String algorithm, byte[] bytes) {
        return ManagedSessionKey.create(algorithm, bytes.length * 8, bytes, 0, bytes.length,
                KeyPolicy.builtInDefaults(), null, Clock.systemUTC());
    }

    private static AlgorithmParameterSpec spec(String transformation, byte[] nonce) {
        return transformation.contains("GCM") ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce);
    }

    @ParameterizedTest
    @CsvSource({"AES/GCM/NoPadding, AES, 16", "AES/GCM/NoPadding, AES, 32", "AES_192/GCM/NoPadding, AES, 24",
        "ChaCha20-Poly1305, ChaCha20, 32"})
    void doFinal_randomMessages_sameAsSunJceAndTamperingRejected(String transformation, String algorithm, int keyLength)
            throws Exception {
        for (int length : new int[] {0, 1, 15, 16, 17, 64, 257}) {
            byte[] keyBytes = new byte[keyLength];
            byte[] nonce = new byte[12];
            byte[] aad = new byte[length % 23];
            byte[] plaintext = new byte[length];
            RANDOM.nextBytes(keyBytes);
            RANDOM.nextBytes(nonce);
            RANDOM.nextBytes(aad);
            RANDOM.nextBytes(plaintext);
            Cipher sun = Cipher.getInstance(transformation, "SunJCE");
            sun.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, algorithm), spec(transformation, nonce));
            sun.updateAAD(aad);
            byte[] expected = sun.doFinal(plaintext);

            ManagedSessionKey key = sessionKey(algorithm, keyBytes.clone());
            Cipher ours = Cipher.getInstance(transformation, REFERENCE);
            ours.init(Cipher.ENCRYPT_MODE, key, spec(transformation, nonce));
            ours.updateAAD(aad);
            assertArrayEquals(expected, ours.doFinal(plaintext));

            Cipher dec = Cipher.getInstance(transformation, REFERENCE);
            dec.init(Cipher.DECRYPT_MODE, key, spec(transformation, nonce));
            dec.updateAAD(aad);
            assertArrayEquals(plaintext, dec.doFinal(expected));
            byte[] bad = expected.clone();
            bad[bad.length - 1] ^= 1;
            dec.updateAAD(aad);
            assertThrows(AEADBadTagException.class, () -> dec.doFinal(bad));
        }
    }
}

package io.sessionkeys.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeyUnwrapSpec;
import io.sessionkeys.SessionKeysProvider;
import java.security.Provider;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Threads wrap and unwrap under one KEK, or wrap one session key, while another thread destroys
 * that key, on whatever engine this run selects (on the native engine: W and W^-1 running in C
 * on the KEK's contexts, or reading the wrapped key's slot, against the release of the contexts
 * and the zeroing of the slot). The race is {@link DestroyDuringCipherStressTest}'s: every step
 * completes with SunJCE's blob and the right key, or is refused naming the destruction; the JVM
 * never crashes.
 */
class DestroyDuringWrapStressTest {

    private static final Provider SESSION_KEYS = new SessionKeysProvider();
    private static final KeyPolicy EXPORTABLE = KeyPolicy.builder().plaintextExportable(true).build();
    private static final byte[] KEK = new byte[32];

    @RepeatedTest(10)
    void kwWrapAndUnwrapRacingKekDestroy_completesOrRefused() throws Exception {
        raceOnKek("AES/KW/NoPadding", "AESWrap");
    }

    @RepeatedTest(10)
    void kwpWrapAndUnwrapRacingKekDestroy_completesOrRefused() throws Exception {
        raceOnKek("AES/KWP/NoPadding", "AESWrapPad");
    }

    /** The key being wrapped is the one destroyed: its slot is read in C while the destruction waits. */
    @RepeatedTest(10)
    void wrapRacingWrappedKeyDestroy_completesOrRefused() throws Exception {
        byte[] raw = new byte[24];
        SessionKey victim = sessionKey("HmacSHA256", raw);
        SessionKey kek = sessionKey("AES", KEK);
        try {
            DestroyDuringCipherStressTest.raceDestroy(victim, 4, () -> {
                Cipher sun = Cipher.getInstance("AESWrap", "SunJCE");
                sun.init(Cipher.WRAP_MODE, new SecretKeySpec(KEK, "AES"));
                byte[] expected = sun.wrap(new SecretKeySpec(raw, "HmacSHA256"));
                Cipher ours = Cipher.getInstance("AES/KW/NoPadding", SESSION_KEYS);
                return random -> {
                    ours.init(Cipher.WRAP_MODE, kek);
                    assertArrayEquals(expected, ours.wrap(victim));
                };
            });
        } finally {
            kek.destroy();
        }
    }

    private static void raceOnKek(String transformation, String sunName) throws Exception {
        SecretKey kek = sessionKey("AES", KEK);
        DestroyDuringCipherStressTest.raceDestroy(kek, 4, () -> {
            Cipher sun = Cipher.getInstance(sunName, "SunJCE");
            Cipher ours = Cipher.getInstance(transformation, SESSION_KEYS);
            return random -> {
                byte[] raw = new byte[8 * random.nextInt(2, 9)];
                random.nextBytes(raw);
                SessionKey key = sessionKey("HmacSHA256", raw);
                try {
                    sun.init(Cipher.WRAP_MODE, new SecretKeySpec(KEK, "AES"));
                    byte[] expected = sun.wrap(new SecretKeySpec(raw, "HmacSHA256"));
                    ours.init(Cipher.WRAP_MODE, kek);
                    assertArrayEquals(expected, ours.wrap(key));
                    ours.init(Cipher.UNWRAP_MODE, kek, SessionKeyUnwrapSpec.builder().policy(EXPORTABLE).build());
                    SessionKey back = (SessionKey) ours.unwrap(expected, "HmacSHA256", Cipher.SECRET_KEY);
                    assertArrayEquals(raw, back.getEncoded());
                    back.destroy();
                } finally {
                    key.destroy();
                }
            };
        });
    }

    private static SessionKey sessionKey(String algorithm, byte[] raw) throws Exception {
        return (SessionKey) SecretKeyFactory.getInstance(algorithm, SESSION_KEYS).generateSecret(SessionKeyImportSpec
                .builder().key(new SecretKeySpec(raw.clone(), algorithm)).policy(EXPORTABLE).build());
    }
}

package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.fail;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rules for hostile input: which exceptions are allowed, that no message carries key material,
 * and that a failed call leaves its output untouched or zeroed.
 */
final class Hostile {

    static final SessionKeysProvider PROVIDER = new SessionKeysProvider();

    /** What a caller's output buffer holds before a call, so a write is seen. */
    static final byte SENTINEL = (byte) 0xA5;

    private Hostile() {
    }

    /** A session key with known bytes, so that messages can be searched for them. */
    static SessionKey importKey(String algorithm, byte[] raw) throws GeneralSecurityException {
        SecretKeyFactory f = SecretKeyFactory.getInstance(algorithm, PROVIDER);
        return (SessionKey) f.generateSecret(SessionKeyImportSpec.builder()
                .key(new SecretKeySpec(raw.clone(), algorithm))
                .policy(KeyPolicy.builtInDefaults()).build());
    }

    /**
     * Fails unless {@code thrown} is one of {@code allowed} (or a subclass); then checks that its
     * message, and its causes' messages, contain no 4-byte window of any of {@code keys} in hex.
     */
    @SafeVarargs
    static void assertAllowed(Throwable thrown, byte[][] keys, Class<? extends Throwable>... allowed) {
        boolean ok = Arrays.stream(allowed).anyMatch(c -> c.isInstance(thrown));
        if (!ok) {
            fail("undocumented exception " + thrown.getClass().getName() + " (allowed: "
                    + Arrays.toString(Arrays.stream(allowed).map(Class::getSimpleName).toArray()) + ")", thrown);
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertNoKeyMaterial(t.getMessage(), keys);
        }
    }

    /** No 4-byte window of any key, in lower- or upper-case hex, in {@code message}. */
    static void assertNoKeyMaterial(String message, byte[]... keys) {
        if (message == null) {
            return;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (byte[] key : keys) {
            String hex = HexFormat.of().formatHex(key);
            for (int i = 0; i + 8 <= hex.length(); i += 2) {
                String window = hex.substring(i, i + 8);
                if (lower.contains(window)) {
                    fail("key material (" + window + ") in an exception message: " + message);
                }
            }
        }
    }

    /** A buffer filled with {@link #SENTINEL}. */
    static byte[] sentinelArray(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, SENTINEL);
        return b;
    }

    /** After a failed call: every byte is still the sentinel, or zero (a wiped partial output). */
    static void assertNoOutput(byte[] out, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(out.length, to); i++) {
            if (out[i] != SENTINEL && out[i] != 0) {
                fail("a failed call left output at index " + i);
            }
        }
    }
}

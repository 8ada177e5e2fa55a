package io.sessionkeys.tests.wrap;

import static io.sessionkeys.tests.wrap.Wrapping.EXPORTABLE;
import static io.sessionkeys.tests.wrap.Wrapping.NOT_WRAPPABLE;
import static io.sessionkeys.tests.wrap.Wrapping.SESSION_KEYS;
import static io.sessionkeys.tests.wrap.Wrapping.SUN;
import static io.sessionkeys.tests.wrap.Wrapping.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyUnwrapSpec;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of wrapping, over random keys, KEKs and damage. */
class WrapProperties {

    @Provide
    Arbitrary<String> transformations() {
        return Arbitraries.of("AES/KW/NoPadding", "AES/KW/PKCS5Padding", "AES/KWP/NoPadding");
    }

    @Provide
    Arbitrary<byte[]> aesKeys() {
        return Arbitraries.of(16, 24, 32).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    private static byte[] wrap(String transformation, byte[] kek, SessionKey key) throws Exception {
        Cipher c = Cipher.getInstance(transformation, SESSION_KEYS);
        c.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"));
        return c.wrap(key);
    }

    private static SessionKey unwrap(String transformation, byte[] kek, byte[] blob) throws Exception {
        Cipher c = Cipher.getInstance(transformation, SESSION_KEYS);
        c.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"), SessionKeyUnwrapSpec.builder()
                .policy(EXPORTABLE).build());
        return (SessionKey) c.unwrap(blob, "AES", Cipher.SECRET_KEY);
    }

    /** Encrypts one block with SunJCE under the key's revealed bytes (its policy allows it). */
    private static byte[] encryptWith(SessionKey key, byte[] block) throws Exception {
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding", SUN);
        byte[] raw = key.getEncoded();
        try {
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(raw, "AES"));
            return ecb.doFinal(block);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    @Property(tries = 200)
    void unwrapOfWrap_encryptsExactlyLikeTheOriginal(@ForAll("transformations") String transformation,
            @ForAll("aesKeys") byte[] keyBytes, @ForAll("aesKeys") byte[] kek, @ForAll @Size(16) byte[] block)
            throws Exception {
        SessionKey original = sessionKey(keyBytes, "AES", EXPORTABLE);
        SessionKey copy = unwrap(transformation, kek, wrap(transformation, kek, original));
        assertEquals(original.keySizeBits(), copy.keySizeBits());
        assertArrayEquals(encryptWith(original, block), encryptWith(copy, block));
    }

    @Property(tries = 300)
    void anyChangeToAWrappedKey_isRefused(@ForAll("transformations") String transformation,
            @ForAll("aesKeys") byte[] keyBytes, @ForAll("aesKeys") byte[] kek,
            @ForAll @IntRange(min = 0, max = 1000) int where, @ForAll @IntRange(min = 0, max = 3) int how)
            throws Exception {
        byte[] blob = wrap(transformation, kek, sessionKey(keyBytes, "AES", KeyPolicy.builtInDefaults()));
        byte[] changed;
        switch (how) {
            case 0: // flip one bit anywhere
                changed = blob.clone();
                changed[where % blob.length] ^= (byte) (1 << (where % 8));
                break;
            case 1: // truncate
                changed = Arrays.copyOf(blob, where % blob.length);
                break;
            case 2: // extend
                changed = Arrays.copyOf(blob, blob.length + 1 + where % 16);
                break;
            default: // swap two semiblocks
                changed = blob.clone();
                int n = blob.length / 8;
                int a = where % n;
                int b = (a + 1 + where / n % (n - 1)) % n;
                byte[] tmp = Arrays.copyOfRange(changed, a * 8, a * 8 + 8);
                System.arraycopy(changed, b * 8, changed, a * 8, 8);
                System.arraycopy(tmp, 0, changed, b * 8, 8);
        }
        byte[] damaged = changed;
        assertThrows(InvalidKeyException.class, () -> unwrap(transformation, kek, damaged));
    }

    @Property(tries = 50)
    void aKeyWhosePolicyForbidsWrapping_isRefusedAndNothingIsRecorded(
            @ForAll("transformations") String transformation, @ForAll("aesKeys") byte[] keyBytes,
            @ForAll("aesKeys") byte[] kek) throws Exception {
        SessionKey key = sessionKey(keyBytes, "AES", NOT_WRAPPABLE);
        assertThrows(InvalidKeyException.class, () -> wrap(transformation, kek, key));
        assertTrue(key.exports().isEmpty());
    }

    @Property(tries = 50)
    void everyWrap_isRecordedAsAnExport(@ForAll("transformations") String transformation,
            @ForAll("aesKeys") byte[] keyBytes, @ForAll @IntRange(min = 1, max = 5) int times) throws Exception {
        SessionKey key = sessionKey(keyBytes, "AES", KeyPolicy.builtInDefaults());
        for (int i = 0; i < times; i++) {
            wrap(transformation, new byte[16], key);
        }
        assertEquals(times, key.exports().size());
        assertTrue(key.exports().stream().allMatch(e -> e.method().equals(transformation)));
    }

    @Property(tries = 50)
    void anUnwrappedKey_respectsThePolicyItWasGiven(@ForAll("aesKeys") byte[] keyBytes, @ForAll boolean wrappable,
            @ForAll boolean exportable) throws Exception {
        KeyPolicy policy = KeyPolicy.builder().wrappable(wrappable).plaintextExportable(exportable).build();
        byte[] kek = new byte[32];
        byte[] blob = wrap("AES/KW/NoPadding", kek, sessionKey(keyBytes, "AES", KeyPolicy.builtInDefaults()));
        Cipher c = Cipher.getInstance("AES/KW/NoPadding", SESSION_KEYS);
        c.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"), SessionKeyUnwrapSpec.builder()
                .policy(policy).build());
        SessionKey key = (SessionKey) c.unwrap(blob, "AES", Cipher.SECRET_KEY);
        assertEquals(policy, key.policy());
        assertEquals(exportable, key.getEncoded() != null);
        if (wrappable) {
            wrap("AES/KWP/NoPadding", kek, key);
        } else {
            assertThrows(InvalidKeyException.class, () -> wrap("AES/KWP/NoPadding", kek, key));
        }
    }
}

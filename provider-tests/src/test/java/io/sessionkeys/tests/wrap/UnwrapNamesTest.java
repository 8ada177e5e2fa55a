package io.sessionkeys.tests.wrap;

import static io.sessionkeys.tests.wrap.Wrapping.SESSION_KEYS;
import static io.sessionkeys.tests.wrap.Wrapping.bytes;
import static io.sessionkeys.tests.wrap.Wrapping.sessionKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unwrapping under every name and OID the JDK itself gives AES, ChaCha20 and the HMAC keys, read
 * from SunJCE's services and aliases at run time: each makes a session key of that kind. A name
 * that is not one of SessionKeys' kinds is refused with a message that says so.
 */
class UnwrapNamesTest {

    private static final Set<String> TYPES = Set.of("KeyGenerator", "SecretKeyFactory", "Cipher", "Mac");
    private static final Set<String> HMACS = Set.of("HMACSHA256", "HMACSHA384", "HMACSHA512");

    /** The kind of session key a SunJCE service of {@code type} and {@code algorithm} works on, or null. */
    private static String kindOf(String type, String algorithm) {
        // a Cipher's name is a transformation whose first part names the key; other names are whole
        // ("HmacSHA512/224" is its own Mac, not HmacSHA512)
        String base = type.equals("Cipher") ? algorithm.split("/")[0] : algorithm;
        String upper = base.toUpperCase(Locale.ROOT);
        if (type.equals("Cipher") && upper.startsWith("AES") || upper.equals("AES")) {
            return "AES";
        }
        if (upper.equals("CHACHA20") || upper.equals("CHACHA20-POLY1305")) {
            return "ChaCha20";
        }
        if (HMACS.contains(upper) && !type.equals("Cipher")) {
            return "Hmac" + base.substring(4).toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /** Every name (algorithm, its key-algorithm part, each alias) SunJCE gives these kinds, with the kind. */
    static Map<String, String> jdkNames() {
        Provider sun = Security.getProvider("SunJCE");
        Map<String, String> names = new TreeMap<>();
        for (Provider.Service s : sun.getServices()) {
            String kind = TYPES.contains(s.getType()) ? kindOf(s.getType(), s.getAlgorithm()) : null;
            if (kind != null) {
                names.put(s.getAlgorithm(), kind);
                if (s.getType().equals("Cipher")) {
                    names.put(s.getAlgorithm().split("/")[0], kind);
                }
            }
        }
        for (String property : sun.stringPropertyNames()) {
            for (String type : TYPES) {
                String prefix = "Alg.Alias." + type + ".";
                if (property.startsWith(prefix)) {
                    String kind = kindOf(type, sun.getProperty(property));
                    if (kind != null) {
                        names.put(property.substring(prefix.length()), kind);
                    }
                }
            }
        }
        return names;
    }

    @Test
    void everyJdkNameAndOid_unwrapsIntoASessionKeyOfThatKind() throws Exception {
        Map<String, String> names = jdkNames();
        // the table is read, not written here: make sure it holds what callers really pass
        for (String expected : new String[] {"2.16.840.1.101.3.4.1.46", "OID.2.16.840.1.101.3.4.1.2", "AES_256",
                "AESWrap", "1.2.840.113549.2.9", "1.2.840.113549.1.9.16.3.18", "HmacSHA512", "ChaCha20"}) {
            assertTrue(names.containsKey(expected), expected + " missing from " + names.keySet());
        }
        Key kek = sessionKey(bytes(32, 51), "AES", KeyPolicy.builtInDefaults());
        Cipher wrap = Cipher.getInstance("AES/KWP/NoPadding", SESSION_KEYS);
        wrap.init(Cipher.WRAP_MODE, kek);
        // AES_128 and AES_192 ask for a key of exactly that size (the SIMPLEBLOB cipher relies on it),
        // so they get a wrapped key of their size; every other name gets a 256-bit one.
        Map<String, byte[]> blobs = new TreeMap<>();
        for (int bits : new int[] {128, 192, 256}) {
            blobs.put("AES_" + bits, wrap.wrap(sessionKey(bytes(bits / 8, 52), "AES", KeyPolicy.builtInDefaults())));
        }
        StringBuilder refused = new StringBuilder();
        for (Map.Entry<String, String> e : names.entrySet()) {
            Cipher unwrap = Cipher.getInstance("AES/KWP/NoPadding", SESSION_KEYS);
            unwrap.init(Cipher.UNWRAP_MODE, kek);
            byte[] blob = blobs.getOrDefault(e.getKey().toUpperCase(java.util.Locale.ROOT), blobs.get("AES_256"));
            try {
                Key k = unwrap.unwrap(blob, e.getKey(), Cipher.SECRET_KEY);
                assertTrue(k instanceof SessionKey, e.getKey());
                assertEquals(e.getValue(), k.getAlgorithm(), e.getKey());
            } catch (NoSuchAlgorithmException | java.security.InvalidKeyException x) {
                refused.append(e.getKey()).append(": ").append(x.getMessage()).append('\n');
            }
        }
        assertEquals("", refused.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DESede", "Blowfish", "2.16.840.1.101.3.4.2.1", "1.2.840.113549.3.7",
            "2.16.840.1.101.3.4.1.9", "HmacSHA1"})
    void nameThatIsNotOurs_refusedSayingSo(String name) throws Exception {
        Key kek = sessionKey(bytes(32, 53), "AES", KeyPolicy.builtInDefaults());
        Cipher wrap = Cipher.getInstance("AES/KWP/NoPadding", SESSION_KEYS);
        wrap.init(Cipher.WRAP_MODE, kek);
        byte[] blob = wrap.wrap(sessionKey(bytes(24, 54), "AES", KeyPolicy.builtInDefaults()));
        Cipher unwrap = Cipher.getInstance("AES/KWP/NoPadding", SESSION_KEYS);
        unwrap.init(Cipher.UNWRAP_MODE, kek);
        NoSuchAlgorithmException e = assertThrows(NoSuchAlgorithmException.class,
                () -> unwrap.unwrap(blob, name, Cipher.SECRET_KEY));
        assertTrue(e.getMessage().startsWith(name + " is not a kind of key SessionKeys makes"), e.getMessage());
    }
}

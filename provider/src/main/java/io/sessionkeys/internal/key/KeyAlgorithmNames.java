package io.sessionkeys.internal.key;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The other names the JDK gives the kinds of key SessionKeys makes, as code passes them to
 * {@code Cipher.unwrap} or a KDF: the names and OIDs of SunJCE's AES, ChaCha20 and HMAC
 * {@code KeyGenerator}, {@code Cipher} and {@code Mac} services (Bouncy Castle's CMS, for one,
 * unwraps a content key under its content cipher's OID, such as 2.16.840.1.101.3.4.1.46 for
 * AES-256-GCM). A test compares this table with SunJCE's own, read at run time.
 */
final class KeyAlgorithmNames {

    /** NIST's AES arc: the KeyGenerator's OID, and the parent of every AES cipher OID. */
    private static final String AES_ARC = "2.16.840.1.101.3.4.1";

    /** OIDs outside the AES arc, with the canonical name they stand for. */
    private static final Map<String, String> OIDS = Map.of(
            "1.2.840.113549.1.9.16.3.18", "ChaCha20", // id-alg-AEADChaCha20Poly1305 (RFC 8103)
            "1.2.840.113549.2.9", "HmacSHA256",
            "1.2.840.113549.2.10", "HmacSHA384",
            "1.2.840.113549.2.11", "HmacSHA512");

    // Compiled once: String.matches compiles its pattern on every call, and every unwrap asks.
    private static final Pattern AES_SIZED = Pattern.compile("AES_(128|192|256)");
    private static final Pattern AES_WRAP = Pattern.compile("AESWRAP(PAD)?(_(128|192|256))?");
    private static final Pattern ARC_NUMBER = Pattern.compile("[0-9]{1,2}");

    private KeyAlgorithmNames() {
    }

    /** The canonical name ("AES", "ChaCha20", "HmacSHA256", ...) for {@code name}, or {@code name} itself. */
    static String canonical(String name) {
        String n = name.startsWith("OID.") ? name.substring(4) : name;
        int slash = n.indexOf('/');
        String base = slash < 0 ? n : n.substring(0, slash); // a transformation names its key algorithm first
        String upper = base.toUpperCase(Locale.ROOT);
        if (AES_SIZED.matcher(upper).matches() || AES_WRAP.matcher(upper).matches() || isAesOid(base)) {
            return "AES";
        }
        if (upper.equals("CHACHA20-POLY1305")) {
            return "ChaCha20";
        }
        return OIDS.getOrDefault(base, base);
    }

    /** The arc itself, or one of its registered AES modes: .1-.8 (128-bit), .21-.28 (192), .41-.48 (256). */
    private static boolean isAesOid(String oid) {
        if (oid.equals(AES_ARC)) {
            return true;
        }
        if (!oid.startsWith(AES_ARC + ".")) {
            return false;
        }
        String arc = oid.substring(AES_ARC.length() + 1);
        if (!ARC_NUMBER.matcher(arc).matches()) {
            return false;
        }
        int mode = Integer.parseInt(arc) % 20;
        return mode >= 1 && mode <= 8 && Integer.parseInt(arc) < 50;
    }
}

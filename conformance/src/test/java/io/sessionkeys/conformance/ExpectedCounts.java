package io.sessionkeys.conformance;

import io.sessionkeys.conformance.model.Row;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one table of what SessionKeys must do with each vector source: for every row (algorithm,
 * source file, SessionKeys subject) the exact number of cases passed and refused-as-unsupported
 * (a parameter the provider does not support, such as a GCM tag under 96 bits: allowed by the
 * JCA, but every one is pinned here). A
 * change that refuses one more case, or runs one fewer, fails {@link SessionKeysVectorTest};
 * so does a new vector source or service without a line here.
 *
 * <p>Updating: when a change is meant to move a count (a new service, more vectors, a parameter
 * now supported), run {@code SessionKeysVectorTest}; its failure message prints the lines for the
 * counts it saw, ready to paste here. Read them before pasting: that is the deliberate step.
 */
final class ExpectedCounts {

    /** Passed and refused cases of one row. */
    record Counts(int passed, int refused) {
    }

    /**
     * Rows SessionKeys does not run, each with the status it must have and why. Anything not run
     * and not listed here fails.
     */
    static final Map<String, Row.Status> NOT_RUN = new LinkedHashMap<>();

    static final Map<String, Counts> PINNED = new LinkedHashMap<>();

    static {
        // By design: SessionKeys has no AES-GCM-SIV, no XChaCha20-Poly1305, no SHA-1 or SHA-224 HMAC.
        notRun("AES-GCM-SIV", "wycheproof aes_gcm_siv_test.json", "SessionKeys", Row.Status.NOT_APPLICABLE);
        notRun("XChaCha20-Poly1305", "wycheproof xchacha20_poly1305_test.json", "SessionKeys",
                Row.Status.NOT_APPLICABLE);
        notRun("HmacSHA1", "NIST HMAC.rsp [L=20]", "SessionKeys", Row.Status.NOT_APPLICABLE);
        notRun("HmacSHA224", "NIST HMAC.rsp [L=28]", "SessionKeys", Row.Status.NOT_APPLICABLE);
        // javax.crypto.KDF exists from JDK 25 on: before that these rows cannot run; from then on
        // they must, with the same counts as SessionKeys' own KeyGenerator route below.
        if (Runtime.version().feature() < 25) {
            for (String bits : new String[] {"256", "384", "512"}) {
                notRun("HKDF-SHA" + bits, "wycheproof hkdf_sha" + bits + "_test.json", "all", Row.Status.NOT_ON_THIS_JDK);
            }
        } else {
            bothRoutes("HKDF-SHA256", "wycheproof hkdf_sha256_test.json", 86, 0);
            bothRoutes("HKDF-SHA384", "wycheproof hkdf_sha384_test.json", 83, 0);
            bothRoutes("HKDF-SHA512", "wycheproof hkdf_sha512_test.json", 83, 0);
        }

        // Both key routes must give the same counts; each is pinned, so a route that starts
        // refusing (or skipping) cases shows on its own line.
        if (nativeEngine()) {
            // The native engine (OpenSSL) keeps GCM IVs of at most 128 bytes: the three cases with
            // 257-byte IVs (tcId 268, 272, 276) are refused at init; the Java engine passes them.
            bothRoutes("AES/GCM/NoPadding", "wycheproof aes_gcm_test.json", 313, 3);
        } else {
            bothRoutes("AES/GCM/NoPadding", "wycheproof aes_gcm_test.json", 316, 0);
        }
        // Refused: the 6737 records with 32- and 64-bit tags. SP 800-38D allows them only with
        // extra limits (its appendix C), the provider refuses them at init, as the JCA allows.
        bothRoutes("AES/GCM/NoPadding", "NIST gcmEncryptExtIV/gcmDecrypt 128+256", 24763, 6737);
        bothRoutes("ChaCha20-Poly1305", "wycheproof chacha20_poly1305_test.json", 325, 0);
        bothRoutes("AES/CBC/PKCS5Padding", "wycheproof aes_cbc_pkcs5_test.json", 216, 0);
        bothRoutes("AES/KW/NoPadding", "wycheproof aes_wrap_test.json", 165, 0);
        bothRoutes("AES/KW/NoPadding", "NIST KW_AE/KW_AD 128+192+256", 3000, 0);
        bothRoutes("AES/KWP/NoPadding", "wycheproof aes_kwp_test.json", 254, 0);
        bothRoutes("AES/KWP/NoPadding", "NIST KWP_AE/KWP_AD 128+192+256", 3000, 0);
        bothRoutes("HmacSHA256", "wycheproof hmac_sha256_test.json", 174, 0);
        bothRoutes("HmacSHA384", "wycheproof hmac_sha384_test.json", 174, 0);
        bothRoutes("HmacSHA512", "wycheproof hmac_sha512_test.json", 174, 0);
        bothRoutes("HmacSHA256", "NIST HMAC.rsp [L=32]", 225, 0);
        bothRoutes("HmacSHA384", "NIST HMAC.rsp [L=48]", 300, 0);
        bothRoutes("HmacSHA512", "NIST HMAC.rsp [L=64]", 375, 0);
        bothRoutes("HKDF-SHA256 (KeyGenerator)", "wycheproof hkdf_sha256_test.json", 86, 0);
        bothRoutes("HKDF-SHA384 (KeyGenerator)", "wycheproof hkdf_sha384_test.json", 83, 0);
        bothRoutes("HKDF-SHA512 (KeyGenerator)", "wycheproof hkdf_sha512_test.json", 83, 0);
        // RSA private keys are never session keys: one row, "SessionKeys".
        pin("RSA/ECB/OAEPPadding", "wycheproof rsa_oaep_2048_sha1_mgf1sha1_test.json", "SessionKeys", 36, 0);
        pin("RSA/ECB/OAEPPadding", "wycheproof rsa_oaep_2048_sha256_mgf1sha1_test.json", "SessionKeys", 31, 0);
        pin("RSA/ECB/OAEPPadding", "wycheproof rsa_oaep_2048_sha256_mgf1sha256_test.json", "SessionKeys", 37, 0);
        pin("RSA/ECB/OAEPPadding", "wycheproof rsa_oaep_3072_sha256_mgf1sha1_test.json", "SessionKeys", 32, 0);
        pin("RSA/ECB/OAEPPadding", "wycheproof rsa_oaep_3072_sha256_mgf1sha256_test.json", "SessionKeys", 37, 0);
        pin("RSA/ECB/OAEPPadding", "wycheproof rsa_oaep_4096_sha256_mgf1sha1_test.json", "SessionKeys", 32, 0);
        pin("RSA/ECB/OAEPPadding", "wycheproof rsa_oaep_4096_sha256_mgf1sha256_test.json", "SessionKeys", 37, 0);
        pin("RSA/ECB/OAEPPadding", "wycheproof rsa_oaep_misc_test.json", "SessionKeys", 395, 0);
        // PKCS#1 v1.5: DECRYPT_MODE as SunJCE on every vector; UNWRAP_MODE gives the implicit-rejection key
        pin("RSA/ECB/PKCS1Padding", "wycheproof rsa_pkcs1_2048_test.json", "SessionKeys", 67, 0);
        pin("RSA/ECB/PKCS1Padding", "wycheproof rsa_pkcs1_3072_test.json", "SessionKeys", 67, 0);
        pin("RSA/ECB/PKCS1Padding", "wycheproof rsa_pkcs1_4096_test.json", "SessionKeys", 67, 0);
    }

    private ExpectedCounts() {
    }

    static String key(String algorithm, String source, String subject) {
        return algorithm + " | " + source + " | " + subject;
    }

    /**
     * Whether this run's SessionKeys computes AES-GCM natively: {@code sessionkeys.engine} unset or
     * auto on linux-x86_64 (where the native engine runs), or native.
     */
    /** Whether the engine this run selects (sessionkeys.engine, else auto) runs AES-GCM on OpenSSL. */
    private static boolean nativeEngine() {
        return NativeEngine.runsAesGcm();
    }

    private static void pin(String algorithm, String source, String subject, int passed, int refused) {
        if (PINNED.put(key(algorithm, source, subject), new Counts(passed, refused)) != null) {
            throw new IllegalStateException("pinned twice: " + key(algorithm, source, subject));
        }
    }

    private static void bothRoutes(String algorithm, String source, int passed, int refused) {
        pin(algorithm, source, "SessionKeys/factory", passed, refused);
        pin(algorithm, source, "SessionKeys/unwrap", passed, refused);
    }

    private static void notRun(String algorithm, String source, String subject, Row.Status status) {
        NOT_RUN.put(key(algorithm, source, subject), status);
    }

    /** The line of this table for a row, as the failure message prints it. */
    static String line(Row row) {
        return String.format(Locale.ROOT, "        pin(\"%s\", \"%s\", \"%s\", %d, %d);", row.algorithm(), row.source(),
                row.subject(), row.passed(), row.refused());
    }
}

package io.sessionkeys.tests.routing;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;

/**
 * SessionKeys' services read from the provider itself (never listed by hand), and for each the keys
 * an application would hand it: foreign keys of the JDK's own classes, and session keys.
 */
final class Services {

    private static KeyPair rsa;

    private Services() {
    }

    /** The algorithm names of every service of {@code type} that SessionKeys registers. */
    static List<String> of(String type) {
        List<String> names = new ArrayList<>();
        for (Provider.Service s : new SessionKeysProvider().getServices()) {
            if (s.getType().equals(type)) {
                names.add(s.getAlgorithm());
            }
        }
        return names;
    }

    /** Installs a SessionKeys provider first unless one is installed; returns whether it added one. */
    static boolean installFirst() {
        if (Security.getProvider(SessionKeysProvider.NAME) != null) {
            return false;
        }
        Security.insertProviderAt(new SessionKeysProvider(), 1);
        return true;
    }

    /** Keyed by RSA keys: the RSA ciphers and the CryptoAPI SIMPLEBLOB cipher (RSA PKCS#1 v1.5 underneath). */
    static boolean isRsa(String transformation) {
        return transformation.startsWith("RSA") || transformation.equals("SIMPLEBLOB");
    }

    static boolean wraps(String transformation) {
        String t = transformation.toUpperCase(Locale.ROOT);
        return isRsa(t) || t.contains("/KW");
    }

    /** The key algorithm a symmetric cipher takes. */
    static String keyAlgorithm(String transformation) {
        return transformation.startsWith("ChaCha20") ? "ChaCha20" : "AES";
    }

    /** The key length a symmetric cipher takes (the fixed-size variants say it in their name). */
    static int keyBytes(String transformation) {
        if (transformation.startsWith("ChaCha20") || transformation.startsWith("AES_256")) {
            return 32;
        }
        return transformation.startsWith("AES_192") ? 24 : 16;
    }

    static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 29 + i * 11 + 3);
        }
        return b;
    }

    /** The key a cipher encrypts (or wraps) with: a SecretKeySpec, or an RSA public key. */
    static Key foreignEncryptKey(String transformation) throws Exception {
        return isRsa(transformation) ? rsa().getPublic()
                : new SecretKeySpec(bytes(keyBytes(transformation), 1), keyAlgorithm(transformation));
    }

    /** The key a cipher decrypts (or unwraps) with. */
    static Key foreignDecryptKey(String transformation) throws Exception {
        return isRsa(transformation) ? rsa().getPrivate() : foreignEncryptKey(transformation);
    }

    /** A session key with known bytes (readable, so that a test can look for its bytes elsewhere). */
    static SecretKey sessionKey(String algorithm, byte[] bytes) throws Exception {
        return SecretKeyFactory.getInstance(algorithm, SessionKeysProvider.NAME).generateSecret(
                SessionKeyImportSpec.builder().key(new SecretKeySpec(bytes, algorithm))
                        .policy(KeyPolicy.builder().plaintextExportable(true).build()).build());
    }

    static synchronized KeyPair rsa() throws Exception {
        if (rsa == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            rsa = g.generateKeyPair();
        }
        return rsa;
    }
}

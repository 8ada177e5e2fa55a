package io.sessionkeys.tests.wrap;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Shared fixtures for the wrapping tests: the three providers, keys made from known bytes. */
final class Wrapping {

    static final SessionKeysProvider SESSION_KEYS = new SessionKeysProvider();
    static final Provider BC = new BouncyCastleProvider();
    static final Provider SUN = Security.getProvider("SunJCE");

    /** A policy that lets a test read an unwrapped key back, to compare it with the original. */
    static final KeyPolicy EXPORTABLE = KeyPolicy.builder().plaintextExportable(true).build();
    static final KeyPolicy NOT_WRAPPABLE = KeyPolicy.builder().wrappable(false).build();

    private static KeyPair rsa;

    private Wrapping() {
    }

    static SessionKey sessionKey(byte[] bytes, String algorithm, KeyPolicy policy) throws Exception {
        return (SessionKey) SecretKeyFactory.getInstance(algorithm, SESSION_KEYS)
                .generateSecret(SessionKeyImportSpec.builder()
                        .key(new SecretKeySpec(bytes, algorithm))
                        .policy(policy).build());
    }

    static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i * 7 + 1);
        }
        return b;
    }

    /** One 2048-bit RSA key pair for every RSA test (generating one takes a while). */
    static synchronized KeyPair rsa() throws Exception {
        if (rsa == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", Security.getProvider("SunRsaSign"));
            g.initialize(2048);
            rsa = g.generateKeyPair();
        }
        return rsa;
    }
}

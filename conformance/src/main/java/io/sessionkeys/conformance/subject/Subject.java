package io.sessionkeys.conformance.subject;

import io.sessionkeys.SessionKeyUnwrapSpec;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A provider under test, with the way raw vector keys reach it: SessionKeys through one
 * {@link KeyRoute}, or a peer (SunJCE, Bouncy Castle) that takes a plain {@code SecretKeySpec}.
 */
public final class Subject {

    private final String name;
    private final Provider provider;
    private final SessionKeyImport sessionKeyImport;

    private Subject(String name, Provider provider, SessionKeyImport sessionKeyImport) {
        this.name = name;
        this.provider = provider;
        this.sessionKeyImport = sessionKeyImport;
    }

    public static Subject peer(String name, Provider provider) {
        return new Subject(name, provider, null);
    }

    public static Subject sessionKeys(Provider provider, KeyRoute route) {
        return new Subject("SessionKeys/" + route.label(), provider, new SessionKeyImport(provider, route));
    }

    public String name() {
        return name;
    }

    public Provider provider() {
        return provider;
    }

    public boolean isSessionKeys() {
        return sessionKeyImport != null;
    }

    /** The key for {@code raw}: a session key made through this subject's route, or a plain spec. */
    public SecretKey key(String algorithm, byte[] raw) throws GeneralSecurityException {
        return sessionKeyImport == null ? new SecretKeySpec(raw, algorithm) : sessionKeyImport.importKey(algorithm, raw);
    }

    /**
     * Initializes {@code c} of this provider to unwrap under {@code kek}, a key the provider did not
     * make (an RSA private key, a SunJCE key), with the cipher's own {@code parameters} (or null).
     * SessionKeys is asked for a session key with a {@link SessionKeyUnwrapSpec}: without one it
     * passes an unwrap under a foreign key to the next provider, as the JDK would serve that key.
     */
    public void initUnwrap(Cipher c, Key kek, AlgorithmParameterSpec parameters) throws GeneralSecurityException {
        if (isSessionKeys()) {
            c.init(Cipher.UNWRAP_MODE, kek, SessionKeyUnwrapSpec.builder().cipherParameters(parameters).build());
        } else if (parameters == null) {
            c.init(Cipher.UNWRAP_MODE, kek);
        } else {
            c.init(Cipher.UNWRAP_MODE, kek, parameters);
        }
    }

    /** {@code key}, unwrapped by this provider; for SessionKeys it must be a session key. */
    public SecretKey unwrapped(Key key) {
        return isSessionKeys() ? SessionKeyImport.requireSessionKey((SecretKey) key, "unwrap") : (SecretKey) key;
    }

    /**
     * Which service is missing to make keys of {@code algorithm} through this subject's route,
     * or {@code null} if none is.
     */
    public String missingKeyService(String algorithm) {
        return sessionKeyImport == null ? null : sessionKeyImport.missingService(algorithm);
    }

    /**
     * The first of {@code names} this provider serves as a {@code Cipher}, or {@code null}.
     * Asks {@code Cipher.getInstance}, so a name is found exactly as JCA would find it.
     */
    public String cipherName(String... names) {
        for (String n : names) {
            try {
                Cipher.getInstance(n, provider);
                return n;
            } catch (NoSuchAlgorithmException | javax.crypto.NoSuchPaddingException e) {
                // not this name: try the next
            }
        }
        return null;
    }

    /** Whether the provider has a service of that type and name (or alias). */
    public boolean has(String type, String algorithm) {
        return provider.getService(type, algorithm) != null;
    }

    @Override
    public String toString() {
        return name;
    }
}

package io.sessionkeys.conformance.subject;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
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

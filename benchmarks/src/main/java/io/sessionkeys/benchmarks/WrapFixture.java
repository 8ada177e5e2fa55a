package io.sessionkeys.benchmarks;

import io.sessionkeys.SessionKeyUnwrapSpec;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * One provider's wrapping cipher, its key-encryption key(s), and the AES-256 key to wrap. For
 * SessionKeys both the wrapped key and an AES KEK are session keys; the RSA key pair is the JDK's
 * (SessionKeys takes foreign RSA keys, as a KeyStore would hand them over), so an RSA unwrap asks
 * for a session key with a {@code SessionKeyUnwrapSpec}: without one, SessionKeys hands a
 * foreign-key unwrap to the next provider, and the row would measure SunJCE.
 */
public final class WrapFixture {

    private final WrapAlgorithm algorithm;
    private final Cipher cipher;
    private final AlgorithmParameterSpec parameters;
    private final AlgorithmParameterSpec unwrapParameters;
    private final Key wrappingKey;
    private final Key unwrappingKey;
    private final SecretKey keyToWrap;
    private final byte[] wrapped;

    private WrapFixture(WrapAlgorithm algorithm, Cipher cipher, Key wrappingKey, Key unwrappingKey,
            SecretKey keyToWrap, boolean sessionKeys) throws GeneralSecurityException {
        this.algorithm = algorithm;
        this.cipher = cipher;
        this.parameters = algorithm.parameters();
        this.unwrapParameters = sessionKeys && algorithm.isRsa()
                ? SessionKeyUnwrapSpec.builder().cipherParameters(parameters).build() : parameters;
        this.wrappingKey = wrappingKey;
        this.unwrappingKey = unwrappingKey;
        this.keyToWrap = keyToWrap;
        this.wrapped = wrap();
    }

    /**
     * @throws NotProvidedException if the provider has no such cipher or AES key generator
     * @throws GeneralSecurityException if it has them but they fail: a real error
     */
    public static WrapFixture open(ProviderUnderTest who, Provider provider, WrapAlgorithm algorithm)
            throws NotProvidedException, GeneralSecurityException {
        Cipher cipher = JcaLookup.cipher(provider, algorithm.names());
        SecretKey keyToWrap = Keys.newKey(who, provider, "AES", 256);
        WrapFixture fixture;
        if (algorithm.isRsa()) {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(WrapAlgorithm.RSA_BITS);
            KeyPair pair = rsa.generateKeyPair();
            fixture = new WrapFixture(algorithm, cipher, pair.getPublic(), pair.getPrivate(), keyToWrap,
                    who.makesSessionKeys());
        } else {
            SecretKey kek = Keys.newKey(who, provider, "AES", 256);
            fixture = new WrapFixture(algorithm, cipher, kek, kek, keyToWrap, who.makesSessionKeys());
        }
        fixture.checkRoundTrip();
        return fixture;
    }

    public byte[] wrap() throws GeneralSecurityException {
        if (parameters == null) {
            cipher.init(Cipher.WRAP_MODE, wrappingKey);
        } else {
            cipher.init(Cipher.WRAP_MODE, wrappingKey, parameters);
        }
        return cipher.wrap(keyToWrap);
    }

    public Key unwrap() throws GeneralSecurityException {
        if (unwrapParameters == null) {
            cipher.init(Cipher.UNWRAP_MODE, unwrappingKey);
        } else {
            cipher.init(Cipher.UNWRAP_MODE, unwrappingKey, unwrapParameters);
        }
        return cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
    }

    public void close() {
        ProviderUnderTest.discard(keyToWrap);
        if (wrappingKey instanceof SecretKey) {
            ProviderUnderTest.discard(wrappingKey);
        }
    }

    private void checkRoundTrip() throws GeneralSecurityException {
        Key unwrapped = unwrap();
        JcaLookup.require("AES".equalsIgnoreCase(unwrapped.getAlgorithm()), algorithm.label() + " unwraps an AES key");
        byte[] original = keyToWrap.getEncoded();
        if (original != null) {
            // Session keys do not reveal their bytes; for every other provider compare them.
            JcaLookup.require(Arrays.equals(original, unwrapped.getEncoded()), algorithm.label() + " round trip");
        }
        ProviderUnderTest.discard(unwrapped);
    }
}

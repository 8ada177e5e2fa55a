package io.sessionkeys.benchmarks;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * SessionKeys' provider-specific HKDF route for JDKs without {@code javax.crypto.KDF}: a
 * {@code KeyGenerator "HKDF-SHA256"} initialized with an {@code io.sessionkeys.SessionKeyDerivationSpec}.
 * The spec is built by reflection, once, so that the suite builds against provider versions with
 * or without it; each measured call is a plain {@code generateKey()}.
 */
final class SessionKeysHkdfRoute implements HkdfRoute {

    private static final String SPEC_CLASS = "io.sessionkeys.SessionKeyDerivationSpec";

    private final KeyGenerator generator;

    private SessionKeysHkdfRoute(KeyGenerator generator) {
        this.generator = generator;
    }

    static SessionKeysHkdfRoute open(Provider provider, byte[] ikm, byte[] salt, byte[] info)
            throws NotProvidedException, GeneralSecurityException {
        KeyGenerator generator = JcaLookup.keyGenerator(provider, JcaKdfRoute.ALGORITHM);
        generator.init(derivationSpec(ikm, salt, info));
        return new SessionKeysHkdfRoute(generator);
    }

    @Override
    public SecretKey derive() {
        return generator.generateKey();
    }

    private static AlgorithmParameterSpec derivationSpec(byte[] ikm, byte[] salt, byte[] info)
            throws NotProvidedException, InvalidAlgorithmParameterException {
        try {
            Class<?> spec = Class.forName(SPEC_CLASS);
            Object builder = spec.getMethod("builder").invoke(null);
            Class<?> builderClass = builder.getClass();
            builderClass.getMethod("input", byte[].class).invoke(builder, (Object) ikm);
            builderClass.getMethod("salt", byte[].class).invoke(builder, (Object) salt);
            builderClass.getMethod("info", byte[].class).invoke(builder, (Object) info);
            builderClass.getMethod("key", String.class, int.class).invoke(builder, "AES", OUTPUT_BYTES * 8);
            return (AlgorithmParameterSpec) builderClass.getMethod("build").invoke(builder);
        } catch (ClassNotFoundException e) {
            throw new NotProvidedException("no " + SPEC_CLASS + " in this SessionKeys build", e);
        } catch (ReflectiveOperationException e) {
            throw new InvalidAlgorithmParameterException("cannot build a " + SPEC_CLASS + ": " + e, e);
        }
    }
}

package io.sessionkeys.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.SecretKey;

/**
 * HKDF through the standard {@code javax.crypto.KDF} API (JDK 24 and later). The suite is Java 17
 * bytecode, so the API is bound once through method handles; each measured call is then a direct
 * {@code KDF.deriveKey(String, AlgorithmParameterSpec)}.
 */
final class JcaKdfRoute implements HkdfRoute {

    static final String ALGORITHM = "HKDF-SHA256";

    private final Object kdf;
    private final AlgorithmParameterSpec spec;
    private final MethodHandle deriveKey;

    private JcaKdfRoute(Object kdf, AlgorithmParameterSpec spec, MethodHandle deriveKey) {
        this.kdf = kdf;
        this.spec = spec;
        this.deriveKey = deriveKey;
    }

    static boolean jdkHasKdf() {
        try {
            Class.forName("javax.crypto.KDF");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static JcaKdfRoute open(Provider provider, byte[] ikm, byte[] salt, byte[] info)
            throws NotProvidedException, GeneralSecurityException {
        Class<?> kdfClass;
        Class<?> specClass;
        Class<?> builderClass;
        try {
            kdfClass = Class.forName("javax.crypto.KDF");
            specClass = Class.forName("javax.crypto.spec.HKDFParameterSpec");
            builderClass = Class.forName("javax.crypto.spec.HKDFParameterSpec$Builder");
        } catch (ClassNotFoundException e) {
            throw new NotProvidedException("javax.crypto.KDF needs JDK 24 or later (this is JDK "
                    + Runtime.version().feature() + ")", e);
        }
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            MethodHandle getInstance = lookup.findStatic(kdfClass, "getInstance",
                    MethodType.methodType(kdfClass, String.class, Provider.class));
            Object kdf;
            try {
                kdf = getInstance.invoke(ALGORITHM, provider);
            } catch (NoSuchAlgorithmException e) {
                throw new NotProvidedException("no KDF " + ALGORITHM, e);
            }
            Object builder = lookup.findStatic(specClass, "ofExtract", MethodType.methodType(builderClass)).invoke();
            builder = lookup.findVirtual(builderClass, "addIKM", MethodType.methodType(builderClass, byte[].class))
                    .invoke(builder, ikm);
            builder = lookup.findVirtual(builderClass, "addSalt", MethodType.methodType(builderClass, byte[].class))
                    .invoke(builder, salt);
            MethodHandle thenExpand = lookup.findVirtual(builderClass, "thenExpand",
                    MethodType.methodType(Class.forName("javax.crypto.spec.HKDFParameterSpec$ExtractThenExpand"),
                            byte[].class, int.class));
            AlgorithmParameterSpec spec = (AlgorithmParameterSpec) thenExpand.invoke(builder, info, OUTPUT_BYTES);
            MethodHandle deriveKey = lookup.findVirtual(kdfClass, "deriveKey",
                    MethodType.methodType(SecretKey.class, String.class, AlgorithmParameterSpec.class))
                    .asType(MethodType.methodType(SecretKey.class, Object.class, String.class,
                            AlgorithmParameterSpec.class));
            return new JcaKdfRoute(kdf, spec, deriveKey);
        } catch (NotProvidedException | GeneralSecurityException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot bind javax.crypto.KDF", t);
        }
    }

    @Override
    public SecretKey derive() throws GeneralSecurityException {
        try {
            return (SecretKey) deriveKey.invokeExact(kdf, "AES", spec);
        } catch (GeneralSecurityException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}

package io.sessionkeys.conformance.runners;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.SecretKey;

/**
 * The standard {@code javax.crypto.KDF} API (JDK 25, JEP 510), reached by reflection because
 * this module is compiled for Java 17. On an older JDK {@link #available()} is false.
 */
final class KdfApi {

    private static final Method GET_INSTANCE;
    private static final Method OF_EXTRACT;
    private static final Method ADD_IKM;
    private static final Method ADD_IKM_KEY;
    private static final Method ADD_SALT;
    private static final Method THEN_EXPAND;
    private static final Method DERIVE_DATA;
    private static final Method DERIVE_KEY;

    static {
        Method[] m = new Method[8];
        try {
            Class<?> kdf = Class.forName("javax.crypto.KDF");
            Class<?> spec = Class.forName("javax.crypto.spec.HKDFParameterSpec");
            Class<?> builder = Class.forName("javax.crypto.spec.HKDFParameterSpec$Builder");
            m[0] = kdf.getMethod("getInstance", String.class, Provider.class);
            m[1] = spec.getMethod("ofExtract");
            m[2] = builder.getMethod("addIKM", byte[].class);
            m[3] = builder.getMethod("addIKM", SecretKey.class);
            m[4] = builder.getMethod("addSalt", byte[].class);
            m[5] = builder.getMethod("thenExpand", byte[].class, int.class);
            m[6] = kdf.getMethod("deriveData", AlgorithmParameterSpec.class);
            m[7] = kdf.getMethod("deriveKey", String.class, AlgorithmParameterSpec.class);
        } catch (ReflectiveOperationException e) {
            m = new Method[8];
        }
        GET_INSTANCE = m[0];
        OF_EXTRACT = m[1];
        ADD_IKM = m[2];
        ADD_IKM_KEY = m[3];
        ADD_SALT = m[4];
        THEN_EXPAND = m[5];
        DERIVE_DATA = m[6];
        DERIVE_KEY = m[7];
    }

    private KdfApi() {
    }

    static boolean available() {
        return GET_INSTANCE != null;
    }

    /** {@code KDF.getInstance(name, provider)}. */
    static Object kdf(String name, Provider provider) throws Exception {
        return call(GET_INSTANCE, null, name, provider);
    }

    /** Extract-then-expand parameters, with the IKM as bytes or (if {@code ikmKey} is given) as a key. */
    static AlgorithmParameterSpec extractThenExpand(byte[] ikm, SecretKey ikmKey, byte[] salt, byte[] info, int size)
            throws Exception {
        Object b = call(OF_EXTRACT, null);
        if (ikmKey != null) {
            call(ADD_IKM_KEY, b, ikmKey);
        } else if (ikm.length > 0) {
            call(ADD_IKM, b, (Object) ikm);
        }
        if (salt.length > 0) {
            call(ADD_SALT, b, (Object) salt);
        }
        return (AlgorithmParameterSpec) call(THEN_EXPAND, b, info, size);
    }

    static byte[] deriveData(Object kdf, AlgorithmParameterSpec spec) throws Exception {
        return (byte[]) call(DERIVE_DATA, kdf, spec);
    }

    static SecretKey deriveKey(Object kdf, String algorithm, AlgorithmParameterSpec spec) throws Exception {
        return (SecretKey) call(DERIVE_KEY, kdf, algorithm, spec);
    }

    /** Invokes, unwrapping the target's own exception so that it is judged as thrown. */
    private static Object call(Method m, Object target, Object... args) throws Exception {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
    }
}

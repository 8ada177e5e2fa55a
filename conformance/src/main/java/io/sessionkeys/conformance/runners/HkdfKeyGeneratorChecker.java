package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.Attempt;
import io.sessionkeys.conformance.run.Checker;
import io.sessionkeys.conformance.run.DataPath;
import io.sessionkeys.conformance.run.Judge;
import io.sessionkeys.conformance.subject.KeyFingerprint;
import io.sessionkeys.conformance.subject.Subject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Set;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * HKDF through SessionKeys' own route for every JDK from 17 on: {@code KeyGenerator}
 * {@code HKDF-SHA256} (and -384, -512) initialized with {@code io.sessionkeys.SessionKeyDerivationSpec}.
 * The derived key must hold exactly {@code okm} (compared by {@link KeyFingerprint}), with the
 * input keying material as bytes and as a session key. The peers have no such route.
 *
 * <p>The spec class is reached by reflection, so that this runner compiles and reports
 * "not provided" before the provider offers it.
 */
final class HkdfKeyGeneratorChecker implements Checker<HkdfCase> {

    static final String SPEC_CLASS = "io.sessionkeys.SessionKeyDerivationSpec";

    private final String generatorName;
    private final String ikmKeyAlgorithm;
    private final KeyFingerprint fingerprint = new KeyFingerprint();

    HkdfKeyGeneratorChecker(String generatorName, String ikmKeyAlgorithm) {
        this.generatorName = generatorName;
        this.ikmKeyAlgorithm = ikmKeyAlgorithm;
    }

    @Override
    public String missing(Subject s) {
        if (!s.has("KeyGenerator", generatorName)) {
            return "KeyGenerator " + generatorName;
        }
        if (builderMethod() == null) {
            return SPEC_CLASS;
        }
        return s.cipherName(KeyFingerprint.CIPHER) == null ? "Cipher " + KeyFingerprint.CIPHER
                + " (to compare derived keys)" : s.missingKeyService(ikmKeyAlgorithm);
    }

    @Override
    public String note(Subject s) {
        return "KeyGenerator + SessionKeyDerivationSpec";
    }

    @Override
    public CaseResult check(HkdfCase c, Subject s, Set<DataPath> paths) {
        Judge judge = new Judge(c.id, c.expectation, false);
        String keyAlgorithm = HkdfChecker.derivedKeyAlgorithm(c.size, s);
        byte[] expected;
        try {
            expected = c.expectation == Expectation.INVALID ? null : fingerprint.of(c.okm, keyAlgorithm);
        } catch (GeneralSecurityException e) {
            return judge.fail("SunJCE could not fingerprint the expected key: " + e).result();
        }
        judge.check("generateKey/bytes-ikm", derive(c, s, false, keyAlgorithm), expected);
        judge.check("generateKey/session-key-ikm", derive(c, s, true, keyAlgorithm), expected);
        return judge.result();
    }

    private Attempt derive(HkdfCase c, Subject s, boolean ikmAsKey, String keyAlgorithm) {
        return Attempt.of(new Attempt.Operation<KeyGenerator>() {
            @Override
            public KeyGenerator init() throws Exception {
                KeyGenerator g = KeyGenerator.getInstance(generatorName, s.provider());
                g.init(spec(ikmAsKey ? s.key(ikmKeyAlgorithm, c.ikm) : null, c.ikm, c.salt, c.info, keyAlgorithm,
                        c.size * 8));
                return g;
            }

            @Override
            public byte[] run(KeyGenerator g) throws Exception {
                return fingerprint.of(g.generateKey(), s);
            }
        });
    }

    /** {@code SessionKeyDerivationSpec.builder().input(..).salt(..).info(..).key(alg, bits).build()}. */
    private static AlgorithmParameterSpec spec(SecretKey ikmKey, byte[] ikm, byte[] salt, byte[] info, String alg,
            int bits) throws Exception {
        Object b = builderMethod().invoke(null);
        Class<?> builder = b.getClass();
        if (ikmKey != null) {
            call(builder.getMethod("input", SecretKey.class), b, ikmKey);
        } else {
            call(builder.getMethod("input", byte[].class), b, (Object) ikm);
        }
        if (salt.length > 0) {
            call(builder.getMethod("salt", byte[].class), b, (Object) salt);
        }
        call(builder.getMethod("info", byte[].class), b, (Object) info);
        call(builder.getMethod("key", String.class, int.class), b, alg, bits);
        return (AlgorithmParameterSpec) call(builder.getMethod("build"), b);
    }

    private static Method builderMethod() {
        try {
            return Class.forName(SPEC_CLASS).getMethod("builder");
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Invokes, unwrapping the provider's own exception so that it is judged as thrown. */
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

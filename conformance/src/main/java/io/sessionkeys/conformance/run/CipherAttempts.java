package io.sessionkeys.conformance.run;

import io.sessionkeys.conformance.subject.Subject;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Cipher;

/** Builds the common attempt: a fresh key through the subject's route, a fresh {@code Cipher}, one data path. */
public final class CipherAttempts {

    private CipherAttempts() {
    }

    /**
     * Imports {@code rawKey} (a fresh key object every time, so that nonce-reuse guards never
     * see a vector's IV twice), initializes {@code cipherName} in {@code mode}, and runs
     * {@code input} through {@code path}.
     */
    public static Attempt run(Subject s, String cipherName, int mode, String keyAlgorithm, byte[] rawKey,
            AlgorithmParameterSpec params, byte[] aad, byte[] input, DataPath path) {
        return Attempt.of(new Attempt.Operation<Cipher>() {
            @Override
            public Cipher init() throws Exception {
                Cipher c = Cipher.getInstance(cipherName, s.provider());
                if (params == null) {
                    c.init(mode, s.key(keyAlgorithm, rawKey));
                } else {
                    c.init(mode, s.key(keyAlgorithm, rawKey), params);
                }
                return c;
            }

            @Override
            public byte[] run(Cipher c) throws Exception {
                return path.run(c, aad, input);
            }
        });
    }
}

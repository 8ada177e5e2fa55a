package io.sessionkeys.internal.wrap;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.SessionKeyUnwrapSpec;
import java.security.InvalidAlgorithmParameterException;
import java.security.spec.AlgorithmParameterSpec;

/**
 * The parameters a wrapping cipher was initialized with, split into what the unwrapped key gets
 * (policy, scope; from a {@link SessionKeyUnwrapSpec}) and the cipher's own parameters.
 *
 * @param policy the unwrapped key's policy, or {@code null} for the configured default
 * @param scope the scope to bind the unwrapped key to, or {@code null}
 * @param cipherParameters the cipher's own parameters, or {@code null} for its defaults
 */
record WrapParameters(KeyPolicy policy, KeyScope scope, AlgorithmParameterSpec cipherParameters) {

    static WrapParameters from(AlgorithmParameterSpec spec) throws InvalidAlgorithmParameterException {
        if (spec instanceof SessionKeyUnwrapSpec) {
            SessionKeyUnwrapSpec s = (SessionKeyUnwrapSpec) spec;
            if (s.scope() != null && s.scope().isClosed()) {
                throw new InvalidAlgorithmParameterException("the SessionKeyUnwrapSpec's KeyScope is already closed:"
                        + " an unwrapped key could not be bound to it");
            }
            return new WrapParameters(s.policy(), s.scope(), s.cipherParameters());
        }
        return new WrapParameters(null, null, spec);
    }
}

package io.sessionkeys.internal.kdf;

import io.sessionkeys.SessionKey;
import io.sessionkeys.internal.service.OtherProviders;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.HKDFParameterSpec;

/**
 * A derivation whose inputs hold no session key is not SessionKeys' to do: it is passed, whole, to
 * the provider that would have done it without SessionKeys: the first other provider, in preference
 * order, whose {@code KDF} of the same name completes it (as {@code KDF}'s delayed provider
 * selection moves on from a provider that throws). That provider stays for the later derivations
 * of the same {@code KDF} object, as JCA keeps a provider once chosen.
 *
 * <p>SessionKeys cannot tell whether JCA fixed it (by {@code getProviderName()}, a named
 * {@code getInstance}, or an earlier derivation) or is still choosing, so it never declines with
 * an exception: it passes the derivation on in both cases, and the result is the same.
 */
final class ForeignDerivation {

    @FunctionalInterface
    interface Derive<R> {
        R on(KDF kdf) throws InvalidAlgorithmParameterException, NoSuchAlgorithmException;
    }

    private final String algorithm;
    private Provider self;
    private KDF chosen;

    ForeignDerivation(String algorithm) {
        this.algorithm = algorithm;
    }

    void servedBy(Provider provider) {
        this.self = provider;
    }

    /** Whether {@code spec} names no session key as input, salt or PRK (an unknown spec is not ours either). */
    static boolean holdsNoSessionKey(AlgorithmParameterSpec spec) {
        List<SecretKey> keys = new ArrayList<>();
        if (spec instanceof HKDFParameterSpec.Extract extract) {
            keys.addAll(extract.ikms());
            keys.addAll(extract.salts());
        } else if (spec instanceof HKDFParameterSpec.ExtractThenExpand both) {
            keys.addAll(both.ikms());
            keys.addAll(both.salts());
        } else if (spec instanceof HKDFParameterSpec.Expand expand) {
            keys.add(expand.prk());
        }
        for (SecretKey k : keys) {
            if (k instanceof SessionKey) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code derive} on the other provider's {@code KDF}; returns {@code null} when no other
     * provider offers this algorithm (SessionKeys' own rules then apply).
     */
    <R> R run(Derive<R> derive) throws InvalidAlgorithmParameterException, NoSuchAlgorithmException {
        if (chosen != null) {
            return derive.on(chosen);
        }
        if (self == null) {
            return null; // made outside a provider (a unit test): nothing to pass on to
        }
        Exception first = null;
        boolean offered = false;
        for (Provider p : OtherProviders.besides(self)) {
            if (p.getService("KDF", algorithm) == null) {
                continue;
            }
            KDF kdf;
            try {
                kdf = KDF.getInstance(algorithm, p);
            } catch (NoSuchAlgorithmException | RuntimeException e) {
                continue;
            }
            offered = true;
            try {
                R result = derive.on(kdf);
                chosen = kdf;
                return result;
            } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException | RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (!offered) {
            return null;
        }
        throw new InvalidAlgorithmParameterException("No provider supports this input", first);
    }
}

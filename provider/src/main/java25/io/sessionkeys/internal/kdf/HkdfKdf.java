package io.sessionkeys.internal.kdf;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.SessionKeyKdfParameters;
import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.service.ProviderAware;
import io.sessionkeys.internal.service.ProviderContext;
import io.sessionkeys.internal.service.Readiness;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.KDFParameters;
import javax.crypto.KDFSpi;
import javax.crypto.SecretKey;
import javax.crypto.spec.HKDFParameterSpec;

/**
 * {@code KDF} HKDF-SHA256/384/512 through the standard JDK 25 API. A derivation from a session key
 * (as input, salt or PRK), or one made with {@link SessionKeyKdfParameters}, is SessionKeys':
 * {@code deriveKey} returns a session key with the parameters' policy (or the configured default);
 * other inputs may be keys with a RAW encoding or bytes. {@code deriveData} returns plaintext
 * bytes, so it is refused when an input session key's policy forbids plaintext export, and
 * recorded as a plaintext export of that key otherwise. Any other derivation is passed on whole to
 * the provider that would have done it without SessionKeys ({@link ForeignDerivation}).
 */
final class HkdfKdf extends KDFSpi implements ProviderAware {

    private final ProviderContext context;
    private final ShaAlgorithm hash;
    private final HkdfEngine engine;
    private final SessionKeyKdfParameters parameters;
    private final ForeignDerivation foreign;
    /** The provider's checks, run before a derivation of our own; none until the provider says. */
    private Readiness readiness = () -> { };

    HkdfKdf(ProviderContext context, ShaAlgorithm hash, HkdfEngine engine, Object parameters)
            throws InvalidAlgorithmParameterException {
        super(checked(hash, parameters));
        this.context = context;
        this.hash = hash;
        this.engine = engine;
        this.parameters = (SessionKeyKdfParameters) parameters;
        this.foreign = new ForeignDerivation(KdfServices.hkdfName(hash));
    }

    @Override
    public void servedBy(Provider provider, Readiness readiness) {
        foreign.servedBy(provider);
        this.readiness = readiness;
    }

    /**
     * Whether this derivation is another provider's: no session key among its inputs, and no
     * {@link SessionKeyKdfParameters} asking SessionKeys for a session key from plain inputs.
     */
    private boolean notOurs(AlgorithmParameterSpec spec) {
        return parameters == null && ForeignDerivation.holdsNoSessionKey(spec);
    }

    private static KDFParameters checked(ShaAlgorithm hash, Object parameters)
            throws InvalidAlgorithmParameterException {
        if (parameters != null && !(parameters instanceof SessionKeyKdfParameters)) {
            throw new InvalidAlgorithmParameterException(KdfServices.hkdfName(hash) + " in SessionKeys takes a "
                    + SessionKeyKdfParameters.class.getName() + " or null, not " + parameters.getClass().getName());
        }
        return (KDFParameters) parameters;
    }

    @Override
    protected KDFParameters engineGetParameters() {
        return parameters;
    }

    @Override
    protected SecretKey engineDeriveKey(String alg, AlgorithmParameterSpec derivationSpec)
            throws InvalidAlgorithmParameterException, NoSuchAlgorithmException {
        if (alg == null) {
            throw new NullPointerException("the algorithm for the SecretKey return value must not be null");
        }
        if (notOurs(derivationSpec)) {
            SecretKey theirs = foreign.run(kdf -> kdf.deriveKey(alg, derivationSpec));
            if (theirs != null) {
                return theirs;
            }
        }
        KeyAlgorithm algorithm = KeyAlgorithm.forName(alg).orElseThrow(() -> new NoSuchAlgorithmException(
                KdfServices.hkdfName(hash) + " in SessionKeys derives session keys of " + KeyAlgorithm.knownNames()
                + ", not " + alg));
        readiness.ensure();
        HkdfRequest request = request(derivationSpec);
        HkdfRequest.keyAlgorithm(alg, request.length() * 8);
        KeyPolicy policy = parameters == null ? null : parameters.policy();
        KeyScope scope = parameters == null ? null : parameters.scope();
        request.checkExportRights(context.policyOrDefault(policy));
        return request.deriveKey(engine, algorithm, policy, scope);
    }

    @Override
    protected byte[] engineDeriveData(AlgorithmParameterSpec derivationSpec) throws InvalidAlgorithmParameterException {
        if (notOurs(derivationSpec)) {
            try {
                byte[] theirs = foreign.run(kdf -> kdf.deriveData(derivationSpec));
                if (theirs != null) {
                    return theirs;
                }
            } catch (NoSuchAlgorithmException impossible) {
                throw new InvalidAlgorithmParameterException(impossible.getMessage(), impossible);
            }
        }
        readiness.ensure();
        return request(derivationSpec).deriveBytes(engine);
    }

    private HkdfRequest request(AlgorithmParameterSpec spec) throws InvalidAlgorithmParameterException {
        if (spec instanceof HKDFParameterSpec.Extract extract) {
            return new HkdfRequest(context, hash, Hkdf.Mode.EXTRACT_ONLY, parts(extract.salts(), "salt"),
                    parts(extract.ikms(), "input"), null, hash.digestLength());
        }
        if (spec instanceof HKDFParameterSpec.ExtractThenExpand both) {
            return new HkdfRequest(context, hash, Hkdf.Mode.EXTRACT_THEN_EXPAND, parts(both.salts(), "salt"),
                    parts(both.ikms(), "input"), both.info(), both.length());
        }
        if (spec instanceof HKDFParameterSpec.Expand expand) {
            return new HkdfRequest(context, hash, Hkdf.Mode.EXPAND_ONLY, List.of(),
                    List.of(KeyingPart.of(expand.prk(), "PRK")), expand.info(), expand.length());
        }
        throw new InvalidAlgorithmParameterException(KdfServices.hkdfName(hash) + " needs an HKDFParameterSpec"
                + " (Extract, ExtractThenExpand or Expand), got " + (spec == null ? "null" : spec.getClass().getName()));
    }

    private static List<KeyingPart> parts(List<SecretKey> keys, String role) throws InvalidAlgorithmParameterException {
        List<KeyingPart> parts = new ArrayList<>(keys.size());
        for (SecretKey key : keys) {
            parts.add(KeyingPart.of(key, role));
        }
        return parts;
    }
}

package io.sessionkeys.internal.kdf;

import io.sessionkeys.SessionKeyDerivationSpec;
import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import javax.crypto.KeyGeneratorSpi;
import javax.crypto.SecretKey;

/**
 * {@code KeyGenerator} "HKDF-SHA256" (and -SHA384, -SHA512): CryptoAPI's {@code CryptDeriveKey}
 * through JCA on every JDK from 17 on. Initialized with a {@link SessionKeyDerivationSpec},
 * each {@code generateKey()} derives the session key it describes (the same key each time, for
 * the same input).
 */
public final class HkdfKeyGenerator extends KeyGeneratorSpi {

    private final ProviderContext context;
    private final ShaAlgorithm hash;
    private final HkdfEngine engine;
    private SessionKeyDerivationSpec spec;
    private KeyAlgorithm output;
    private HkdfRequest request;

    public HkdfKeyGenerator(ProviderContext context, ShaAlgorithm hash, HkdfEngine engine) {
        this.context = context;
        this.hash = hash;
        this.engine = engine;
    }

    private String name() {
        return KdfServices.hkdfName(hash);
    }

    @Override
    protected void engineInit(SecureRandom random) {
        throw new InvalidParameterException(name() + " must be initialized with a SessionKeyDerivationSpec");
    }

    @Override
    protected void engineInit(int keySize, SecureRandom random) {
        throw new InvalidParameterException(name() + " must be initialized with a SessionKeyDerivationSpec");
    }

    @Override
    protected void engineInit(AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        if (!(params instanceof SessionKeyDerivationSpec)) {
            throw new InvalidAlgorithmParameterException(name() + " needs a " + SessionKeyDerivationSpec.class.getName()
                    + ", got " + (params == null ? "null" : params.getClass().getName()));
        }
        SessionKeyDerivationSpec s = (SessionKeyDerivationSpec) params;
        KeyAlgorithm algorithm = HkdfRequest.keyAlgorithm(s.keyAlgorithm(), s.keySizeBits());
        KeyingPart input = s.inputKey() != null ? KeyingPart.of(s.inputKey(), "input")
                : KeyingPart.of(context.specAccess().inputBytes(s));
        HkdfRequest checked = new HkdfRequest(context, hash, mode(s.mode()), List.of(KeyingPart.of(s.salt())),
                List.of(input), s.info(), s.keySizeBits() / 8);
        checked.checkExportRights(context.policyOrDefault(s.policy()));
        this.spec = s;
        this.output = algorithm;
        this.request = checked;
    }

    private static Hkdf.Mode mode(SessionKeyDerivationSpec.Mode mode) {
        switch (mode) {
            case EXTRACT_ONLY:
                return Hkdf.Mode.EXTRACT_ONLY;
            case EXPAND_ONLY:
                return Hkdf.Mode.EXPAND_ONLY;
            default:
                return Hkdf.Mode.EXTRACT_THEN_EXPAND;
        }
    }

    /** @throws IllegalStateException if not initialized, or if the input key was destroyed since */
    @Override
    protected SecretKey engineGenerateKey() {
        if (request == null) {
            throw new IllegalStateException(name() + " must be initialized with a SessionKeyDerivationSpec");
        }
        return request.deriveKey(engine, output, spec.policy(), spec.scope());
    }
}

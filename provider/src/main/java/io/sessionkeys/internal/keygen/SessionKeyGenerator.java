package io.sessionkeys.internal.keygen;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.KeyGeneratorSpi;
import javax.crypto.SecretKey;

/**
 * {@code KeyGenerator} for session keys (CryptoAPI's {@code CryptGenKey}): random bytes go
 * straight off the heap, and the transient array they were drawn into is zeroed before returning.
 */
public final class SessionKeyGenerator extends KeyGeneratorSpi {

    private final ProviderContext context;
    private final KeyAlgorithm algorithm;
    private int bits;
    private KeyPolicy policy;
    private KeyScope scope;
    private SecureRandom random;

    public SessionKeyGenerator(ProviderContext context, KeyAlgorithm algorithm) {
        this.context = context;
        this.algorithm = algorithm;
        this.bits = algorithm.defaultBits();
    }

    @Override
    protected void engineInit(SecureRandom random) {
        this.bits = algorithm.defaultBits();
        this.policy = null;
        this.scope = null;
        this.random = random;
    }

    @Override
    protected void engineInit(int keySize, SecureRandom random) {
        if (!algorithm.allowsBits(keySize)) {
            throw new InvalidParameterException(algorithm + " key size must be " + algorithm.describeSizes()
                    + ", was " + keySize);
        }
        engineInit(random);
        this.bits = keySize;
    }

    @Override
    protected void engineInit(AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        if (!(params instanceof SessionKeyGenParameterSpec)) {
            throw new InvalidAlgorithmParameterException("expected a " + SessionKeyGenParameterSpec.class.getName()
                    + ", got " + (params == null ? "null" : params.getClass().getName()));
        }
        SessionKeyGenParameterSpec spec = (SessionKeyGenParameterSpec) params;
        if (!algorithm.allowsBits(spec.keySizeBits())) {
            throw new InvalidAlgorithmParameterException(algorithm + " key size must be "
                    + algorithm.describeSizes() + ", was " + spec.keySizeBits());
        }
        engineInit(random);
        this.bits = spec.keySizeBits();
        this.policy = spec.policy();
        this.scope = spec.scope();
    }

    @Override
    protected SecretKey engineGenerateKey() {
        byte[] fresh = new byte[bits / 8];
        try {
            (random != null ? random : context.random()).nextBytes(fresh);
            return ManagedSessionKey.create(algorithm.name(), bits, fresh, 0, fresh.length,
                    context.policyOrDefault(policy), scope, context.clock());
        } finally {
            Zeroing.wipe(fresh);
        }
    }
}

package io.sessionkeys.internal.keygen;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.KeyBytesEngine;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.crypto.KeyGeneratorSpi;
import javax.crypto.SecretKey;

/**
 * {@code KeyGenerator} for session keys (CryptoAPI's {@code CryptGenKey}). Where the caller
 * passes no {@code SecureRandom} of its own and the native engine runs, OpenSSL's DRBG writes the
 * bytes straight into the key's off-heap slot; otherwise they are drawn from the caller's (or the
 * provider's) {@code SecureRandom} into a transient array, copied off the heap and zeroed.
 */
public final class SessionKeyGenerator extends KeyGeneratorSpi {

    private final ProviderContext context;
    private final KeyAlgorithm algorithm;
    private final Supplier<KeyBytesEngine> keyBytes;
    private int bits;
    private KeyPolicy policy;
    private KeyScope scope;
    private SecureRandom random;

    /** @param keyBytes the selected source of new keys' bytes; it may give {@code null} (none: SecureRandom) */
    public SessionKeyGenerator(ProviderContext context, KeyAlgorithm algorithm, Supplier<KeyBytesEngine> keyBytes) {
        this.context = context;
        this.algorithm = algorithm;
        this.keyBytes = keyBytes;
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
        KeyBytesEngine engine = JcaDefaultRandom.isDefault(random) ? keyBytes.get() : null;
        Consumer<ByteBuffer> fill = engine != null ? engine::fill : this::drawFromSecureRandom;
        return ManagedSessionKey.createFilled(algorithm.name(), bits, bits / 8, fill, context.policyOrDefault(policy),
                scope, context.clock());
    }

    private void drawFromSecureRandom(ByteBuffer slot) {
        byte[] fresh = new byte[slot.limit()];
        try {
            (random != null ? random : context.random()).nextBytes(fresh);
            slot.put(0, fresh);
        } finally {
            Zeroing.wipe(fresh);
        }
    }
}

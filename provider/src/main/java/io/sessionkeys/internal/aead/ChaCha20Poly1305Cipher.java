package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.key.Attachment;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * {@code ChaCha20-Poly1305} (RFC 8439): a 256-bit ChaCha20 key, a 12-byte nonce given as an
 * {@link IvParameterSpec} (as SunJCE), a 16-byte tag. Unlike SunJCE, decryption never refuses a
 * nonce it has seen before.
 */
public final class ChaCha20Poly1305Cipher extends AeadCipher {

    private static final int NONCE_LENGTH = 12;

    public ChaCha20Poly1305Cipher(ProviderContext context, AeadEngine engine) {
        super(context, engine);
    }

    @Override
    protected String serviceName() {
        return "ChaCha20-Poly1305";
    }

    @Override
    protected String keyAlgorithm() {
        return "ChaCha20";
    }

    @Override
    protected void checkKeyLength(int bytes) throws InvalidKeyException {
        if (bytes != 32) {
            throw new InvalidKeyException(serviceName() + " needs a 256-bit key, not " + bytes * 8 + " bits");
        }
    }

    @Override
    protected AeadParameters readSpec(AlgorithmParameterSpec spec) throws InvalidAlgorithmParameterException {
        if (!(spec instanceof IvParameterSpec)) {
            throw new InvalidAlgorithmParameterException(serviceName() + " needs an IvParameterSpec, not "
                    + spec.getClass().getName());
        }
        byte[] nonce = ((IvParameterSpec) spec).getIV();
        if (nonce.length != NONCE_LENGTH) {
            throw new InvalidAlgorithmParameterException(serviceName() + " nonce must be 12 bytes, not " + nonce.length);
        }
        return new AeadParameters(nonce, AeadMessage.FULL_TAG_LENGTH);
    }

    @Override
    protected Class<? extends AlgorithmParameterSpec> specClass() {
        return IvParameterSpec.class;
    }

    @Override
    protected AlgorithmParameterSpec toSpec(byte[] nonce, int tagLength) {
        return new IvParameterSpec(nonce);
    }

    @Override
    protected String parametersAlgorithm() {
        return "ChaCha20-Poly1305";
    }

    @Override
    protected Attachment<NonceLedger> ledger() {
        return NonceLedger.CHACHA20_POLY1305;
    }

    @Override
    protected SafetyLimits limits() {
        return AeadLimits.CHACHA20_POLY1305;
    }

    @Override
    protected long maxMessageBytes() {
        return AeadLimits.CHACHA20_POLY1305_MAX_MESSAGE_BYTES;
    }

    @Override
    protected String modeName() {
        return "None";
    }

    @Override
    protected int engineGetBlockSize() {
        return 0;
    }
}

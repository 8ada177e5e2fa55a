package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.key.Attachment;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.spec.GCMParameterSpec;

/**
 * {@code AES/GCM/NoPadding} with any AES key size, and the fixed-size {@code AES_128/GCM/NoPadding}
 * etc. (the same class with the size given, see {@link KeySize}). Takes
 * {@link GCMParameterSpec} only (as SunJCE): tags of 96 to 128 bits in steps of 8, IVs of at least
 * one byte (12 recommended; provider-made ones are 12).
 */
public class AesGcmCipher extends AeadCipher {

    private final int keyBits;
    /** Made once: every init names the service (key checks, the ledger). */
    private final String serviceName;

    /** @param keyBits the key size this variant pins, or {@link KeySize#ANY} */
    public AesGcmCipher(ProviderContext context, AeadEngine engine, int keyBits) {
        super(context, engine);
        this.keyBits = keyBits;
        this.serviceName = KeySize.aesTransformation(keyBits, "GCM", "NoPadding");
    }

    /** AES-GCM wraps and unwraps keys, as SunJCE's does. */
    @Override
    protected boolean wrapsKeys() {
        return true;
    }

    @Override
    protected String serviceName() {
        return serviceName;
    }

    @Override
    protected String keyAlgorithm() {
        return "AES";
    }

    @Override
    protected void checkKeyLength(int bytes) throws InvalidKeyException {
        if (!KeySize.fits(keyBits, bytes)) {
            throw new InvalidKeyException(serviceName() + " needs a " + keyBits + "-bit key, not " + bytes * 8 + " bits");
        }
        if (bytes != 16 && bytes != 24 && bytes != 32) {
            throw new InvalidKeyException(serviceName() + " needs a 128, 192 or 256-bit key, not " + bytes * 8 + " bits");
        }
    }

    @Override
    protected AeadParameters readSpec(AlgorithmParameterSpec spec) throws InvalidAlgorithmParameterException {
        if (!(spec instanceof GCMParameterSpec)) {
            throw new InvalidAlgorithmParameterException(serviceName() + " needs a GCMParameterSpec, not "
                    + spec.getClass().getName());
        }
        GCMParameterSpec gcm = (GCMParameterSpec) spec;
        int bits = gcm.getTLen();
        if (bits < 96 || bits > 128 || bits % 8 != 0) {
            throw new InvalidAlgorithmParameterException("unsupported GCM tag length " + bits
                    + " bits: must be one of {128, 120, 112, 104, 96}");
        }
        byte[] iv = gcm.getIV();
        if (iv.length == 0) {
            throw new InvalidAlgorithmParameterException("the GCM IV is empty: it needs at least 1 byte (12 recommended)");
        }
        if (!engine().acceptsNonceLength(iv.length)) {
            throw new InvalidAlgorithmParameterException("the " + engine().name() + " engine does not take a "
                    + iv.length + "-byte IV (12 bytes recommended)");
        }
        return new AeadParameters(iv, bits / 8);
    }

    @Override
    protected Class<? extends AlgorithmParameterSpec> specClass() {
        return GCMParameterSpec.class;
    }

    @Override
    protected AlgorithmParameterSpec toSpec(byte[] nonce, int tagLength) {
        return new GCMParameterSpec(tagLength * 8, nonce);
    }

    @Override
    protected String parametersAlgorithm() {
        return "GCM";
    }

    @Override
    protected Attachment<NonceLedger> ledger() {
        return NonceLedger.AES_GCM;
    }

    @Override
    protected SafetyLimits limits() {
        return AeadLimits.AES_GCM;
    }

    @Override
    protected long maxMessageBytes() {
        return AeadLimits.AES_GCM_MAX_MESSAGE_BYTES;
    }

    @Override
    protected String modeName() {
        return "GCM";
    }

    @Override
    protected int engineGetBlockSize() {
        return 16;
    }
}

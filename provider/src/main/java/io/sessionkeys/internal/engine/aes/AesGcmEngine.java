package io.sessionkeys.internal.engine.aes;

import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * AES-GCM (NIST SP 800-38D) on the constant-time bitsliced AES and the multiplication-based
 * GHASH: any nonce of at least one byte, the full 16-byte tag (the SPI truncates), AAD and data in
 * any split.
 */
public final class AesGcmEngine implements AeadEngine {

    public static final AesGcmEngine INSTANCE = new AesGcmEngine();

    private AesGcmEngine() {
    }

    @Override
    public String name() {
        return "AES-GCM";
    }

    @Override
    public Precomputation precomputation() {
        return GcmPrecomputation.INSTANCE;
    }

    /** Any length of at least one byte (SP 800-38D §5.2.1.1); 12 bytes is the fast, recommended case. */
    @Override
    public boolean acceptsNonceLength(int nonceLength) {
        return nonceLength >= 1;
    }

    @Override
    public AeadOperation start(ByteBuffer keyData, byte[] nonce) {
        if (nonce == null || !acceptsNonceLength(nonce.length)) {
            throw new IllegalArgumentException("AES-GCM needs a nonce of at least 1 byte");
        }
        return new AesGcmOperation(keyData, nonce);
    }
}

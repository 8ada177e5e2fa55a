package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidKeyException;

/** {@code AES_256/GCM/NoPadding}: AES-GCM that takes only 256-bit keys. */
public final class AesGcm256Cipher extends AesGcmCipher {

    public AesGcm256Cipher(ProviderContext context, AeadEngine engine) {
        super(context, engine);
    }

    @Override
    protected String serviceName() {
        return "AES_256/GCM/NoPadding";
    }

    @Override
    protected void checkKeyLength(int bytes) throws InvalidKeyException {
        if (bytes != 32) {
            throw new InvalidKeyException(serviceName() + " needs a 256-bit key, not " + bytes * 8 + " bits");
        }
    }
}

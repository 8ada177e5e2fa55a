package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidKeyException;

/** {@code AES_128/GCM/NoPadding}: AES-GCM that takes only 128-bit keys. */
public final class AesGcm128Cipher extends AesGcmCipher {

    public AesGcm128Cipher(ProviderContext context, AeadEngine engine) {
        super(context, engine);
    }

    @Override
    protected String serviceName() {
        return "AES_128/GCM/NoPadding";
    }

    @Override
    protected void checkKeyLength(int bytes) throws InvalidKeyException {
        if (bytes != 16) {
            throw new InvalidKeyException(serviceName() + " needs a 128-bit key, not " + bytes * 8 + " bits");
        }
    }
}

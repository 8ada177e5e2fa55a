package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidKeyException;

/** {@code AES_192/GCM/NoPadding}: AES-GCM that takes only 192-bit keys. */
public final class AesGcm192Cipher extends AesGcmCipher {

    public AesGcm192Cipher(ProviderContext context, AeadEngine engine) {
        super(context, engine);
    }

    @Override
    protected String serviceName() {
        return "AES_192/GCM/NoPadding";
    }

    @Override
    protected void checkKeyLength(int bytes) throws InvalidKeyException {
        if (bytes != 24) {
            throw new InvalidKeyException(serviceName() + " needs a 192-bit key, not " + bytes * 8 + " bits");
        }
    }
}

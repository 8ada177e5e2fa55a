package io.sessionkeys.internal.service;

import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.MacSpi;

/**
 * The base of every SessionKeys {@code Mac} SPI: re-declares each {@link MacSpi} method in this
 * package so that {@link RoutingMacSpi} can call them (see {@link SessionKeysCipherSpi}).
 */
public abstract class SessionKeysMacSpi extends MacSpi {

    @Override
    protected abstract int engineGetMacLength();

    @Override
    protected abstract void engineInit(Key key, AlgorithmParameterSpec params)
            throws InvalidKeyException, InvalidAlgorithmParameterException;

    @Override
    protected abstract void engineUpdate(byte input);

    @Override
    protected abstract void engineUpdate(byte[] input, int offset, int len);

    @Override
    protected void engineUpdate(ByteBuffer input) {
        super.engineUpdate(input);
    }

    @Override
    protected abstract byte[] engineDoFinal();

    @Override
    protected abstract void engineReset();
}

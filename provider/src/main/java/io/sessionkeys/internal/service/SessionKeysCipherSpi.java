package io.sessionkeys.internal.service;

import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.BadPaddingException;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;

/**
 * The base of every SessionKeys {@code Cipher} SPI. It adds no behaviour: it re-declares each
 * {@link CipherSpi} method in this package, so that {@link RoutingCipherSpi} (which JCA actually
 * holds) can call them on the SPI it fronts. The routing layer decides per {@code init} whether the
 * key is a session key (this SPI serves it) or a foreign key (the next provider serves it); a new
 * cipher only has to extend this class to get that for free.
 */
public abstract class SessionKeysCipherSpi extends CipherSpi {

    @Override
    protected abstract void engineSetMode(String mode) throws NoSuchAlgorithmException;

    @Override
    protected abstract void engineSetPadding(String padding) throws NoSuchPaddingException;

    @Override
    protected abstract int engineGetBlockSize();

    @Override
    protected abstract int engineGetOutputSize(int inputLen);

    @Override
    protected abstract byte[] engineGetIV();

    @Override
    protected abstract AlgorithmParameters engineGetParameters();

    @Override
    protected abstract void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException;

    @Override
    protected abstract void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException;

    @Override
    protected abstract void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException;

    @Override
    protected abstract byte[] engineUpdate(byte[] input, int inputOffset, int inputLen);

    @Override
    protected abstract int engineUpdate(byte[] input, int inputOffset, int inputLen, byte[] output,
            int outputOffset) throws ShortBufferException;

    @Override
    protected abstract byte[] engineDoFinal(byte[] input, int inputOffset, int inputLen)
            throws IllegalBlockSizeException, BadPaddingException;

    @Override
    protected abstract int engineDoFinal(byte[] input, int inputOffset, int inputLen, byte[] output,
            int outputOffset) throws ShortBufferException, IllegalBlockSizeException, BadPaddingException;

    @Override
    protected int engineUpdate(ByteBuffer input, ByteBuffer output) throws ShortBufferException {
        return super.engineUpdate(input, output);
    }

    @Override
    protected int engineDoFinal(ByteBuffer input, ByteBuffer output)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        return super.engineDoFinal(input, output);
    }

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        return super.engineWrap(key);
    }

    @Override
    protected Key engineUnwrap(byte[] wrappedKey, String wrappedKeyAlgorithm, int wrappedKeyType)
            throws InvalidKeyException, NoSuchAlgorithmException {
        return super.engineUnwrap(wrappedKey, wrappedKeyAlgorithm, wrappedKeyType);
    }

    @Override
    protected int engineGetKeySize(Key key) throws InvalidKeyException {
        return super.engineGetKeySize(key);
    }

    @Override
    protected void engineUpdateAAD(byte[] src, int offset, int len) {
        super.engineUpdateAAD(src, offset, len);
    }

    @Override
    protected void engineUpdateAAD(ByteBuffer src) {
        super.engineUpdateAAD(src);
    }
}

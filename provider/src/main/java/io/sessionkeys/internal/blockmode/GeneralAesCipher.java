package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.BadPaddingException;
import io.sessionkeys.internal.service.SessionKeysCipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;

/**
 * The generic {@code "AES"} cipher, as SunJCE resolves {@code "AES/<mode>/<padding>"}: JCA finds
 * no service of that exact name, takes this one because its {@code SupportedModes} and
 * {@code SupportedPaddings} attributes match, and calls {@link #engineSetMode} and
 * {@link #engineSetPadding}. Plain {@code "AES"} is ECB with PKCS5 padding. The mode object is
 * made on first use after that, and every call goes to it.
 */
final class GeneralAesCipher extends SessionKeysCipherSpi {

    private final ProviderContext context;
    private final BlockCipherEngine engine;
    private String mode = "ECB";
    private BlockPadding padding = BlockPadding.PKCS5;
    private BlockModeCipher delegate;

    GeneralAesCipher(ProviderContext context, BlockCipherEngine engine) {
        this.context = context;
        this.engine = engine;
    }

    private BlockModeCipher delegate() {
        if (delegate == null) {
            delegate = AesModes.create(context, engine, mode, padding);
        }
        return delegate;
    }

    @Override
    protected void engineSetMode(String requested) throws NoSuchAlgorithmException {
        if (delegate != null) {
            throw new IllegalStateException("the mode is set before the cipher is used");
        }
        mode = AesModes.canonicalMode(requested);
        if (AesModes.streamOnly(mode)) {
            padding = BlockPadding.NONE; // as SunJCE: "AES/CTR" alone means no padding
        }
    }

    @Override
    protected void engineSetPadding(String requested) throws NoSuchPaddingException {
        if (delegate != null) {
            throw new IllegalStateException("the padding is set before the cipher is used");
        }
        BlockPadding p = AesModes.padding(requested);
        if (p.pads() && AesModes.streamOnly(mode)) {
            throw new NoSuchPaddingException(mode + " mode must be used with NoPadding");
        }
        padding = p;
    }

    @Override
    protected int engineGetBlockSize() {
        return delegate().engineGetBlockSize();
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        return delegate().engineGetOutputSize(inputLen);
    }

    @Override
    protected byte[] engineGetIV() {
        return delegate().engineGetIV();
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        return delegate().engineGetParameters();
    }

    @Override
    protected int engineGetKeySize(Key key) throws InvalidKeyException {
        return delegate().engineGetKeySize(key);
    }

    @Override
    protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
        delegate().engineInit(opmode, key, random);
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        delegate().engineInit(opmode, key, params, random);
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        delegate().engineInit(opmode, key, params, random);
    }

    @Override
    protected byte[] engineUpdate(byte[] input, int offset, int len) {
        return delegate().engineUpdate(input, offset, len);
    }

    @Override
    protected int engineUpdate(byte[] input, int offset, int len, byte[] output, int outputOffset)
            throws ShortBufferException {
        return delegate().engineUpdate(input, offset, len, output, outputOffset);
    }

    @Override
    protected int engineUpdate(ByteBuffer input, ByteBuffer output) throws ShortBufferException {
        return delegate().engineUpdate(input, output);
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int offset, int len) throws IllegalBlockSizeException,
            BadPaddingException {
        return delegate().engineDoFinal(input, offset, len);
    }

    @Override
    protected int engineDoFinal(byte[] input, int offset, int len, byte[] output, int outputOffset)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        return delegate().engineDoFinal(input, offset, len, output, outputOffset);
    }

    @Override
    protected int engineDoFinal(ByteBuffer input, ByteBuffer output) throws ShortBufferException,
            IllegalBlockSizeException, BadPaddingException {
        return delegate().engineDoFinal(input, output);
    }

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        return delegate().engineWrap(key);
    }

    @Override
    protected Key engineUnwrap(byte[] wrappedKey, String algorithm, int type) throws InvalidKeyException,
            NoSuchAlgorithmException {
        return delegate().engineUnwrap(wrappedKey, algorithm, type);
    }

    @Override
    public String toString() {
        return delegate == null ? "SessionKeys AES/" + mode + "/" + padding.jcaName() + " (not initialized)"
                : delegate.toString();
    }
}

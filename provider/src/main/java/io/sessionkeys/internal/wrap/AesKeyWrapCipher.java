package io.sessionkeys.internal.wrap;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.service.ProviderContext;
import io.sessionkeys.internal.service.SessionKeysCipherSpi;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidParameterSpecException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;

/**
 * {@code Cipher} for AES key wrapping ({@code AES/KW/NoPadding}, {@code AES/KW/PKCS5Padding},
 * {@code AES/KWP/NoPadding} and their fixed-size variants), behaving like SunJCE's: WRAP/UNWRAP of
 * session keys, and ENCRYPT/DECRYPT of whole messages (buffered until {@code doFinal}).
 *
 * <p>The key-encryption key may be a session key or a foreign AES key (see
 * {@link KeyEncryptionKey}); the wrapped key must be a session key whose policy allows wrapping,
 * and the unwrapped key is a session key with the policy of a {@code SessionKeyUnwrapSpec} or the
 * configured default.
 */
public final class AesKeyWrapCipher extends SessionKeysCipherSpi {

    /** KW and KWP have no nonce and no birthday bound; only a key's own policy limits it. */
    private static final SafetyLimits NO_ALGORITHM_LIMIT =
            new SafetyLimits(Long.MAX_VALUE, Long.MAX_VALUE, "NIST SP 800-38F");

    private final ProviderContext context;
    private final BlockCipherEngine engine;
    private final AesWrapVariant variant;
    private final int fixedKekBytes;
    private final String name;

    private int opmode;
    private KeyEncryptionKey kek;
    private AesWrapOperation operation;
    private WrapParameters parameters;
    private final MessageBuffer buffered = new MessageBuffer();

    /**
     * @param fixedKekBits the KEK size this variant requires, or 0 for any AES size
     */
    AesKeyWrapCipher(ProviderContext context, BlockCipherEngine engine, AesWrapVariant variant,
            int fixedKekBits) {
        this.context = context;
        this.engine = engine;
        this.variant = variant;
        this.fixedKekBytes = fixedKekBits == 0 ? -1 : fixedKekBits / 8;
        this.name = variant.transformation(fixedKekBits);
    }

    @Override
    protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
        if (mode != null && !variant.mode.equalsIgnoreCase(mode)) {
            throw new NoSuchAlgorithmException(name + " supports only mode " + variant.mode + ", not " + mode);
        }
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
        if (padding != null && !variant.padding.equalsIgnoreCase(padding)) {
            throw new NoSuchPaddingException(name + " supports only " + variant.padding + ", not " + padding);
        }
    }

    @Override
    protected int engineGetBlockSize() {
        return AesKeyWrap.SEMIBLOCK;
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        int total = Math.addExact(buffered.length(), inputLen);
        boolean wrapping = opmode == Cipher.ENCRYPT_MODE || opmode == Cipher.WRAP_MODE;
        return wrapping ? operation.wrappedLength(total) : AesWrapOperation.maxDataLength(total);
    }

    @Override
    protected byte[] engineGetIV() {
        return operation == null ? null : operation.icv();
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        byte[] icv = operation == null ? defaultIcv() : operation.icv();
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("AES");
            params.init(new IvParameterSpec(icv));
            return params;
        } catch (NoSuchAlgorithmException | InvalidParameterSpecException e) {
            throw new IllegalStateException("the JDK has no AES AlgorithmParameters", e);
        }
    }

    private byte[] defaultIcv() {
        return variant == AesWrapVariant.KWP ? AesKeyWrap.KWP_ICV.clone() : AesKeyWrap.KW_DEFAULT_ICV.clone();
    }

    @Override
    protected int engineGetKeySize(Key key) throws InvalidKeyException {
        return KeyEncryptionKey.of(key, fixedKekBytes, KeyUse.PROCESS, name, context).sizeBytes() * 8;
    }

    @Override
    protected void engineInit(int mode, Key key, SecureRandom random) throws InvalidKeyException {
        try {
            engineInit(mode, key, (AlgorithmParameterSpec) null, random);
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("default parameters were refused", e);
        }
    }

    @Override
    protected void engineInit(int mode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        IvParameterSpec spec = null;
        if (params != null) {
            try {
                spec = params.getParameterSpec(IvParameterSpec.class);
            } catch (InvalidParameterSpecException e) {
                throw new InvalidAlgorithmParameterException(name + " accepts only an IV (ICV) as parameters", e);
            }
        }
        engineInit(mode, key, spec, random);
    }

    @Override
    protected void engineInit(int mode, Key key, AlgorithmParameterSpec spec, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        WrapParameters p = WrapParameters.from(spec);
        byte[] icv = icvFrom(p.cipherParameters());
        boolean protect = mode == Cipher.ENCRYPT_MODE || mode == Cipher.WRAP_MODE;
        KeyEncryptionKey k = KeyEncryptionKey.of(key, fixedKekBytes, protect ? KeyUse.PROTECT : KeyUse.PROCESS,
                name, context);
        if (protect && k.sessionKey() != null) {
            k.sessionKey().chargeEncryption(NO_ALGORITHM_LIMIT);
        }
        this.opmode = mode;
        this.kek = k;
        this.parameters = p;
        this.operation = new AesWrapOperation(engine, variant, icv);
        buffered.clear();
    }

    private byte[] icvFrom(AlgorithmParameterSpec spec) throws InvalidAlgorithmParameterException {
        if (spec == null) {
            return defaultIcv();
        }
        if (!(spec instanceof IvParameterSpec)) {
            throw new InvalidAlgorithmParameterException(name + " accepts only an IvParameterSpec (the ICV), not "
                    + spec.getClass().getName());
        }
        byte[] icv = ((IvParameterSpec) spec).getIV();
        if (variant == AesWrapVariant.KWP && !Arrays.equals(icv, AesKeyWrap.KWP_ICV)) {
            // SP 800-38F and RFC 5649 fix the KWP ICV; JDK 21+ SunJCE refuses others too
            throw new InvalidAlgorithmParameterException(name + " uses the fixed ICV A65959A6 of RFC 5649; got a "
                    + icv.length + "-byte IV that differs from it");
        }
        if (icv.length != variant.icvLength()) {
            throw new InvalidAlgorithmParameterException(name + " needs an ICV of " + variant.icvLength()
                    + " bytes, got " + icv.length + " bytes");
        }
        return icv;
    }

    private void requireMode(int expected, String what) {
        if (opmode != expected) {
            throw new IllegalStateException(name + " is not initialized for " + what);
        }
    }

    @Override
    protected byte[] engineUpdate(byte[] input, int offset, int length) {
        requireData();
        buffered.append(input, offset, length);
        return new byte[0];
    }

    @Override
    protected int engineUpdate(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        requireData();
        buffered.append(input, offset, length);
        return 0;
    }

    private void requireData() {
        if (opmode != Cipher.ENCRYPT_MODE && opmode != Cipher.DECRYPT_MODE) {
            throw new IllegalStateException(name + " is not initialized for encryption or decryption");
        }
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int offset, int length) throws IllegalBlockSizeException,
            BadPaddingException {
        requireData();
        buffered.append(input, offset, length);
        byte[] message = buffered.take();
        try {
            return opmode == Cipher.ENCRYPT_MODE ? encrypt(message) : decrypt(message);
        } finally {
            ManagedSessionKey.wipe(message);
        }
    }

    @Override
    protected int engineDoFinal(byte[] input, int offset, int length, byte[] output, int outputOffset)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        requireData();
        int needed = engineGetOutputSize(length);
        if (output.length - outputOffset < needed) {
            throw new ShortBufferException(name + " needs " + needed + " bytes of output space, has "
                    + (output.length - outputOffset));
        }
        byte[] result = engineDoFinal(input, offset, length);
        try {
            System.arraycopy(result, 0, output, outputOffset, result.length);
            return result.length;
        } finally {
            ManagedSessionKey.wipe(result);
        }
    }

    private byte[] encrypt(byte[] message) throws IllegalBlockSizeException {
        byte[] buf = new byte[operation.wrappedLength(message.length)];
        System.arraycopy(message, 0, buf, AesKeyWrap.SEMIBLOCK, message.length);
        boolean done = false;
        try {
            operation.wrap(kek, buf, message.length);
            done = true;
            return buf;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            if (!done) {
                ManagedSessionKey.wipe(buf);
            }
        }
    }

    private byte[] decrypt(byte[] wrapped) throws IllegalBlockSizeException {
        String lengthProblem = operation.checkWrappedLength(wrapped.length);
        if (lengthProblem != null) {
            throw new IllegalBlockSizeException(lengthProblem);
        }
        byte[] buf = wrapped.clone();
        try {
            int length = operation.unwrap(kek, buf, buf.length);
            if (length < 0) {
                throw new IllegalBlockSizeException(integrityFailure());
            }
            return Arrays.copyOfRange(buf, AesKeyWrap.SEMIBLOCK, AesKeyWrap.SEMIBLOCK + length);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            ManagedSessionKey.wipe(buf);
        }
    }

    private String integrityFailure() {
        return "Integrity check failed: the wrapped data was changed or truncated, or it was wrapped under"
                + " another key-encryption key or ICV";
    }

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        requireMode(Cipher.WRAP_MODE, "wrapping (WRAP_MODE)");
        try (KeyToWrap toWrap = KeyToWrap.of(key, name)) {
            int length = toWrap.length();
            byte[] buf = new byte[operation.wrappedLength(length)];
            boolean done = false;
            try {
                toWrap.copyInto(buf, AesKeyWrap.SEMIBLOCK);
                operation.wrap(kek, buf, length);
                toWrap.recordExport(name);
                done = true;
                return buf;
            } finally {
                if (!done) {
                    ManagedSessionKey.wipe(buf);
                }
            }
        }
    }

    @Override
    protected Key engineUnwrap(byte[] wrappedKey, String algorithm, int type) throws InvalidKeyException,
            NoSuchAlgorithmException {
        requireMode(Cipher.UNWRAP_MODE, "unwrapping (UNWRAP_MODE)");
        KeyAlgorithm kind = UnwrappedKeys.kindOf(algorithm, type, name);
        String lengthProblem = operation.checkWrappedLength(wrappedKey.length);
        if (lengthProblem != null) {
            throw new InvalidKeyException(lengthProblem);
        }
        byte[] buf = wrappedKey.clone();
        try {
            int length = operation.unwrap(kek, buf, buf.length);
            if (length < 0) {
                throw new InvalidKeyException(integrityFailure());
            }
            KeyPolicy policy = parameters.policy();
            KeyScope scope = parameters.scope();
            return UnwrappedKeys.make(context, kind, buf, AesKeyWrap.SEMIBLOCK, length, policy, scope);
        } finally {
            ManagedSessionKey.wipe(buf);
        }
    }

    // CipherSpi's defaults would leave heap copies of key data unzeroed (see ZeroedBufferForms).

    @Override
    protected int engineUpdate(ByteBuffer input, ByteBuffer output) {
        return ZeroedBufferForms.update(input, in -> engineUpdate(in, 0, in.length));
    }

    @Override
    protected int engineDoFinal(ByteBuffer input, ByteBuffer output) throws ShortBufferException,
            IllegalBlockSizeException, BadPaddingException {
        requireData();
        return ZeroedBufferForms.doFinal(name, engineGetOutputSize(input.remaining()), input, output,
                in -> engineDoFinal(in, 0, in.length));
    }
}

package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.engine.KeyWrapEngine;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.key.KeyToWrap;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidParameterSpecException;
import java.util.Arrays;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
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
public final class AesKeyWrapCipher extends WholeMessageCipher {

    /** KW and KWP have no nonce and no birthday bound; only a key's own policy limits it. */
    private static final SafetyLimits NO_ALGORITHM_LIMIT =
            new SafetyLimits(Long.MAX_VALUE, Long.MAX_VALUE, "NIST SP 800-38F");

    private final BlockCipherEngine engine;
    private final AesWrapVariant variant;
    private final int kekBits;

    private KeyEncryptionKey kek;
    private AesWrapOperation operation;

    /**
     * @param kekBits the KEK size this variant pins, or {@link KeySize#ANY}
     */
    AesKeyWrapCipher(ProviderContext context, BlockCipherEngine engine, AesWrapVariant variant, int kekBits) {
        super(context, variant.transformation(kekBits));
        this.engine = engine;
        this.variant = variant;
        this.kekBits = kekBits;
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
    int outputSize(int messageLength) {
        return protects(opmode()) ? operation.wrappedLength(messageLength)
                : AesWrapOperation.maxDataLength(messageLength);
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
        return KeyEncryptionKey.of(key, kekBits, KeyUse.PROCESS, name, context).sizeBytes() * 8;
    }

    @Override
    Class<IvParameterSpec> parameterSpecClass() {
        return IvParameterSpec.class;
    }

    @Override
    void init(int mode, Key key, AlgorithmParameterSpec spec, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        byte[] icv = icvFrom(spec);
        boolean protect = protects(mode);
        KeyEncryptionKey k = KeyEncryptionKey.of(key, kekBits, protect ? KeyUse.PROTECT : KeyUse.PROCESS,
                name, context);
        if (protect && k.sessionKey() != null) {
            k.sessionKey().chargeEncryption(NO_ALGORITHM_LIMIT);
        }
        this.kek = k;
        this.operation = new AesWrapOperation(engine, variant, icv);
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

    @Override
    byte[] encrypt(byte[] message) throws IllegalBlockSizeException, InvalidKeyException {
        return operation.wrap(kek, message);
    }

    @Override
    byte[] decrypt(byte[] wrapped) throws IllegalBlockSizeException, InvalidKeyException {
        String lengthProblem = operation.checkWrappedLength(wrapped.length);
        if (lengthProblem != null) {
            throw new IllegalBlockSizeException(lengthProblem);
        }
        if (operation.runsWhole()) {
            try (KeyWrapEngine.Recovered data = operation.unwrapWhole(kek, wrapped)) {
                if (data == null) {
                    throw new IllegalBlockSizeException(integrityFailure());
                }
                byte[] out = new byte[data.length()];
                data.copyTo(out, 0);
                return out;
            }
        }
        byte[] buf = wrapped.clone();
        try {
            int length = operation.unwrap(kek, buf, buf.length);
            if (length < 0) {
                throw new IllegalBlockSizeException(integrityFailure());
            }
            return Arrays.copyOfRange(buf, AesKeyWrap.SEMIBLOCK, AesKeyWrap.SEMIBLOCK + length);
        } finally {
            Zeroing.wipe(buf);
        }
    }

    private String integrityFailure() {
        return "Integrity check failed: the wrapped data was changed or truncated, or it was wrapped under"
                + " another key-encryption key or ICV";
    }

    @Override
    byte[] wrapKey(KeyToWrap toWrap) throws IllegalBlockSizeException, InvalidKeyException {
        return operation.wrap(kek, toWrap);
    }

    @Override
    Key unwrapKey(byte[] wrappedKey, KeyAlgorithm kind) throws InvalidKeyException {
        String lengthProblem = operation.checkWrappedLength(wrappedKey.length);
        if (lengthProblem != null) {
            throw new InvalidKeyException(lengthProblem);
        }
        if (operation.runsWhole()) {
            // the recovered key goes from outside the heap straight into the new key's slot
            try (KeyWrapEngine.Recovered key = operation.unwrapWhole(kek, wrappedKey)) {
                if (key == null) {
                    throw new InvalidKeyException(integrityFailure());
                }
                return newKeyFilled(kind, key.length(), key::moveTo);
            }
        }
        byte[] buf = wrappedKey.clone();
        try {
            int length = operation.unwrap(kek, buf, buf.length);
            if (length < 0) {
                throw new InvalidKeyException(integrityFailure());
            }
            return newKey(kind, buf, AesKeyWrap.SEMIBLOCK, length);
        } finally {
            Zeroing.wipe(buf);
        }
    }
}

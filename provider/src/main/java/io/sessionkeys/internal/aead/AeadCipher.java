package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.common.BufferForms;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.key.Attachment;
import io.sessionkeys.internal.key.KeyTransport;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.key.SessionKeyChecks;
import io.sessionkeys.internal.service.ProviderContext;
import io.sessionkeys.internal.service.SessionKeysCipherSpi;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidParameterSpecException;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;

/**
 * The AEAD cipher template: key plumbing, nonces, usage charging and the state contract that
 * every AEAD service shares; leaf classes only name the algorithm, its key and its parameters.
 *
 * <p>The contract (SunJCE's where JCA is silent): AAD only before data; encryption streams and
 * ends with the tag, after which the object refuses use until re-initialized with a new nonce;
 * decryption holds all ciphertext and releases plaintext only after a constant-time tag check
 * ({@link AeadMessage}). A nonce never encrypts twice under one key ({@link NonceLedger}).
 * Every step reads the key through its gate, which fails with {@link IllegalStateException}
 * naming the reason if the key was destroyed or expired meanwhile; no step writes output
 * before passing the gate.
 *
 * <p>The {@code SecureRandom} passed to {@code init} is not used: provider-made nonces are
 * constructed (unique by counting), and only their per-key fixed field is random, drawn once from
 * the provider's own {@code SecureRandom}.
 */
public abstract class AeadCipher extends SessionKeysCipherSpi {

    private final ProviderContext context;
    private final AeadEngine engine;
    private byte[] nonce;
    /** The message in progress: {@link #messages} once initialized, null otherwise. */
    private AeadMessage message;
    /** Made at the first init and reused by every later one. */
    private AeadMessage messages;

    protected AeadCipher(ProviderContext context, AeadEngine engine) {
        this.context = context;
        this.engine = engine;
    }

    /** The engine, for a leaf's nonce-length check. */
    protected final AeadEngine engine() {
        return engine;
    }

    // ---- what a leaf says about its algorithm ----

    /** The service name for messages, such as "AES/GCM/NoPadding". */
    protected abstract String serviceName();

    /** The key algorithm this cipher takes ("AES", "ChaCha20"). */
    protected abstract String keyAlgorithm();

    /** Refuses a key of the wrong length, as SunJCE does. */
    protected abstract void checkKeyLength(int bytes) throws InvalidKeyException;

    /** Reads the caller's parameter spec, or refuses it. */
    protected abstract AeadParameters readSpec(AlgorithmParameterSpec spec) throws InvalidAlgorithmParameterException;

    /** The spec class that {@link AlgorithmParameters} are read as. */
    protected abstract Class<? extends AlgorithmParameterSpec> specClass();

    /** The spec that {@code getParameters} reports. */
    protected abstract AlgorithmParameterSpec toSpec(byte[] nonce, int tagLength);

    /** The {@link AlgorithmParameters} algorithm ("GCM", "ChaCha20-Poly1305"). */
    protected abstract String parametersAlgorithm();

    /** The per-key nonce ledger this algorithm shares across all its services. */
    protected abstract Attachment<NonceLedger> ledger();

    /** The algorithm's per-key usage limits, with their source ({@link AeadLimits}). */
    protected abstract SafetyLimits limits();

    /** The most plaintext one message may have. */
    protected abstract long maxMessageBytes();

    /** The mode name {@code engineSetMode} accepts ("GCM"; "None" for ChaCha20-Poly1305). */
    protected abstract String modeName();

    // ---- init ----

    @Override
    protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
        release();
        try {
            initialize(opmode, key, null);
        } catch (InvalidAlgorithmParameterException e) {
            throw new ProviderException("no parameters were given, yet they were refused", e);
        }
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        release();
        initialize(opmode, key, params == null ? null : readSpec(params));
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        release();
        AeadParameters read = null;
        if (params != null) {
            try {
                read = readSpec(params.getParameterSpec(specClass()));
            } catch (InvalidParameterSpecException e) {
                throw new InvalidAlgorithmParameterException(serviceName() + " needs " + parametersAlgorithm()
                        + " parameters (" + specClass().getSimpleName() + "), not " + params.getAlgorithm(), e);
            }
        }
        initialize(opmode, key, read);
    }

    private void initialize(int opmode, Key key, AeadParameters params)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        boolean encrypting = isEncryptMode(opmode);
        ManagedSessionKey k = SessionKeyChecks.require(key, keyAlgorithm(), serviceName());
        checkKeyLength(k.materialLength());
        k.checkUsable(encrypting ? KeyUse.PROTECT : KeyUse.PROCESS);
        byte[] n;
        int tagLength;
        if (params == null) {
            if (!encrypting) {
                throw new InvalidKeyException(serviceName() + " cannot decrypt without the nonce (IV) used to"
                        + " encrypt: init with " + specClass().getSimpleName() + " or the encryptor's getParameters()");
            }
            n = k.attachment(ledger()).next(context.random());
            tagLength = AeadMessage.FULL_TAG_LENGTH;
        } else {
            n = params.nonce();
            tagLength = params.tagLength();
            if (encrypting) {
                k.attachment(ledger()).reserve(n, serviceName());
            }
        }
        if (encrypting) {
            k.chargeEncryption(limits());
        }
        if (messages == null) {
            messages = new AeadMessage(engine, limits(), maxMessageBytes());
        }
        messages.begin(k, n, tagLength, encrypting);
        this.nonce = n;
        this.message = messages;
    }

    private boolean isEncryptMode(int opmode) {
        switch (opmode) {
            case Cipher.ENCRYPT_MODE:
                return true;
            case Cipher.DECRYPT_MODE:
                return false;
            case Cipher.WRAP_MODE:
            case Cipher.UNWRAP_MODE:
                if (!wrapsKeys()) {
                    throw new UnsupportedOperationException("WRAP_MODE and UNWRAP_MODE are not currently supported"
                            + " by " + serviceName() + " (as in SunJCE)");
                }
                return opmode == Cipher.WRAP_MODE;
            default:
                throw new InvalidParameterException("unknown opmode " + opmode);
        }
    }

    /**
     * Forgets the message in progress, zeroing its state, before any new init is checked: a
     * refused init leaves nothing of the previous message behind (JCA then treats the cipher as
     * uninitialized).
     */
    private void release() {
        if (message != null) {
            message.close();
            message = null;
        }
        nonce = null;
    }

    /** Whether WRAP_MODE and UNWRAP_MODE work, as SunJCE allows them for AES-GCM. */
    protected boolean wrapsKeys() {
        return false;
    }

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        return KeyTransport.wrap(key, serviceName(), plain -> engineDoFinal(plain, 0, plain.length));
    }

    @Override
    protected Key engineUnwrap(byte[] wrapped, String algorithm, int type) throws InvalidKeyException,
            NoSuchAlgorithmException {
        return KeyTransport.unwrap(context, wrapped, algorithm, type, serviceName(), null, null,
                in -> engineDoFinal(in, 0, in.length));
    }

    // ---- data ----

    private AeadMessage message() {
        if (message == null) {
            throw new IllegalStateException(serviceName() + " is not initialized");
        }
        return message;
    }

    @Override
    protected void engineUpdateAAD(byte[] src, int offset, int len) {
        message().updateAad(src, offset, len);
    }

    @Override
    protected void engineUpdateAAD(ByteBuffer src) {
        int len = src.remaining();
        if (src.hasArray()) {
            message().updateAad(src.array(), src.arrayOffset() + src.position(), len);
            src.position(src.limit());
            return;
        }
        byte[] copy = new byte[len];
        try {
            src.duplicate().get(copy);
            message().updateAad(copy, 0, len);
            src.position(src.limit());
        } finally {
            Zeroing.wipe(copy);
        }
    }

    @Override
    protected byte[] engineUpdate(byte[] input, int offset, int len) {
        AeadMessage m = message();
        byte[] out = new byte[m.updateOutputSize(len)];
        try {
            m.update(input, offset, len, out, 0);
        } catch (ShortBufferException e) {
            throw new ProviderException("output sized by updateOutputSize was too short", e);
        }
        return out;
    }

    @Override
    protected int engineUpdate(byte[] input, int offset, int len, byte[] output, int outOffset)
            throws ShortBufferException {
        return message().update(input, offset, len, output, outOffset);
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int offset, int len) throws AEADBadTagException {
        AeadMessage m = message();
        byte[] out = new byte[m.finalOutputSize(len)];
        try {
            m.doFinal(input, offset, len, out, 0);
        } catch (ShortBufferException e) {
            throw new ProviderException("output sized by finalOutputSize was too short", e);
        }
        return out;
    }

    @Override
    protected int engineDoFinal(byte[] input, int offset, int len, byte[] output, int outOffset)
            throws ShortBufferException, AEADBadTagException {
        return message().doFinal(input, offset, len, output, outOffset);
    }

    @Override
    protected int engineUpdate(ByteBuffer input, ByteBuffer output) throws ShortBufferException {
        try {
            return BufferForms.run(input, output, message().updateOutputSize(input.remaining()), message()::update);
        } catch (IllegalBlockSizeException | BadPaddingException e) {
            throw new ProviderException("update never checks a tag", e);
        }
    }

    @Override
    protected int engineDoFinal(ByteBuffer input, ByteBuffer output) throws ShortBufferException,
            IllegalBlockSizeException, BadPaddingException {
        AeadMessage m = message();
        if (m.finishesByAddress(input, output)) {
            return m.doFinal(input, output);
        }
        // the step throws only AEADBadTagException (a BadPaddingException) besides ShortBufferException
        return BufferForms.run(input, output, message().finalOutputSize(input.remaining()), message()::doFinal);
    }

    // ---- queries ----

    @Override
    protected int engineGetOutputSize(int inputLen) {
        return message().finalOutputSize(inputLen);
    }

    @Override
    protected byte[] engineGetIV() {
        return nonce == null ? null : nonce.clone();
    }

    /** The parameters of the current message; {@code null} before init (no key, so no nonce yet). */
    @Override
    protected AlgorithmParameters engineGetParameters() {
        if (nonce == null) {
            return null;
        }
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance(parametersAlgorithm());
            params.init(toSpec(nonce.clone(), message.tagLength()));
            return params;
        } catch (GeneralSecurityException e) {
            throw new ProviderException("cannot encode " + parametersAlgorithm() + " parameters", e);
        }
    }

    @Override
    protected int engineGetKeySize(Key key) throws InvalidKeyException {
        ManagedSessionKey k = SessionKeyChecks.require(key, keyAlgorithm(), serviceName());
        return k.materialLength() * 8;
    }

    @Override
    protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
        if (!modeName().equalsIgnoreCase(mode)) {
            throw new NoSuchAlgorithmException(serviceName() + " supports only mode " + modeName() + ", not " + mode);
        }
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
        if (!"NoPadding".equalsIgnoreCase(padding)) {
            throw new NoSuchPaddingException(serviceName() + " supports only NoPadding, not " + padding);
        }
    }
}

package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.common.BufferForms;
import io.sessionkeys.internal.common.Errors;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.common.ZeroingBuffer;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.key.KeyToWrap;
import io.sessionkeys.internal.key.UnwrappedKeys;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidParameterSpecException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import io.sessionkeys.internal.service.SessionKeysCipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;

/**
 * A {@code Cipher} that transforms one whole message at a time: WRAP/UNWRAP of session keys,
 * and ENCRYPT/DECRYPT of messages collected (in a zeroing buffer) until {@code doFinal}. This
 * class owns the JCA plumbing (the three {@code engineInit} forms, the mode checks, every
 * {@code update}/{@code doFinal} form including {@code ByteBuffer}s through zeroed copies, and the
 * zeroing of each intermediate copy); a subclass supplies only its algorithm:
 *
 * <ul>
 *   <li>{@link #init}: check the key and the algorithm's parameters and keep them (state is
 *       set only after every check passed);
 *   <li>{@link #encrypt}/{@link #decrypt}: the whole-message transforms;
 *   <li>{@link #wrapKey}/{@link #unwrapKey}: the same transforms on key bytes, which must end in
 *       {@link #newKey} (the unwrapped key gets the caller's policy and scope);
 *   <li>{@link #outputSize} (and {@link #finalRoom} when doFinal needs less room than that),
 *       {@link #parameterSpecClass}, and the {@code CipherSpi} queries of its own (mode, padding,
 *       block size, IV, parameters, key size).
 * </ul>
 */
abstract class WholeMessageCipher extends SessionKeysCipherSpi {

    final ProviderContext context;
    /** The transformation, for messages. */
    final String name;

    private int opmode; // 0 until initialized
    private WrapParameters parameters;
    private final ZeroingBuffer buffered = new ZeroingBuffer();

    WholeMessageCipher(ProviderContext context, String name) {
        this.context = context;
        this.name = name;
    }

    // ---- what a subclass supplies ----

    /** The spec {@code engineInit(AlgorithmParameters)} asks the parameters for. */
    abstract Class<? extends AlgorithmParameterSpec> parameterSpecClass();

    /**
     * Checks {@code key} and the algorithm's own parameters ({@code null} for its defaults) for
     * {@code opmode}, and keeps them; throws before changing any state.
     */
    abstract void init(int opmode, Key key, AlgorithmParameterSpec spec, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException;

    /** The ciphertext of a whole message; the caller zeroes {@code message}. */
    abstract byte[] encrypt(byte[] message) throws IllegalBlockSizeException, InvalidKeyException;

    /** The plaintext of a whole ciphertext; the caller zeroes {@code message} (and the result, once copied). */
    abstract byte[] decrypt(byte[] message) throws IllegalBlockSizeException, BadPaddingException,
            InvalidKeyException;

    /** The wrapped form of a key's bytes (export is recorded by the caller once this returns). */
    abstract byte[] wrapKey(KeyToWrap key) throws IllegalBlockSizeException, InvalidKeyException;

    /** The session key inside {@code wrapped}, made with {@link #newKey}. */
    abstract Key unwrapKey(byte[] wrapped, KeyAlgorithm kind) throws InvalidKeyException;

    /** {@code engineGetOutputSize} for a message of {@code messageLength} bytes in the current mode. */
    abstract int outputSize(int messageLength);

    /** The output room doFinal requires (before any work, so that a caller can retry); {@link #outputSize} by default. */
    int finalRoom(int messageLength) {
        return outputSize(messageLength);
    }

    // ---- for subclasses ----

    final int opmode() {
        return opmode;
    }

    static boolean protects(int opmode) {
        return opmode == Cipher.ENCRYPT_MODE || opmode == Cipher.WRAP_MODE;
    }

    /** A session key from {@code length} recovered bytes, with the policy and scope the caller passed at init. */
    final Key newKey(KeyAlgorithm kind, byte[] recovered, int offset, int length) throws InvalidKeyException {
        return UnwrappedKeys.make(context, kind, recovered, offset, length, parameters.policy(), parameters.scope());
    }

    /** As {@link #newKey}, for {@code length} bytes that {@code fill} writes straight into the new key's off-heap slot. */
    final Key newKeyFilled(KeyAlgorithm kind, int length, java.util.function.Consumer<ByteBuffer> fill)
            throws InvalidKeyException {
        return UnwrappedKeys.makeFilled(context, kind, length, fill, parameters.policy(), parameters.scope());
    }

    // ---- the JCA plumbing ----

    @Override
    protected final int engineGetOutputSize(int inputLen) {
        return outputSize(Math.addExact(buffered.length(), inputLen));
    }

    @Override
    protected final void engineInit(int mode, Key key, SecureRandom random) throws InvalidKeyException {
        try {
            engineInit(mode, key, (AlgorithmParameterSpec) null, random);
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("default parameters were refused", e);
        }
    }

    @Override
    protected final void engineInit(int mode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        AlgorithmParameterSpec spec = null;
        if (params != null) {
            try {
                spec = params.getParameterSpec(parameterSpecClass());
            } catch (InvalidParameterSpecException e) {
                throw new InvalidAlgorithmParameterException(name + " accepts only parameters of "
                        + parameterSpecClass().getSimpleName(), e);
            }
        }
        engineInit(mode, key, spec, random);
    }

    @Override
    protected final void engineInit(int mode, Key key, AlgorithmParameterSpec spec, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        WrapParameters p = WrapParameters.from(spec);
        init(mode, key, p.cipherParameters(), random);
        this.opmode = mode;
        this.parameters = p;
        buffered.clear();
    }

    @Override
    protected final byte[] engineUpdate(byte[] input, int offset, int length) {
        requireData();
        buffered.append(input, offset, length);
        return new byte[0];
    }

    @Override
    protected final int engineUpdate(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        requireData();
        buffered.append(input, offset, length);
        return 0;
    }

    @Override
    protected final byte[] engineDoFinal(byte[] input, int offset, int length) throws IllegalBlockSizeException,
            BadPaddingException {
        requireData();
        buffered.append(input, offset, length);
        byte[] message = buffered.take();
        try {
            return opmode == Cipher.ENCRYPT_MODE ? encrypt(message) : decrypt(message);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            Zeroing.wipe(message);
        }
    }

    @Override
    protected final int engineDoFinal(byte[] input, int offset, int length, byte[] output, int outputOffset)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        requireData();
        int needed = finalRoom(Math.addExact(buffered.length(), length));
        if (output.length - outputOffset < needed) {
            throw Errors.shortBuffer(needed, output.length - outputOffset);
        }
        byte[] result = engineDoFinal(input, offset, length);
        try {
            System.arraycopy(result, 0, output, outputOffset, result.length);
            return result.length;
        } finally {
            Zeroing.wipe(result);
        }
    }

    @Override
    protected final byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        requireMode(Cipher.WRAP_MODE, "wrapping (WRAP_MODE)");
        try (KeyToWrap toWrap = KeyToWrap.of(key, name)) {
            byte[] wrapped = wrapKey(toWrap);
            boolean done = false;
            try {
                toWrap.recordExport(name);
                done = true;
                return wrapped;
            } finally {
                if (!done) {
                    Zeroing.wipe(wrapped);
                }
            }
        }
    }

    @Override
    protected final Key engineUnwrap(byte[] wrappedKey, String algorithm, int type) throws InvalidKeyException,
            NoSuchAlgorithmException {
        requireMode(Cipher.UNWRAP_MODE, "unwrapping (UNWRAP_MODE)");
        return unwrapKey(wrappedKey, UnwrappedKeys.kindOf(algorithm, type, name));
    }

    // CipherSpi's ByteBuffer defaults would leave heap copies of key data unzeroed.

    @Override
    protected final int engineUpdate(ByteBuffer input, ByteBuffer output) {
        try {
            return BufferForms.run(input, output, 0, this::engineUpdate);
        } catch (ShortBufferException | IllegalBlockSizeException | BadPaddingException impossible) {
            throw new ProviderException("update only collects the message", impossible);
        }
    }

    @Override
    protected final int engineDoFinal(ByteBuffer input, ByteBuffer output) throws ShortBufferException,
            IllegalBlockSizeException, BadPaddingException {
        requireData();
        int needed = finalRoom(Math.addExact(buffered.length(), input.remaining()));
        return BufferForms.run(input, output, needed, this::engineDoFinal);
    }

    private void requireData() {
        if (opmode != Cipher.ENCRYPT_MODE && opmode != Cipher.DECRYPT_MODE) {
            throw new IllegalStateException(name + " is not initialized for encryption or decryption");
        }
    }

    private void requireMode(int expected, String what) {
        if (opmode != expected) {
            throw new IllegalStateException(name + " is not initialized for " + what);
        }
    }
}

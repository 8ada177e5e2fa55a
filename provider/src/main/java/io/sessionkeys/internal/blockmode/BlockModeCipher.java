package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.common.Errors;
import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.Precomputation;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.key.SessionKeyChecks;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;

/**
 * The plumbing every AES block-mode cipher shares: opmode, key handle, IV, usage charging, the
 * key gate, output-buffer checks and overlapping buffers. A mode subclass supplies only the
 * arithmetic of its mode ({@link #processUpdate}, {@link #processFinal}) and its output sizes.
 *
 * <p>Every update and doFinal runs inside {@link ManagedSessionKey#withMaterial}: a key destroyed
 * or expired since {@code init} stops the call with {@link IllegalStateException} before a byte
 * is written.
 */
abstract class BlockModeCipher extends BufferFormsCipherSpi {

    static final int BLOCK = BlockCipherEngine.BLOCK_SIZE;

    final ProviderContext context;
    final BlockCipherEngine engine;
    private final String mode;
    private final String padding;
    private final int keyBits;

    private ManagedSessionKey key;
    /** Whether the object encrypts; meaningful once {@link #key} is set. */
    boolean encrypting;
    private byte[] iv;
    /** An encryption under {@link #iv} has finished: the IV must not be used again. */
    private boolean ivSpent;
    /** The current encryption is charged to the key (at init, or when the next ECB message starts). */
    private boolean messageCharged;

    /**
     * @param keyBits the key size this variant pins, or {@link KeySize#ANY}
     */
    BlockModeCipher(ProviderContext context, BlockCipherEngine engine, String mode, String padding,
            int keyBits) {
        this.context = context;
        this.engine = engine;
        this.mode = mode;
        this.padding = padding;
        this.keyBits = keyBits;
    }

    // ---- what a mode decides ----

    /** Whether the mode takes a 16-byte IV (CBC, CTR) or none (ECB). */
    abstract boolean usesIv();

    /** The mode's own per-key usage limits. */
    abstract SafetyLimits limits();

    /** A provider-made IV for a new encryption under {@code key}. */
    abstract byte[] newIv(ManagedSessionKey key, SecureRandom random) throws InvalidKeyException;

    /** Starts a message under {@code iv} (null for ECB), wiping whatever the last one left. */
    abstract void startMessage(byte[] iv, boolean providerMadeIv);

    /** Wipes every secret the mode holds between calls (partial blocks, keystream). */
    abstract void wipe();

    /** Refuses an update of {@code inputLen} bytes the mode cannot take; called before anything changes. */
    void checkUpdate(int inputLen) {
    }

    /** Refuses a doFinal of {@code inputLen} more bytes that cannot make a message; changes nothing. */
    abstract void checkFinal(int inputLen) throws IllegalBlockSizeException;

    /** Whether an update may write its output exactly over its input (same array, same offset) now. */
    abstract boolean inPlaceSafe();

    /** The schedule the mode reads: the encryption schedule unless it runs the inverse cipher. */
    Precomputation schedule() {
        return engine.encryptSchedule();
    }

    abstract int processUpdate(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff);

    /**
     * Ends the message. May throw {@link ShortBufferException} only before changing any state,
     * when {@code outCapacity} is less than the exact output.
     */
    abstract int processFinal(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff,
            int outCapacity) throws ShortBufferException, BadPaddingException;

    // ---- naming ----

    private String transformation() {
        return KeySize.aesTransformation(keyBits, mode, padding);
    }

    @Override
    protected void engineSetMode(String requested) throws NoSuchAlgorithmException {
        if (!mode.equalsIgnoreCase(requested)) {
            throw new NoSuchAlgorithmException(transformation() + " supports only mode " + mode + ", not " + requested);
        }
    }

    @Override
    protected void engineSetPadding(String requested) throws NoSuchPaddingException {
        if (!padding.equalsIgnoreCase(requested)) {
            throw new NoSuchPaddingException(transformation() + " supports only padding " + padding + ", not "
                    + requested);
        }
    }

    @Override
    protected int engineGetBlockSize() {
        return BLOCK;
    }

    @Override
    protected int engineGetKeySize(Key k) throws InvalidKeyException {
        return SessionKeyChecks.require(k, "AES", transformation()).keySizeBits();
    }

    // ---- init ----

    @Override
    protected void engineInit(int opmode, Key k, SecureRandom random) throws InvalidKeyException {
        try {
            init(opmode, k, null);
        } catch (InvalidAlgorithmParameterException e) {
            throw new InvalidKeyException(e.getMessage(), e); // SunJCE's type for "Parameters missing"
        }
    }

    @Override
    protected void engineInit(int opmode, Key k, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        init(opmode, k, IvParameters.ivOf(params, transformation()));
    }

    @Override
    protected void engineInit(int opmode, Key k, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        init(opmode, k, IvParameters.ivOf(params, transformation()));
    }

    private void init(int opmode, Key k, byte[] givenIv) throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (opmode == Cipher.WRAP_MODE || opmode == Cipher.UNWRAP_MODE) {
            throw new UnsupportedOperationException(transformation() + " does not wrap keys in SessionKeys: use"
                    + " AES/KW/NoPadding or AES/KWP/NoPadding");
        }
        wipe(); // whatever a previous message left goes now, even if this init fails
        boolean encrypt = opmode == Cipher.ENCRYPT_MODE;
        ManagedSessionKey candidate = SessionKeyChecks.require(k, "AES", transformation());
        checkKeyLength(candidate.materialLength());
        candidate.checkUsable(encrypt ? KeyUse.PROTECT : KeyUse.PROCESS);
        if (!usesIv() && givenIv != null) {
            throw new InvalidAlgorithmParameterException(mode + " mode cannot use IV");
        }
        if (usesIv() && givenIv == null && !encrypt) {
            throw new InvalidAlgorithmParameterException("Parameters missing: " + transformation()
                    + " decryption needs the IV the encryption used");
        }
        if (givenIv != null && givenIv.length != BLOCK) {
            throw new InvalidAlgorithmParameterException("Wrong IV length: must be " + BLOCK + " bytes long, not "
                    + givenIv.length);
        }
        if (encrypt) {
            candidate.chargeEncryption(limits());
        }
        boolean providerMade = usesIv() && givenIv == null;
        byte[] chosen = providerMade ? newIv(candidate, context.random()) : givenIv == null ? null : givenIv.clone();
        this.key = candidate;
        this.encrypting = encrypt;
        this.iv = chosen;
        this.ivSpent = false;
        this.messageCharged = encrypt;
        startMessage(chosen, providerMade);
    }

    private void checkKeyLength(int length) throws InvalidKeyException {
        if (!KeySize.fits(keyBits, length)) {
            throw new InvalidKeyException(transformation() + " needs a " + keyBits + "-bit key, not a "
                    + length * 8 + "-bit key");
        }
        if (length != 16 && length != 24 && length != 32) {
            throw new InvalidKeyException("Invalid AES key length: " + length + " bytes (must be 16, 24 or 32)");
        }
    }

    // ---- parameters ----

    @Override
    protected byte[] engineGetIV() {
        return iv == null ? null : iv.clone();
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        return iv == null ? null : IvParameters.of(iv);
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        requireInitialized();
        return finalOutputLength(Math.max(inputLen, 0));
    }

    // ---- data ----

    @Override
    protected int engineUpdate(byte[] in, int inOff, int len, byte[] out, int outOff) throws ShortBufferException {
        requireReady();
        int needed = updateOutputLength(len);
        if (out == null || out.length - outOff < needed) {
            throw Errors.shortBuffer(needed, out == null ? 0 : out.length - outOff);
        }
        checkUpdate(len);
        byte[] source = overlaps(in, inOff, len, out, outOff, needed) ? Arrays.copyOfRange(in, inOff,
                inOff + len) : in;
        int sourceOff = source == in ? inOff : 0;
        try {
            return key.withMaterial(use(), schedule(), schedule -> {
                chargeStart(len);
                return processUpdate(schedule, source, sourceOff, len, out, outOff);
            });
        } finally {
            if (source != in) {
                Zeroing.wipe(source);
            }
        }
    }

    @Override
    protected int engineDoFinal(byte[] in, int inOff, int len, byte[] out, int outOff)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        requireReady();
        byte[] input = in == null ? new byte[0] : in;
        checkFinal(len);
        int minimum = finalOutputMinimum(len);
        int capacity = out == null ? 0 : out.length - outOff;
        if (capacity < minimum) {
            throw Errors.shortBuffer(minimum, capacity);
        }
        byte[] source = overlaps(input, inOff, len, out, outOff, finalOutputLength(len))
                ? Arrays.copyOfRange(input, inOff, inOff + len) : input;
        int sourceOff = source == input ? inOff : 0;
        boolean finished = false;
        try {
            int n = key.withMaterial(use(), schedule(), schedule -> {
                chargeStart(len);
                return processFinal(schedule, source, sourceOff, len, out, outOff, capacity);
            });
            finished = true;
            return n;
        } catch (BadPaddingException e) {
            finished = true; // the message is consumed: start over, as after a successful doFinal
            throw e;
        } catch (ShortBufferException | RuntimeException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new ProviderException(e);
        } finally {
            if (source != input) {
                Zeroing.wipe(source);
            }
            if (finished) {
                endMessage();
            }
        }
    }

    /** After doFinal: nothing secret stays; decryption restarts under the same IV, encryption needs a new one. */
    private void endMessage() {
        wipe();
        if (encrypting) {
            messageCharged = false;
            ivSpent = usesIv();
        }
        startMessage(iv, false);
    }

    /** Charges the key before output: a new ECB message on a reused object, then the bytes. */
    private void chargeStart(int len) {
        if (!encrypting) {
            return;
        }
        if (!messageCharged) {
            try {
                key.chargeEncryption(limits());
            } catch (InvalidKeyException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            messageCharged = true;
        }
        key.chargeBytes(len, limits());
    }

    private KeyUse use() {
        return encrypting ? KeyUse.PROTECT : KeyUse.PROCESS;
    }

    private void requireInitialized() {
        if (key == null) {
            throw new IllegalStateException("Cipher not initialized");
        }
    }

    @Override
    void requireReady() {
        requireInitialized();
        if (ivSpent) {
            throw new IllegalStateException(transformation() + " has finished an encryption under this IV;"
                    + " call init again (without parameters for a fresh provider-made IV): reusing an IV "
                    + ("CTR".equals(mode) ? "repeats the keystream" : "reveals equal message prefixes"));
        }
    }

    /** Whether writing {@code outLen} bytes at {@code outOff} could clobber input not yet read. */
    private boolean overlaps(byte[] in, int inOff, int len, byte[] out, int outOff, int outLen) {
        if (in != out || len == 0 || outLen == 0) {
            return false;
        }
        if (inOff == outOff && inPlaceSafe()) {
            return false;
        }
        return outOff < inOff + len && inOff < outOff + outLen;
    }

    @Override
    public String toString() {
        return "SessionKeys " + transformation() + (key == null ? " (not initialized)"
                : (encrypting ? " encrypting" : " decrypting") + " with " + key);
    }
}

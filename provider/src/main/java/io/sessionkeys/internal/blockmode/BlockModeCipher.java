package io.sessionkeys.internal.blockmode;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.SessionKeyUnwrapSpec;
import io.sessionkeys.internal.common.Errors;
import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.KeyTransport;
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
    /** Initialized for WRAP_MODE or UNWRAP_MODE: data goes through only inside wrap and unwrap. */
    private boolean keyMode;
    /** Inside wrap or unwrap, where the key's bytes go through doFinal. */
    private boolean keyOperation;
    /** From a {@link SessionKeyUnwrapSpec}: the unwrapped key's policy and scope, or null for the defaults. */
    private KeyPolicy unwrapPolicy;
    private KeyScope unwrapScope;
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
        AlgorithmParameterSpec own = params;
        unwrapPolicy = null;
        unwrapScope = null;
        if (params instanceof SessionKeyUnwrapSpec) { // what an unwrapped key gets, around the IV
            SessionKeyUnwrapSpec u = (SessionKeyUnwrapSpec) params;
            if (u.scope() != null && u.scope().isClosed()) {
                throw new InvalidAlgorithmParameterException("the SessionKeyUnwrapSpec's KeyScope is already closed");
            }
            unwrapPolicy = u.policy();
            unwrapScope = u.scope();
            own = u.cipherParameters();
        }
        init(opmode, k, IvParameters.ivOf(own, transformation()));
    }

    @Override
    protected void engineInit(int opmode, Key k, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        init(opmode, k, IvParameters.ivOf(params, transformation()));
    }

    private void init(int opmode, Key k, byte[] givenIv) throws InvalidKeyException, InvalidAlgorithmParameterException {
        wipe(); // whatever a previous message left goes now, even if this init fails
        // WRAP_MODE encrypts a key's bytes and UNWRAP_MODE decrypts them, as in SunJCE
        boolean encrypt = opmode == Cipher.ENCRYPT_MODE || opmode == Cipher.WRAP_MODE;
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
        this.keyMode = opmode == Cipher.WRAP_MODE || opmode == Cipher.UNWRAP_MODE;
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

    // ---- direct buffers ----

    /** Whether this call can go to the engine by address: both buffers direct, an engine that takes them. */
    boolean byAddress(ByteBuffer input, ByteBuffer output) {
        return false;
    }

    /**
     * The mode's {@link #processUpdate} on direct buffers (indices, not positions); called only
     * where {@link #byAddress} said yes, inside the gate. The two buffers may be views of one
     * memory, overlapping in any way.
     */
    int processDirect(ByteBuffer schedule, ByteBuffer in, int inIndex, int len, ByteBuffer out, int outIndex) {
        throw new UnsupportedOperationException("no direct-buffer form");
    }

    /**
     * The mode's {@link #processFinal} on direct buffers, as {@link #processDirect}; the output
     * has room for {@link #finalOutputLength}. A stream mode ends as it updates.
     */
    int processDirectFinal(ByteBuffer schedule, ByteBuffer in, int inIndex, int len, ByteBuffer out, int outIndex)
            throws BadPaddingException {
        return processDirect(schedule, in, inIndex, len, out, outIndex);
    }

    @Override
    protected int engineUpdate(ByteBuffer input, ByteBuffer output) throws ShortBufferException {
        if (!byAddress(input, output)) {
            return super.engineUpdate(input, output);
        }
        requireReady();
        int len = input.remaining();
        checkDirectOutput(output, updateOutputLength(len));
        checkUpdate(len);
        try {
            return direct(input, output, len, false);
        } catch (BadPaddingException impossible) {
            throw new ProviderException("update cannot end a message", impossible);
        }
    }

    /**
     * By address when the output has room for the most the call can write; otherwise through the
     * array form, which refuses a short output, or for a padded decryption that may fit, decrypts
     * through scratch so that a ShortBufferException still leaves the message as it was. The checks
     * come in the array form's order: room, read-only output, then the message's length.
     */
    @Override
    protected int engineDoFinal(ByteBuffer input, ByteBuffer output)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        if (!byAddress(input, output) || output.remaining() < finalOutputLength(input.remaining())) {
            return super.engineDoFinal(input, output);
        }
        requireReady();
        int len = input.remaining();
        checkDirectOutput(output, finalOutputLength(len));
        checkFinal(len);
        boolean finished = false;
        try {
            int n = direct(input, output, len, true);
            finished = true;
            return n;
        } catch (BadPaddingException e) {
            finished = true; // the message is consumed, as in the array form
            throw e;
        } finally {
            if (finished) {
                endMessage();
            }
        }
    }

    private static void checkDirectOutput(ByteBuffer output, int needed) throws ShortBufferException {
        if (output.remaining() < needed) {
            throw Errors.shortBuffer(needed, output.remaining());
        }
        if (output.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
    }

    /** Runs the remaining input into the output by address; positions move only on success. */
    private int direct(ByteBuffer input, ByteBuffer output, int len, boolean last) throws BadPaddingException {
        int inIndex = input.position();
        int outIndex = output.position();
        int n = key.withMaterial(use(), schedule(), schedule -> {
            chargeStart(len);
            return last ? processDirectFinal(schedule, input, inIndex, len, output, outIndex)
                    : processDirect(schedule, input, inIndex, len, output, outIndex);
        });
        input.position(inIndex + len);
        output.position(outIndex + n);
        return n;
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
        if (keyMode && !keyOperation) {
            throw new IllegalStateException("Cipher not initialized for encryption/decryption: " + transformation()
                    + " was initialized to " + (encrypting ? "wrap" : "unwrap") + " keys");
        }
        if (ivSpent) {
            throw new IllegalStateException(transformation() + " has finished an encryption under this IV;"
                    + " call init again (without parameters for a fresh provider-made IV): reusing an IV "
                    + ("CTR".equals(mode) ? "repeats the keystream" : "reveals equal message prefixes"));
        }
    }

    // ---- keys ----

    @Override
    protected byte[] engineWrap(Key toWrap) throws IllegalBlockSizeException, InvalidKeyException {
        if (key == null || !keyMode || !encrypting) {
            throw new IllegalStateException("Cipher not initialized for wrapping keys");
        }
        keyOperation = true;
        try {
            return KeyTransport.wrap(toWrap, transformation(), plain -> engineDoFinal(plain, 0, plain.length));
        } finally {
            keyOperation = false;
        }
    }

    @Override
    protected Key engineUnwrap(byte[] wrapped, String algorithm, int type) throws InvalidKeyException,
            NoSuchAlgorithmException {
        if (key == null || !keyMode || encrypting) {
            throw new IllegalStateException("Cipher not initialized for unwrapping keys");
        }
        keyOperation = true;
        try {
            return KeyTransport.unwrap(context, wrapped, algorithm, type, transformation(), unwrapPolicy,
                    unwrapScope, in -> engineDoFinal(in, 0, in.length));
        } finally {
            keyOperation = false;
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

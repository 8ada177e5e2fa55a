package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.Precomputation;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.key.SessionKeys;
import io.sessionkeys.internal.provider.ProviderContext;
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
import java.security.spec.InvalidParameterSpecException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;

/**
 * The plumbing every AES block-mode cipher shares: opmode, key handle, IV, usage charging, the
 * key gate, output-buffer checks and overlapping buffers. A mode subclass supplies only the
 * arithmetic of its mode ({@link #processUpdate}, {@link #processFinal}) and its output sizes.
 *
 * <p>Every update and doFinal runs inside {@link ManagedSessionKey#withMaterial}: a key destroyed
 * or expired since {@code init} stops the call with {@link IllegalStateException} before a byte
 * is written.
 */
abstract class BlockModeCipher extends CipherSpi {

    static final int BLOCK = BlockCipherEngine.BLOCK_SIZE;

    final ProviderContext context;
    final BlockCipherEngine engine;
    private final String mode;
    private final String padding;
    private final int fixedKeyBytes;

    private ManagedSessionKey key;
    /** Whether the object encrypts; meaningful once {@link #key} is set. */
    boolean encrypting;
    private byte[] iv;
    /** An encryption under {@link #iv} has finished: the IV must not be used again. */
    private boolean ivSpent;
    /** The current encryption is charged to the key (at init, or when the next ECB message starts). */
    private boolean messageCharged;

    /**
     * @param fixedKeyBytes the only key length this variant accepts, or 0 for any AES key length
     */
    BlockModeCipher(ProviderContext context, BlockCipherEngine engine, String mode, String padding,
            int fixedKeyBytes) {
        this.context = context;
        this.engine = engine;
        this.mode = mode;
        this.padding = padding;
        this.fixedKeyBytes = fixedKeyBytes;
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

    /** The exact number of bytes an update with {@code inputLen} more bytes outputs. */
    abstract int updateOutputLength(int inputLen);

    /** The bytes a doFinal with {@code inputLen} more bytes outputs: exact, or for padded decryption an upper bound. */
    abstract int finalOutputLength(int inputLen);

    /** The fewest output bytes a doFinal with {@code inputLen} more bytes can need. */
    int finalOutputMinimum(int inputLen) {
        return finalOutputLength(inputLen);
    }

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
        String size = fixedKeyBytes == 0 ? "AES" : "AES_" + fixedKeyBytes * 8;
        return size + "/" + mode + "/" + padding;
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
        return SessionKeys.require(k, "AES", transformation()).keySizeBits();
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
        if (params != null && !(params instanceof IvParameterSpec)) {
            throw new InvalidAlgorithmParameterException(transformation() + " takes an IvParameterSpec, not "
                    + params.getClass().getName());
        }
        init(opmode, k, params == null ? null : ((IvParameterSpec) params).getIV());
    }

    @Override
    protected void engineInit(int opmode, Key k, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        IvParameterSpec spec = null;
        if (params != null) {
            try {
                spec = params.getParameterSpec(IvParameterSpec.class);
            } catch (InvalidParameterSpecException e) {
                throw new InvalidAlgorithmParameterException(transformation() + " needs AlgorithmParameters that"
                        + " hold an IV, not " + params.getAlgorithm(), e);
            }
        }
        engineInit(opmode, k, spec, random);
    }

    private void init(int opmode, Key k, byte[] givenIv) throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (opmode == Cipher.WRAP_MODE || opmode == Cipher.UNWRAP_MODE) {
            throw new UnsupportedOperationException(transformation() + " does not wrap keys in SessionKeys: use"
                    + " AES/KW/NoPadding or AES/KWP/NoPadding");
        }
        boolean encrypt = opmode == Cipher.ENCRYPT_MODE;
        ManagedSessionKey candidate = SessionKeys.require(k, "AES", transformation());
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
        wipe();
        this.key = candidate;
        this.encrypting = encrypt;
        this.iv = chosen;
        this.ivSpent = false;
        this.messageCharged = encrypt;
        startMessage(chosen, providerMade);
    }

    private void checkKeyLength(int length) throws InvalidKeyException {
        if (fixedKeyBytes != 0 && length != fixedKeyBytes) {
            throw new InvalidKeyException(transformation() + " needs a " + fixedKeyBytes * 8 + "-bit key, not a "
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
        if (iv == null) {
            return null;
        }
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("AES");
            params.init(new IvParameterSpec(iv));
            return params;
        } catch (NoSuchAlgorithmException | InvalidParameterSpecException e) {
            throw new ProviderException("no AlgorithmParameters for AES in this JDK to hold the IV", e);
        }
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        requireInitialized();
        return finalOutputLength(Math.max(inputLen, 0));
    }

    // ---- data ----

    @Override
    protected byte[] engineUpdate(byte[] in, int inOff, int len) {
        requireReady();
        byte[] out = new byte[updateOutputLength(len)];
        try {
            int n = engineUpdate(in, inOff, len, out, 0);
            return n == out.length ? out : Arrays.copyOf(out, n);
        } catch (ShortBufferException impossible) {
            throw new ProviderException("output sized by updateOutputLength was too short", impossible);
        }
    }

    @Override
    protected int engineUpdate(byte[] in, int inOff, int len, byte[] out, int outOff) throws ShortBufferException {
        requireReady();
        int needed = updateOutputLength(len);
        if (out == null || out.length - outOff < needed) {
            throw new ShortBufferException("Output buffer must be (at least) " + needed + " bytes long");
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
                ManagedSessionKey.wipe(source);
            }
        }
    }

    @Override
    protected byte[] engineDoFinal(byte[] in, int inOff, int len) throws IllegalBlockSizeException,
            BadPaddingException {
        requireReady();
        byte[] out = new byte[finalOutputLength(len)];
        int n;
        try {
            n = engineDoFinal(in, inOff, len, out, 0);
        } catch (ShortBufferException impossible) {
            throw new ProviderException("output sized by finalOutputLength was too short", impossible);
        }
        if (n == out.length) {
            return out;
        }
        byte[] exact = Arrays.copyOf(out, n);
        ManagedSessionKey.wipe(out);
        return exact;
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
            throw new ShortBufferException("Output buffer must be (at least) " + minimum + " bytes long");
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
                ManagedSessionKey.wipe(source);
            }
            if (finished) {
                endMessage();
            }
        }
    }

    @Override
    protected int engineUpdate(ByteBuffer input, ByteBuffer output) throws ShortBufferException {
        try {
            return throughBuffers(input, output, false);
        } catch (IllegalBlockSizeException | BadPaddingException impossible) {
            throw new ProviderException("update cannot end a message", impossible);
        }
    }

    @Override
    protected int engineDoFinal(ByteBuffer input, ByteBuffer output)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        return throughBuffers(input, output, true);
    }

    /**
     * The ByteBuffer calls, instead of {@link CipherSpi}'s: heap buffers go straight to the array
     * methods; other buffers through heap copies that are zeroed afterwards (CipherSpi's are not).
     * The output needs room only for what this call really writes. Positions move only on success.
     */
    private int throughBuffers(ByteBuffer input, ByteBuffer output, boolean last)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        requireReady();
        int len = input.remaining();
        int room = output.remaining();
        int minimum = last ? finalOutputMinimum(len) : updateOutputLength(len);
        if (room < minimum) {
            throw new ShortBufferException("Output buffer must be (at least) " + minimum + " bytes long");
        }
        int upTo = Math.min(room, last ? finalOutputLength(len) : minimum);
        if (input.hasArray() && output.hasArray() && !output.isReadOnly()) {
            int inAt = input.arrayOffset() + input.position();
            int outAt = output.arrayOffset() + output.position();
            int n = last ? finalIntoRoom(input.array(), inAt, len, output.array(), outAt, room)
                    : engineUpdate(input.array(), inAt, len, output.array(), outAt);
            input.position(input.limit());
            output.position(output.position() + n);
            return n;
        }
        byte[] in = new byte[len];
        byte[] out = new byte[upTo];
        try {
            input.duplicate().get(in);
            int n = last ? engineDoFinal(in, 0, len, out, 0) : engineUpdate(in, 0, len, out, 0);
            output.put(out, 0, n);
            input.position(input.limit());
            return n;
        } finally {
            ManagedSessionKey.wipe(in);
            ManagedSessionKey.wipe(out);
        }
    }

    /**
     * doFinal into {@code out} at {@code outAt}, writing at most {@code room} bytes (the buffer's
     * limit may lie before the array's end): through scratch only when padded decryption might
     * need more room than there is, so that a ShortBufferException still comes before any write.
     */
    private int finalIntoRoom(byte[] in, int inAt, int len, byte[] out, int outAt, int room)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        if (finalOutputLength(len) <= room || out.length - outAt <= room) {
            return engineDoFinal(in, inAt, len, out, outAt);
        }
        byte[] bounded = new byte[room];
        try {
            int n = engineDoFinal(in, inAt, len, bounded, 0);
            System.arraycopy(bounded, 0, out, outAt, n);
            return n;
        } finally {
            ManagedSessionKey.wipe(bounded);
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

    private void requireReady() {
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

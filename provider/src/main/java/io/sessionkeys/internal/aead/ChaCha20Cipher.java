package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.KeystreamEngine;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.key.SessionKeyChecks;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import io.sessionkeys.internal.service.SessionKeysCipherSpi;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.ChaCha20ParameterSpec;

/**
 * Plain {@code ChaCha20} (RFC 8439 §2.4) as SunJCE offers it: a {@link ChaCha20ParameterSpec}
 * gives the 12-byte nonce and the initial block counter (read as unsigned; 1 when SessionKeys
 * makes the nonce). No authentication: a stream cipher for protocols that add their own.
 *
 * <p>Nonces share the key's ChaCha20-Poly1305 ledger, since both algorithms draw the same
 * keystream from one key and nonce: an encryption under a nonce the key has already encrypted
 * under, by either algorithm and in any {@code Cipher} object, is refused. A message may not run
 * past block 2<sup>32</sup> - 1 (SunJCE's "Counter exhausted"); the check comes before any output.
 */
public final class ChaCha20Cipher extends SessionKeysCipherSpi {

    private static final String NAME = "ChaCha20";
    private static final int NONCE_LENGTH = 12;
    private static final long COUNTER_SPACE = 1L << 32;

    private final ProviderContext context;
    private final KeystreamEngine engine;
    private final int block;
    private final byte[] keystream;
    /** Unused keystream of the last partial block, at its end. */
    private int leftover;

    private ManagedSessionKey key;
    private boolean encrypting;
    private byte[] nonce;
    private long initialCounter;
    /** The next block number; at most 2^32. */
    private long counter;
    /** An encryption under {@link #nonce} has finished: the object must be initialized again. */
    private boolean spent;

    public ChaCha20Cipher(ProviderContext context, KeystreamEngine engine) {
        this.context = context;
        this.engine = engine;
        this.block = engine.blockSize();
        this.keystream = new byte[block];
    }

    @Override
    protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
        if (!"None".equalsIgnoreCase(mode)) {
            throw new NoSuchAlgorithmException("Mode must be None");
        }
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
        if (!"NoPadding".equalsIgnoreCase(padding)) {
            throw new NoSuchPaddingException("Padding must be NoPadding");
        }
    }

    @Override
    protected int engineGetBlockSize() {
        return 0; // a stream cipher, as SunJCE reports
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        return Math.max(inputLen, 0);
    }

    @Override
    protected byte[] engineGetIV() {
        return nonce == null ? null : nonce.clone();
    }

    /** SunJCE has no AlgorithmParameters for plain ChaCha20, and returns none. */
    @Override
    protected AlgorithmParameters engineGetParameters() {
        return null;
    }

    @Override
    protected int engineGetKeySize(Key k) throws InvalidKeyException {
        return SessionKeyChecks.require(k, NAME, NAME).keySizeBits();
    }

    @Override
    protected void engineInit(int opmode, Key k, SecureRandom random) throws InvalidKeyException {
        try {
            init(opmode, k, null);
        } catch (InvalidAlgorithmParameterException e) {
            throw new InvalidKeyException(e.getMessage(), e);
        }
    }

    @Override
    protected void engineInit(int opmode, Key k, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null) {
            throw new InvalidAlgorithmParameterException("ChaCha20 takes a ChaCha20ParameterSpec, not"
                    + " AlgorithmParameters");
        }
        engineInit(opmode, k, random);
    }

    @Override
    protected void engineInit(int opmode, Key k, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null && !(params instanceof ChaCha20ParameterSpec)) {
            throw new InvalidAlgorithmParameterException("ChaCha20 algorithm requires ChaCha20ParameterSpec");
        }
        init(opmode, k, (ChaCha20ParameterSpec) params);
    }

    private void init(int opmode, Key k, ChaCha20ParameterSpec spec) throws InvalidKeyException,
            InvalidAlgorithmParameterException {
        if (opmode == Cipher.WRAP_MODE || opmode == Cipher.UNWRAP_MODE) {
            throw new UnsupportedOperationException("WRAP_MODE and UNWRAP_MODE are not currently supported");
        }
        wipe();
        boolean encrypt = opmode == Cipher.ENCRYPT_MODE;
        ManagedSessionKey candidate = SessionKeyChecks.require(k, NAME, NAME);
        if (candidate.materialLength() != 32) {
            throw new InvalidKeyException("Key length must be 256 bits");
        }
        candidate.checkUsable(encrypt ? KeyUse.PROTECT : KeyUse.PROCESS);
        if (spec == null && !encrypt) {
            throw new InvalidKeyException("Default parameter generation disallowed in DECRYPT and UNWRAP modes");
        }
        NonceLedger ledger = candidate.attachment(NonceLedger.CHACHA20_POLY1305);
        byte[] chosen;
        long start;
        if (spec == null) {
            chosen = ledger.next(context.random());
            start = 1;
        } else {
            chosen = spec.getNonce(); // a copy, 12 bytes (the spec refuses any other length)
            start = spec.getCounter() & 0xFFFFFFFFL;
            if (encrypt) {
                ledger.reserve(chosen, NAME);
            }
        }
        if (encrypt) {
            candidate.chargeEncryption(LIMITS);
        }
        this.key = candidate;
        this.encrypting = encrypt;
        this.nonce = chosen;
        this.initialCounter = start;
        this.counter = start;
        this.spent = false;
    }

    /** Per key: ChaCha20-Poly1305's (no confidentiality limit below 2^64 messages; RFC 8446 §5.5). */
    private static final SafetyLimits LIMITS = new SafetyLimits(Long.MAX_VALUE, Long.MAX_VALUE,
            "ChaCha20 (RFC 8439 keystream, unique nonces by construction; RFC 8446 section 5.5)");

    private void requireReady() {
        if (key == null) {
            throw new IllegalStateException("Cipher not initialized");
        }
        if (spent) {
            throw new IllegalStateException("Must use either a different key or iv: this ChaCha20 encryption has"
                    + " finished; init again (without parameters for a fresh provider-made nonce)");
        }
    }

    @Override
    protected byte[] engineUpdate(byte[] in, int inOff, int len) {
        byte[] out = new byte[len];
        try {
            engineUpdate(in, inOff, len, out, 0);
        } catch (ShortBufferException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out;
    }

    @Override
    protected int engineUpdate(byte[] in, int inOff, int len, byte[] out, int outOff) throws ShortBufferException {
        requireReady();
        if (out == null || out.length - outOff < len) {
            throw new ShortBufferException("Output buffer must be (at least) " + len + " bytes long");
        }
        long fresh = Math.max(0, len - leftover);
        if (counter + (fresh + block - 1) / block > COUNTER_SPACE) {
            throw new IllegalStateException("Counter exhausted: ChaCha20 may use block numbers up to 2^32 - 1 under"
                    + " one nonce; end the message and encrypt the rest under a new nonce");
        }
        byte[] source = in == out && inOff != outOff && len > 0 ? Arrays.copyOfRange(in, inOff, inOff + len) : in;
        int sourceOff = source == in ? inOff : 0;
        return key.withMaterial(encrypting ? KeyUse.PROTECT : KeyUse.PROCESS, null, material -> {
            if (encrypting) {
                key.chargeBytes(len, LIMITS);
            }
            crypt(material, source, sourceOff, len, out, outOff);
            return len;
        });
    }

    /** XORs {@code len} bytes with the keystream: the leftover first, then whole blocks, then a partial block. */
    private void crypt(ByteBuffer material, byte[] in, int inOff, int len, byte[] out, int outOff) {
        int done = 0;
        while (leftover > 0 && done < len) {
            int at = block - leftover;
            out[outOff + done] = (byte) (in[inOff + done] ^ keystream[at]);
            keystream[at] = 0;
            leftover--;
            done++;
        }
        int whole = (len - done) / block;
        if (whole > 0) {
            engine.xorBlocks(material, (int) counter, nonce, in, inOff + done, out, outOff + done, whole);
            counter += whole;
            done += whole * block;
        }
        if (done < len) {
            Zeroing.wipe(keystream);
            engine.xorBlocks(material, (int) counter, nonce, keystream, 0, keystream, 0, 1);
            counter++;
            int rest = len - done;
            for (int i = 0; i < rest; i++) {
                out[outOff + done + i] = (byte) (in[inOff + done + i] ^ keystream[i]);
                keystream[i] = 0;
            }
            leftover = block - rest;
        }
    }

    @Override
    protected byte[] engineDoFinal(byte[] in, int inOff, int len) {
        byte[] out = engineUpdate(in == null ? new byte[0] : in, inOff, len);
        endMessage();
        return out;
    }

    @Override
    protected int engineDoFinal(byte[] in, int inOff, int len, byte[] out, int outOff) throws ShortBufferException {
        int n = engineUpdate(in == null ? new byte[0] : in, inOff, len, out, outOff);
        endMessage();
        return n;
    }

    @Override
    protected int engineUpdate(ByteBuffer input, ByteBuffer output) throws ShortBufferException {
        return throughBuffers(input, output, false);
    }

    @Override
    protected int engineDoFinal(ByteBuffer input, ByteBuffer output) throws ShortBufferException {
        return throughBuffers(input, output, true);
    }

    /** ByteBuffer forms through heap copies that are zeroed afterwards; positions move only on success. */
    private int throughBuffers(ByteBuffer input, ByteBuffer output, boolean last) throws ShortBufferException {
        requireReady();
        int len = input.remaining();
        if (output.remaining() < len) {
            throw new ShortBufferException("Output buffer must be (at least) " + len + " bytes long");
        }
        byte[] data = new byte[len];
        try {
            input.duplicate().get(data);
            int n = last ? engineDoFinal(data, 0, len, data, 0) : engineUpdate(data, 0, len, data, 0);
            output.put(data, 0, n);
            input.position(input.limit());
            return n;
        } finally {
            Zeroing.wipe(data);
        }
    }

    /** Decryption may run again from the start; encryption needs a new nonce. */
    private void endMessage() {
        Zeroing.wipe(keystream);
        leftover = 0;
        counter = initialCounter;
        spent = encrypting;
    }

    private void wipe() {
        Zeroing.wipe(keystream);
        leftover = 0;
    }

    @Override
    public String toString() {
        return "SessionKeys ChaCha20" + (key == null ? " (not initialized)"
                : (encrypting ? " encrypting" : " decrypting") + " with " + key);
    }
}

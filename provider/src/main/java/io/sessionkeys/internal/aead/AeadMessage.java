package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.common.Errors;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.common.ZeroingBuffer;
import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.ShortBufferException;

/**
 * One AEAD message under one key and nonce: the state contract shared by every AEAD cipher.
 *
 * <p>AAD is accepted only before data. Encryption charges its bytes to the key as they flow,
 * streams, and ends with the tag; the message is then finished and refuses any further use
 * (SunJCE's rule: a nonce never encrypts twice). Decryption holds the whole ciphertext, and at
 * {@code doFinal} authenticates it, compares tags in constant time and only then decrypts into
 * the caller's buffer; afterwards the message starts over under the same nonce, so the same
 * ciphertext may be decrypted again. Every step passes the key's gate before it writes anything.
 */
final class AeadMessage {

    /** Both GCM and Poly1305 make 16-byte tags; GCM may truncate them. */
    static final int FULL_TAG_LENGTH = 16;

    /**
     * AAD up to this length is held until the data comes, so that a message of one AAD call and
     * one {@code doFinal} (a TLS record) runs as one engine call: one native crossing.
     */
    private static final int HELD_AAD_MAX = 256;

    private enum Phase { AAD, DATA, FINISHED }

    private final AeadEngine engine;
    private final SafetyLimits limits;
    private final long maxMessageBytes;
    private final OneCallMessage oneCall;
    /** Made at the first doFinal by address, then reused. */
    private OneCallDirect byAddress;

    // per message, set by begin
    private ManagedSessionKey key;
    private byte[] nonce;
    private int tagLength;
    private boolean encrypting;
    private KeyUse use;
    /** The ciphertext of a decryption; made at the first decryption, then reused. */
    private ZeroingBuffer pending;
    private AeadOperation operation;
    /** AAD not yet given to an operation (none is started); AAD is not secret. */
    private byte[] heldAad;
    private int heldAadLength;
    private Phase phase = Phase.FINISHED;
    private long processed;

    /**
     * One per cipher object, reused by every message it runs ({@link #begin}): a message of
     * small size then allocates nothing but its nonce.
     */
    AeadMessage(AeadEngine engine, SafetyLimits limits, long maxMessageBytes) {
        this.engine = engine;
        this.limits = limits;
        this.maxMessageBytes = maxMessageBytes;
        this.oneCall = new OneCallMessage(engine, limits);
    }

    /** Starts a message under {@code key} and {@code nonce}; the previous one must be closed. */
    void begin(ManagedSessionKey key, byte[] nonce, int tagLength, boolean encrypting) {
        if (operation != null) {
            throw new IllegalStateException("the previous message was not closed");
        }
        this.key = key;
        this.nonce = nonce;
        this.tagLength = tagLength;
        this.encrypting = encrypting;
        this.use = encrypting ? KeyUse.PROTECT : KeyUse.PROCESS;
        if (!encrypting && pending == null) {
            pending = new ZeroingBuffer();
        }
        heldAadLength = 0;
        processed = 0;
        phase = Phase.AAD;
    }

    int tagLength() {
        return tagLength;
    }

    /** What {@link #update} writes for {@code length} input bytes. */
    int updateOutputSize(int length) {
        return encrypting ? length : 0;
    }

    /** What {@link #doFinal} writes for {@code length} more input bytes. */
    int finalOutputSize(int length) {
        if (encrypting) {
            return checkedSum(length, tagLength);
        }
        return (int) Math.max(0L, (long) pending.length() + length - tagLength);
    }

    void updateAad(byte[] aad, int offset, int length) {
        requireOpen();
        if (phase == Phase.DATA) {
            throw new IllegalStateException("AAD must come before the data: update has been called, so no more AAD"
                    + " can join this message");
        }
        if (operation == null && length <= HELD_AAD_MAX - heldAadLength) {
            key.withMaterial(use, null, material -> null); // refuses a key destroyed since init
            if (heldAad == null) {
                heldAad = new byte[HELD_AAD_MAX];
            }
            System.arraycopy(aad, offset, heldAad, heldAadLength, length);
            heldAadLength += length;
            return;
        }
        key.withMaterial(use, engine.precomputation(), keyData -> {
            operation(keyData).updateAad(keyData, aad, offset, length);
            return null;
        });
    }

    int update(byte[] in, int offset, int length, byte[] out, int outOffset) throws ShortBufferException {
        requireOpen();
        if (!encrypting) {
            key.withMaterial(use, null, material -> null); // refuses a key destroyed since init
            pending.append(in, offset, length);
            phase = Phase.DATA;
            return 0;
        }
        requireRoom(out, outOffset, length);
        encrypt(in, offset, length, out, outOffset, false);
        return length;
    }

    int doFinal(byte[] in, int offset, int length, byte[] out, int outOffset)
            throws ShortBufferException, AEADBadTagException {
        requireOpen();
        if (encrypting) {
            int written = checkedSum(length, tagLength);
            requireRoom(out, outOffset, written);
            encrypt(in, offset, length, out, outOffset, true);
            phase = Phase.FINISHED;
            closeOperation();
            return written;
        }
        long total = (long) pending.length() + length;
        if (total < tagLength) {
            startOver();
            throw tooShort(total);
        }
        int plaintextLength = (int) (total - tagLength);
        requireRoom(out, outOffset, plaintextLength);
        try {
            pending.append(in, offset, length);
            if (!verifyThenDecrypt(plaintextLength, out, outOffset)) {
                throw tagMismatch();
            }
            return plaintextLength;
        } finally {
            startOver();
        }
    }

    /**
     * Whether a doFinal from {@code in} to {@code out} goes to the engine by address in one call
     * ({@link #doFinal(ByteBuffer, ByteBuffer)}): both buffers direct, an engine that takes them,
     * an open message none of whose data has reached the engine or been held as ciphertext (AAD
     * held for the one call is fine).
     */
    boolean finishesByAddress(ByteBuffer in, ByteBuffer out) {
        return in.isDirect() && out.isDirect() && engine.takesDirectBuffers() && phase != Phase.FINISHED
                && operation == null && (encrypting || pending.length() == 0);
    }

    /**
     * The whole message from {@code in} to {@code out} by address, where
     * {@link #finishesByAddress} said yes: the checks, exceptions and state changes of
     * {@link #doFinal(byte[], int, int, byte[], int)} as the {@code ByteBuffer} form runs it, in
     * its order; positions move only on success. A decryption writes nothing to {@code out}
     * unless the tag matches.
     */
    int doFinal(ByteBuffer in, ByteBuffer out) throws ShortBufferException, AEADBadTagException {
        int length = in.remaining();
        int written = finalOutputSize(length);
        if (out.remaining() < written) {
            throw Errors.shortBuffer(written, out.remaining());
        }
        if (out.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (byAddress == null) {
            byAddress = new OneCallDirect(engine, limits);
        }
        int inIndex = in.position();
        int outIndex = out.position();
        if (encrypting) {
            if (processed + length > maxMessageBytes) {
                throw tooLong();
            }
            byAddress.seal(key, nonce, heldAad, heldAadLength, in, inIndex, length, out, outIndex, tagLength);
            processed += length;
            phase = Phase.FINISHED;
            closeOperation();
        } else {
            try {
                if (length < tagLength) {
                    throw tooShort(length);
                }
                if (!byAddress.open(key, nonce, heldAad, heldAadLength, in, inIndex, written, out, outIndex,
                        tagLength)) {
                    throw tagMismatch();
                }
            } finally {
                startOver();
            }
        }
        in.position(inIndex + length);
        out.position(outIndex + written);
        return written;
    }

    /**
     * Zeroes the message's state and lets go of its key (a cipher object kept around must not
     * keep a key reachable); the message refuses further use until {@link #begin}.
     */
    void close() {
        closeOperation();
        if (pending != null) {
            pending.clear();
        }
        phase = Phase.FINISHED;
        key = null;
        nonce = null;
    }


    // ---- steps ----

    private void encrypt(byte[] in, int offset, int length, byte[] out, int outOffset, boolean last) {
        if (processed + length > maxMessageBytes) {
            throw tooLong();
        }
        byte[] copy = null;
        byte[] src = in;
        int srcOffset = offset;
        if (length > 0 && in == out && offset != outOffset && offset < outOffset + length
                && outOffset < offset + length) {
            // partly overlapping ranges of one array: read from a copy so no input is overwritten early
            copy = Arrays.copyOfRange(in, offset, offset + length);
            src = copy;
            srcOffset = 0;
        }
        byte[] source = src;
        int sourceOffset = srcOffset;
        try {
            if (last && operation == null) {
                // the whole message at once: one engine call
                oneCall.seal(key, nonce, heldAad, heldAadLength, source, sourceOffset, length, out, outOffset,
                        tagLength);
            } else {
                stepwise(source, sourceOffset, length, out, outOffset, last);
            }
        } finally {
            if (copy != null) {
                Zeroing.wipe(copy);
            }
        }
        processed += length;
        phase = Phase.DATA;
    }

    private void stepwise(byte[] source, int sourceOffset, int length, byte[] out, int outOffset, boolean last) {
        key.withMaterial(use, engine.precomputation(), keyData -> {
            // Charged inside the gate: bytes refused because the key went away are not counted.
            key.chargeBytes(length, limits);
            AeadOperation op = operation(keyData);
            if (length > 0) {
                op.encrypt(keyData, source, sourceOffset, length, out, outOffset);
            }
            if (last) {
                byte[] tag = new byte[op.tagLength()];
                try {
                    op.computeTag(keyData, tag, 0);
                    System.arraycopy(tag, 0, out, outOffset + length, tagLength);
                } finally {
                    Zeroing.wipe(tag);
                }
            }
            return null;
        });
    }

    private boolean verifyThenDecrypt(int length, byte[] out, int outOffset) {
        byte[] data = pending.array();
        if (operation == null) {
            return oneCall.open(key, nonce, heldAad, heldAadLength, data, length, out, outOffset, tagLength);
        }
        return key.withMaterial(use, engine.precomputation(), keyData -> operation(keyData)
                .openVerified(keyData, data, 0, length, data, length, tagLength, out, outOffset));
    }

    private AeadOperation operation(ByteBuffer keyData) {
        if (operation == null) {
            AeadOperation started = engine.start(keyData, nonce, encrypting);
            if (heldAadLength > 0) {
                try {
                    started.updateAad(keyData, heldAad, 0, heldAadLength);
                } catch (RuntimeException e) {
                    started.wipe();
                    throw e;
                }
                heldAadLength = 0;
            }
            operation = started;
        }
        return operation;
    }

    /** After a decryption: the same key and nonce, a fresh message. */
    private void startOver() {
        closeOperation();
        pending.clear();
        processed = 0;
        phase = Phase.AAD;
    }

    private void closeOperation() {
        heldAadLength = 0;
        if (operation != null) {
            operation.wipe();
            operation = null;
        }
    }

    private void requireOpen() {
        if (phase == Phase.FINISHED) {
            throw new IllegalStateException("this " + engine.name() + " encryption is finished: a nonce never"
                    + " encrypts twice, so init again, with a new nonce or without parameters");
        }
    }

    private static void requireRoom(byte[] out, int outOffset, int needed) throws ShortBufferException {
        int available = out == null ? 0 : out.length - outOffset;
        if (available < needed) {
            throw Errors.shortBuffer(needed, available);
        }
    }

    private IllegalStateException tooLong() {
        return new IllegalStateException(engine.name() + " encrypts at most " + maxMessageBytes
                + " bytes in one message; start a new message (init again)");
    }

    private AEADBadTagException tooShort(long total) {
        return new AEADBadTagException("the ciphertext is too short: " + total + " bytes cannot hold the " + tagLength
                + "-byte tag");
    }

    private static AEADBadTagException tagMismatch() {
        return new AEADBadTagException("Tag mismatch: the ciphertext, tag, AAD, nonce or key differ from those of the"
                + " encryption; no plaintext was released");
    }

    private static int checkedSum(int length, int tagLength) {
        if (length > Integer.MAX_VALUE - tagLength) {
            throw new IllegalStateException("a message plus its tag must fit in one Java array");
        }
        return length + tagLength;
    }
}

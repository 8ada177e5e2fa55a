package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.common.Errors;
import io.sessionkeys.internal.common.Pkcs5Padding;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.Precomputation;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;

/**
 * The modes that work on whole blocks (ECB, CBC, PCBC): buffering of a partial block between
 * updates, PKCS5 or ISO 10126 padding, and their output sizes. A subclass supplies only {@link #crypt}, its mode on
 * whole blocks.
 *
 * <p>Padded decryption holds back the last whole block until doFinal, where its padding is
 * removed in constant time; at most one block (16 bytes) is ever pending.
 */
abstract class BlockAlignedCipher extends BlockModeCipher {

    private final boolean padded;
    private final BlockPadding padding;
    /** Input not yet processed: a partial block, or the held-back last block of padded decryption. */
    private final byte[] pending = new byte[BLOCK];
    private int pendingLength;
    /** A direct update's last partial block while {@link #pending} is busy; wiped after each call. */
    private final byte[] carry = new byte[BLOCK];

    BlockAlignedCipher(ProviderContext context, BlockCipherEngine engine, String mode, boolean padded,
            int keyBits) {
        this(context, engine, mode, padded ? BlockPadding.PKCS5 : BlockPadding.NONE, keyBits);
    }

    BlockAlignedCipher(ProviderContext context, BlockCipherEngine engine, String mode, BlockPadding padding,
            int keyBits) {
        super(context, engine, mode, padding.jcaName(), keyBits);
        this.padded = padding.pads();
        this.padding = padding;
    }

    /** Runs the mode in the object's direction on {@code blocks} whole blocks; {@code out} may be {@code in} exactly. */
    abstract void crypt(ByteBuffer schedule, byte[] in, int inOff, byte[] out, int outOff, int blocks);

    /**
     * As {@link #crypt}, on direct buffers by address (indices, not positions): only where
     * {@link #byAddress} said yes. The two may share memory in any way.
     */
    void cryptDirect(ByteBuffer schedule, ByteBuffer in, int inIndex, ByteBuffer out, int outIndex, int blocks) {
        throw new UnsupportedOperationException("no direct-buffer form");
    }

    /** Saves the chaining state, so that a doFinal that ends in ShortBufferException can undo its work. */
    abstract void saveChain();

    abstract void restoreChain();

    @Override
    Precomputation schedule() {
        return encrypting ? engine.encryptSchedule() : engine.decryptSchedule();
    }

    @Override
    void startMessage(byte[] iv, boolean providerMadeIv) {
        pendingLength = 0;
    }

    @Override
    void wipe() {
        Zeroing.wipe(pending);
        pendingLength = 0;
    }

    private boolean holdsBackLastBlock() {
        return padded && !encrypting;
    }

    @Override
    int updateOutputLength(int inputLen) {
        int total = Math.addExact(pendingLength, inputLen);
        int partial = total % BLOCK;
        if (holdsBackLastBlock() && partial == 0 && total > 0) {
            return total - BLOCK;
        }
        return total - partial;
    }

    @Override
    int finalOutputLength(int inputLen) {
        int total = Math.addExact(pendingLength, inputLen);
        if (padded && encrypting) {
            return Math.addExact(total, BlockPadding.padLength(total));
        }
        return total;
    }

    @Override
    int finalOutputMinimum(int inputLen) {
        int total = pendingLength + inputLen;
        return holdsBackLastBlock() ? Math.max(total - BLOCK, 0) : finalOutputLength(inputLen);
    }

    @Override
    void checkFinal(int inputLen) throws IllegalBlockSizeException {
        int total = Math.addExact(pendingLength, inputLen);
        if (padded && encrypting) {
            return;
        }
        if (total % BLOCK != 0) {
            throw new IllegalBlockSizeException(padded
                    ? "Input length must be multiple of " + BLOCK + " when decrypting with padded cipher, not " + total
                    : "Input length not multiple of " + BLOCK + " bytes: " + total);
        }
        if (padded && total == 0) {
            // SunJCE returns nothing here; an empty ciphertext has no padding block, so it is invalid
            // (Wycheproof: "empty ciphertext" is an invalid case) and SessionKeys refuses it.
            throw new IllegalBlockSizeException("A " + padding.jcaName() + " ciphertext is at least one block (" + BLOCK
                    + " bytes); this one is empty");
        }
    }

    @Override
    boolean inPlaceSafe() {
        return pendingLength == 0;
    }

    @Override
    int processUpdate(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff) {
        int outLen = updateOutputLength(len);
        int produced = 0;
        int inPos = inOff;
        int remaining = len;
        if (outLen > 0 && pendingLength > 0) {
            int fill = BLOCK - pendingLength;
            System.arraycopy(in, inPos, pending, pendingLength, fill);
            inPos += fill;
            remaining -= fill;
            crypt(schedule, pending, 0, out, outOff, 1);
            produced = BLOCK;
            pendingLength = 0;
        }
        int direct = outLen - produced;
        if (direct > 0) {
            crypt(schedule, in, inPos, out, outOff + produced, direct / BLOCK);
            inPos += direct;
            remaining -= direct;
        }
        System.arraycopy(in, inPos, pending, pendingLength, remaining);
        pendingLength += remaining;
        return outLen;
    }

    @Override
    int processFinal(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff, int outCapacity)
            throws ShortBufferException, BadPaddingException {
        if (holdsBackLastBlock()) {
            return finalUnpad(schedule, in, inOff, len, out, outOff, outCapacity);
        }
        int n = processUpdate(schedule, in, inOff, len, out, outOff);
        if (padded) { // encrypting: the pending partial block (maybe empty) plus padding
            padding.pad(pending, pendingLength, BLOCK - pendingLength, context.random());
            crypt(schedule, pending, 0, out, outOff + n, 1);
            n += BLOCK;
            pendingLength = 0;
        }
        return n;
    }

    /**
     * Padded decryption's end. If the output might not fit, decrypts into scratch first and
     * restores the state when it does not, so the caller can retry with a bigger buffer.
     */
    private int finalUnpad(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff,
            int outCapacity) throws ShortBufferException, BadPaddingException {
        int total = pendingLength + len;
        if (outCapacity >= total) {
            int body = processUpdate(schedule, in, inOff, len, out, outOff);
            crypt(schedule, pending, 0, out, outOff + body, 1);
            pendingLength = 0;
            try {
                return body + padding.unpaddedLength(out, outOff + body);
            } catch (BadPaddingException e) {
                Zeroing.wipe(out, outOff, outOff + total); // release nothing from a bad message
                throw e;
            }
        }
        byte[] scratch = new byte[total];
        byte[] savedPending = pending.clone();
        int savedLength = pendingLength;
        saveChain();
        try {
            int n = finalUnpad(schedule, in, inOff, len, scratch, 0, total);
            if (n > outCapacity) {
                System.arraycopy(savedPending, 0, pending, 0, BLOCK);
                pendingLength = savedLength;
                restoreChain();
                throw Errors.shortBuffer(n, outCapacity);
            }
            System.arraycopy(scratch, 0, out, outOff, n);
            return n;
        } finally {
            Zeroing.wipe(scratch);
            Zeroing.wipe(savedPending);
        }
    }

    // ---- direct buffers ----

    /**
     * {@link #processUpdate} by address. The whole blocks of the input go to the engine where they
     * are; a block completing {@link #pending}, and what is left for the next call, pass through
     * Java. Everything read through Java is read before anything is written, and the block made
     * from {@link #pending} is written last, so two views of one buffer, overlapping in any way,
     * read the same input as separate buffers would (the engine copies its own input first where
     * its output overlaps it).
     */
    @Override
    int processDirect(ByteBuffer schedule, ByteBuffer in, int inIndex, int len, ByteBuffer out, int outIndex) {
        int outLen = updateOutputLength(len);
        boolean head = outLen > 0 && pendingLength > 0; // pending (maybe already whole) goes out first
        int fill = head ? BLOCK - pendingLength : 0;
        int bulk = outLen - (head ? BLOCK : 0);
        int rest = len - fill - bulk;
        try {
            if (head) {
                in.get(inIndex, pending, pendingLength, fill);
                in.get(inIndex + fill + bulk, carry, 0, rest);
                crypt(schedule, pending, 0, pending, 0, 1);
            } else {
                in.get(inIndex + bulk, pending, pendingLength, rest);
            }
            if (bulk > 0) {
                cryptDirect(schedule, in, inIndex + fill, out, outIndex + (head ? BLOCK : 0), bulk / BLOCK);
            }
            if (head) {
                out.put(outIndex, pending, 0, BLOCK);
                System.arraycopy(carry, 0, pending, 0, rest);
                pendingLength = rest;
            } else {
                pendingLength += rest;
            }
            return outLen;
        } finally {
            if (head) {
                Zeroing.wipe(carry);
                Zeroing.wipe(pending, pendingLength, BLOCK); // the block that went out
            }
        }
    }

    /**
     * {@link #processFinal} by address; the output has room for {@link #finalOutputLength}. The
     * padding block of an encryption and the held-back last block of a decryption pass through
     * Java. A bad padding zeroes the bytes this call wrote, as the array form does, so no
     * plaintext of a bad message is released.
     */
    @Override
    int processDirectFinal(ByteBuffer schedule, ByteBuffer in, int inIndex, int len, ByteBuffer out, int outIndex)
            throws BadPaddingException {
        int n = processDirect(schedule, in, inIndex, len, out, outIndex);
        if (!padded) {
            return n; // checkFinal made the input whole blocks: nothing is pending
        }
        try {
            if (encrypting) {
                padding.pad(pending, pendingLength, BLOCK - pendingLength, context.random());
                crypt(schedule, pending, 0, pending, 0, 1);
                out.put(outIndex + n, pending, 0, BLOCK);
                return n + BLOCK;
            }
            crypt(schedule, pending, 0, pending, 0, 1); // the held-back last block
            int last;
            try {
                last = padding.unpaddedLength(pending, 0);
            } catch (BadPaddingException e) {
                zero(out, outIndex, n);
                throw e;
            }
            out.put(outIndex + n, pending, 0, last);
            return n + last;
        } finally {
            Zeroing.wipe(pending);
            pendingLength = 0;
        }
    }

    private static void zero(ByteBuffer out, int index, int length) {
        byte[] zeros = new byte[Math.min(length, 4096)];
        for (int done = 0; done < length; done += zeros.length) {
            out.put(index + done, zeros, 0, Math.min(zeros.length, length - done));
        }
    }
}

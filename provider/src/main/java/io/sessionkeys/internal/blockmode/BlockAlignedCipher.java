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
 * The modes that work on whole blocks (ECB, CBC): buffering of a partial block between updates,
 * PKCS5 padding, and their output sizes. A subclass supplies only {@link #crypt}, its mode on
 * whole blocks.
 *
 * <p>Padded decryption holds back the last whole block until doFinal, where its padding is
 * removed in constant time; at most one block (16 bytes) is ever pending.
 */
abstract class BlockAlignedCipher extends BlockModeCipher {

    private final boolean padded;
    /** Input not yet processed: a partial block, or the held-back last block of padded decryption. */
    private final byte[] pending = new byte[BLOCK];
    private int pendingLength;

    BlockAlignedCipher(ProviderContext context, BlockCipherEngine engine, String mode, boolean padded,
            int keyBits) {
        super(context, engine, mode, padded ? "PKCS5Padding" : "NoPadding", keyBits);
        this.padded = padded;
    }

    /** Runs the mode in the object's direction on {@code blocks} whole blocks; {@code out} may be {@code in} exactly. */
    abstract void crypt(ByteBuffer schedule, byte[] in, int inOff, byte[] out, int outOff, int blocks);

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
            return Math.addExact(total, Pkcs5Padding.padLength(total % BLOCK));
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
            throw new IllegalBlockSizeException("A PKCS5Padding ciphertext is at least one block (" + BLOCK
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
            Pkcs5Padding.pad(pending, pendingLength);
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
                return body + Pkcs5Padding.unpaddedLength(out, outOff + body);
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
}

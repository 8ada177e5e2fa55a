package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;

/**
 * AES in CFB-s or OFB-s mode (NIST SP 800-38A §6.3 and §6.4; SunJCE's {@code OFB8}…{@code OFB128}
 * also shift s-bit segments, as SP 800-38A's CFB does): a 16-byte input register is enciphered,
 * its first s bytes XOR the next segment, and the register shifts in s bytes of ciphertext (CFB)
 * or of the cipher output itself (OFB). The XOR runs byte by byte, so every update outputs every
 * byte, but updates release whole segments only, buffering the rest as SunJCE does, so that
 * update and getOutputSize give what SunJCE gives; doFinal takes a partial last segment.
 *
 * <p>With a padding (SunJCE allows PKCS5Padding and ISO10126Padding here) the whole message is
 * padded to a multiple of 16 bytes, and decryption also holds back the last 16 ciphertext bytes
 * until doFinal, where the padding is checked in constant time.
 */
final class SegmentCipher extends BlockModeCipher {

    private final boolean feedsCiphertext;
    private final int segment;
    private final BlockPadding padding;

    private final byte[] register = new byte[BLOCK];
    /** E(register): the cipher output for the current segment. */
    private final byte[] output = new byte[BLOCK];
    /** The bytes of the current segment that will be shifted into the register. */
    private final byte[] feedback = new byte[BLOCK];
    private int position;
    /** Bytes run through the mode in this message, for the padding length. */
    private long processed;
    /**
     * Input not yet run through the mode: less than a segment, plus for padded decryption the
     * last 16 bytes. Plaintext when encrypting, so wiped like it.
     */
    private final byte[] held = new byte[2 * BLOCK];
    private int heldLength;
    /** {@link #processed} as {@link #snapshot()} found it. */
    private long savedProcessed;

    /**
     * @param mode the mode as named: "CFB", "CFB8" … "CFB128", "OFB", "OFB8" … "OFB128"
     * @param feedsCiphertext true for CFB, false for OFB
     * @param segmentBytes s / 8: 1 to 16
     */
    SegmentCipher(ProviderContext context, BlockCipherEngine engine, String mode, boolean feedsCiphertext,
            int segmentBytes, BlockPadding padding, int fixedKeyBytes) {
        super(context, engine, mode, padding.jcaName(), fixedKeyBytes);
        if (segmentBytes < 1 || segmentBytes > BLOCK) {
            throw new IllegalArgumentException("segment size must be 1 to 16 bytes: " + segmentBytes);
        }
        this.feedsCiphertext = feedsCiphertext;
        this.segment = segmentBytes;
        this.padding = padding;
    }

    @Override
    boolean usesIv() {
        return true;
    }

    @Override
    SafetyLimits limits() {
        return ModeLimits.segmented(feedsCiphertext, segment);
    }

    @Override
    byte[] newIv(ManagedSessionKey key, SecureRandom random) {
        // CFB needs an unpredictable IV, OFB a unique one (SP 800-38A Appendix C): 128 random bits are both
        byte[] fresh = new byte[BLOCK];
        random.nextBytes(fresh);
        return fresh;
    }

    @Override
    void startMessage(byte[] iv, boolean providerMadeIv) {
        System.arraycopy(iv, 0, register, 0, BLOCK);
        position = 0;
        processed = 0;
        heldLength = 0;
    }

    @Override
    void wipe() {
        Arrays.fill(register, (byte) 0);
        Arrays.fill(output, (byte) 0);
        Arrays.fill(feedback, (byte) 0);
        Arrays.fill(held, (byte) 0);
        position = 0;
        heldLength = 0;
    }

    private boolean holdsBack() {
        return padding.pads() && !encrypting;
    }

    /** Whole segments of the input so far, less the last block padded decryption holds back. */
    @Override
    int updateOutputLength(int inputLen) {
        int release = Math.addExact(heldLength, inputLen) - (holdsBack() ? BLOCK : 0);
        return release > 0 ? release - release % segment : 0;
    }

    @Override
    int finalOutputLength(int inputLen) {
        int total = Math.addExact(heldLength, inputLen);
        if (padding.pads() && encrypting) {
            return Math.addExact(total, BlockPadding.padLength(processed + total));
        }
        return total;
    }

    @Override
    int finalOutputMinimum(int inputLen) {
        return holdsBack() ? Math.max(0, heldLength + inputLen - BLOCK) : finalOutputLength(inputLen);
    }

    @Override
    void checkFinal(int inputLen) throws IllegalBlockSizeException {
        if (!holdsBack()) {
            return;
        }
        long total = processed + heldLength + inputLen;
        if (total % BLOCK != 0 || total == 0) {
            throw new IllegalBlockSizeException("Input length must be multiple of " + BLOCK
                    + " when decrypting with padded cipher, and not empty: " + total);
        }
    }

    @Override
    boolean inPlaceSafe() {
        return heldLength == 0; // held bytes make the output lag the input
    }

    @Override
    int processUpdate(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff) {
        int release = updateOutputLength(len);
        int fromHeld = Math.min(heldLength, release);
        int fromInput = release - fromHeld;
        transform(schedule, held, 0, fromHeld, out, outOff);
        transform(schedule, in, inOff, fromInput, out, outOff + fromHeld);
        System.arraycopy(held, fromHeld, held, 0, heldLength - fromHeld);
        heldLength -= fromHeld;
        System.arraycopy(in, inOff + fromInput, held, heldLength, len - fromInput);
        heldLength += len - fromInput;
        Arrays.fill(held, heldLength, held.length, (byte) 0); // what the shift left behind
        return release;
    }

    @Override
    int processFinal(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff, int outCapacity)
            throws ShortBufferException, BadPaddingException {
        if (!holdsBack()) {
            int n = processUpdate(schedule, in, inOff, len, out, outOff);
            n += drainHeld(schedule, out, outOff + n); // a partial last segment
            if (padding.pads()) { // encrypting
                int pad = BlockPadding.padLength(processed);
                byte[] tail = new byte[pad];
                padding.pad(tail, 0, pad, context.random());
                transform(schedule, tail, 0, pad, out, outOff + n);
                ManagedSessionKey.wipe(tail);
                n += pad;
            }
            return n;
        }
        int total = heldLength + len;
        if (outCapacity >= total) {
            return decryptAndUnpad(schedule, in, inOff, len, out, outOff, total);
        }
        // might not fit once the padding is known: decrypt into scratch, and undo if it does not
        byte[] scratch = new byte[total];
        byte[] saved = snapshot();
        try {
            int n = decryptAndUnpad(schedule, in, inOff, len, scratch, 0, total);
            if (n > outCapacity) {
                restore(saved);
                throw new ShortBufferException("Output buffer too short: " + outCapacity + " bytes given, " + n
                        + " bytes needed");
            }
            System.arraycopy(scratch, 0, out, outOff, n);
            return n;
        } finally {
            ManagedSessionKey.wipe(scratch);
            ManagedSessionKey.wipe(saved);
        }
    }

    private int decryptAndUnpad(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff,
            int total) throws BadPaddingException {
        int body = processUpdate(schedule, in, inOff, len, out, outOff);
        drainHeld(schedule, out, outOff + body);
        try {
            return total - BLOCK + padding.unpaddedLength(out, outOff + total - BLOCK);
        } catch (BadPaddingException e) {
            Arrays.fill(out, outOff, outOff + total, (byte) 0); // release nothing from a bad message
            throw e;
        }
    }

    /** Runs what is held through the mode into {@code out}; returns its length. */
    private int drainHeld(ByteBuffer schedule, byte[] out, int outOff) {
        int n = heldLength;
        transform(schedule, held, 0, n, out, outOff);
        Arrays.fill(held, 0, n, (byte) 0);
        heldLength = 0;
        return n;
    }

    /** The whole mode state, for undoing a doFinal that ends in ShortBufferException. */
    private byte[] snapshot() {
        byte[] s = new byte[5 * BLOCK + 2];
        System.arraycopy(register, 0, s, 0, BLOCK);
        System.arraycopy(output, 0, s, BLOCK, BLOCK);
        System.arraycopy(feedback, 0, s, 2 * BLOCK, BLOCK);
        System.arraycopy(held, 0, s, 3 * BLOCK, 2 * BLOCK);
        s[5 * BLOCK] = (byte) position;
        s[5 * BLOCK + 1] = (byte) heldLength;
        savedProcessed = processed;
        return s;
    }

    private void restore(byte[] s) {
        System.arraycopy(s, 0, register, 0, BLOCK);
        System.arraycopy(s, BLOCK, output, 0, BLOCK);
        System.arraycopy(s, 2 * BLOCK, feedback, 0, BLOCK);
        System.arraycopy(s, 3 * BLOCK, held, 0, 2 * BLOCK);
        position = s[5 * BLOCK];
        heldLength = s[5 * BLOCK + 1];
        processed = savedProcessed;
    }

    /**
     * Runs {@code len} bytes through the mode. Each input byte is read before the output byte at
     * the same index is written, so {@code out} may be {@code in} at the same offset. Nothing
     * branches on data: the branches are on the segment position and the mode, both public.
     */
    private void transform(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff) {
        for (int i = 0; i < len; i++) {
            if (position == 0) {
                engine.encryptBlocks(schedule, register, 0, output, 0, 1);
            }
            byte x = in[inOff + i];
            byte y = (byte) (x ^ output[position]);
            out[outOff + i] = y;
            feedback[position] = feedsCiphertext ? (encrypting ? y : x) : output[position];
            if (++position == segment) {
                System.arraycopy(register, segment, register, 0, BLOCK - segment);
                System.arraycopy(feedback, 0, register, BLOCK - segment, segment);
                position = 0;
            }
        }
        processed += len;
    }
}

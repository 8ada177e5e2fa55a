package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.engine.BlockModeEngine;
import io.sessionkeys.internal.engine.BlockModeOperation;
import io.sessionkeys.internal.engine.JavaBlockModes;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.Precomputation;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;

/**
 * AES in CFB-s or OFB-s mode (NIST SP 800-38A §6.3 and §6.4; SunJCE's {@code OFB8}…{@code OFB128}
 * also shift s-bit segments, as SP 800-38A's CFB does). The arithmetic is the engine's: CFB8,
 * CFB128 and OFB128 through {@link BlockModeEngine} (native where the selection put them there),
 * the other segment sizes on the Java modes over the block cipher. This class keeps the JCA side:
 * every byte could be output at once, but updates release whole segments only, buffering the
 * rest as SunJCE does, so that update and getOutputSize give what SunJCE gives; doFinal takes a
 * partial last segment.
 *
 * <p>With a padding (SunJCE allows PKCS5Padding and ISO10126Padding here) the whole message is
 * padded to a multiple of 16 bytes, and decryption also holds back the last 16 ciphertext bytes
 * until doFinal, where the padding is checked in constant time.
 */
final class SegmentCipher extends BlockModeCipher {

    private final boolean feedsCiphertext;
    private final int segment;
    private final BlockPadding padding;
    private final BlockModeEngine modes;
    /** The engine's whole mode for this segment size (CFB8, CFB128, OFB128), or null. */
    private final BlockModeEngine.Mode engineMode;

    private final byte[] messageIv = new byte[BLOCK];
    /** The message in the engine, started on its first bytes (inside the gate); null before. */
    private BlockModeOperation operation;
    /** Bytes run through the mode in this message, for the padding length. */
    private long processed;
    /**
     * Input not yet run through the mode: less than a segment, plus for padded decryption the
     * last 16 bytes. Plaintext when encrypting, so wiped like it.
     */
    private final byte[] held = new byte[2 * BLOCK];
    private int heldLength;

    /** What {@link #snapshot()} saved, for undoing a doFinal that ends in ShortBufferException. */
    private final byte[] savedHeld = new byte[2 * BLOCK];
    private int savedHeldLength;
    private long savedProcessed;
    private boolean savedStarted;

    /**
     * @param mode the mode as named: "CFB", "CFB8" … "CFB128", "OFB", "OFB8" … "OFB128"
     * @param feedsCiphertext true for CFB, false for OFB
     * @param segmentBytes s / 8: 1 to 16
     */
    SegmentCipher(ProviderContext context, BlockCipherEngine engine, String mode, boolean feedsCiphertext,
            int segmentBytes, BlockPadding padding, int keyBits) {
        super(context, engine, mode, padding.jcaName(), keyBits);
        if (segmentBytes < 1 || segmentBytes > BLOCK) {
            throw new IllegalArgumentException("segment size must be 1 to 16 bytes: " + segmentBytes);
        }
        this.feedsCiphertext = feedsCiphertext;
        this.segment = segmentBytes;
        this.padding = padding;
        this.modes = engine.modes();
        this.engineMode = engineMode(feedsCiphertext, segmentBytes);
    }

    private static BlockModeEngine.Mode engineMode(boolean cfb, int segmentBytes) {
        if (segmentBytes == 1 && cfb) {
            return BlockModeEngine.Mode.CFB8;
        }
        if (segmentBytes == BLOCK) {
            return cfb ? BlockModeEngine.Mode.CFB128 : BlockModeEngine.Mode.OFB128;
        }
        return null;
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

    /** The forward cipher's schedule, or the engine's record for its whole mode. */
    @Override
    Precomputation schedule() {
        return engineMode != null ? modes.precomputation(engineMode, encrypting) : engine.encryptSchedule();
    }

    @Override
    void startMessage(byte[] iv, boolean providerMadeIv) {
        endOperation();
        System.arraycopy(iv, 0, messageIv, 0, BLOCK);
        processed = 0;
        heldLength = 0;
    }

    @Override
    void wipe() {
        endOperation();
        Zeroing.wipe(held);
        Zeroing.wipe(savedHeld);
        heldLength = 0;
    }

    private void endOperation() {
        BlockModeOperation o = operation;
        operation = null;
        if (o != null) {
            o.wipe();
        }
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
        Zeroing.wipe(held, heldLength, held.length); // what the shift left behind
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
                Zeroing.wipe(tail);
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
        snapshot();
        try {
            int n = decryptAndUnpad(schedule, in, inOff, len, scratch, 0, total);
            if (n > outCapacity) {
                restore();
                throw new ShortBufferException("Output buffer too short: " + outCapacity + " bytes given, " + n
                        + " bytes needed");
            }
            System.arraycopy(scratch, 0, out, outOff, n);
            return n;
        } finally {
            Zeroing.wipe(scratch);
            Zeroing.wipe(savedHeld);
        }
    }

    private int decryptAndUnpad(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff,
            int total) throws BadPaddingException {
        int body = processUpdate(schedule, in, inOff, len, out, outOff);
        drainHeld(schedule, out, outOff + body);
        try {
            return total - BLOCK + padding.unpaddedLength(out, outOff + total - BLOCK);
        } catch (BadPaddingException e) {
            Zeroing.wipe(out, outOff, outOff + total); // release nothing from a bad message
            throw e;
        }
    }

    /** Runs what is held through the mode into {@code out}; returns its length. */
    private int drainHeld(ByteBuffer schedule, byte[] out, int outOff) {
        int n = heldLength;
        transform(schedule, held, 0, n, out, outOff);
        Zeroing.wipe(held, 0, n);
        heldLength = 0;
        return n;
    }

    /** Saves the whole mode state, for undoing a doFinal that ends in ShortBufferException. */
    private void snapshot() {
        System.arraycopy(held, 0, savedHeld, 0, held.length);
        savedHeldLength = heldLength;
        savedProcessed = processed;
        savedStarted = operation != null;
        if (savedStarted) {
            operation.saveChain(); // at a segment boundary: every update released whole segments
        }
    }

    private void restore() {
        System.arraycopy(savedHeld, 0, held, 0, held.length);
        heldLength = savedHeldLength;
        processed = savedProcessed;
        if (savedStarted) {
            operation.restoreChain();
        } else {
            endOperation(); // the next call starts again from the IV
        }
    }

    /** Runs {@code len} bytes through the mode; {@code out} may be {@code in} at the same offset. */
    private void transform(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff) {
        if (len == 0) {
            return;
        }
        if (operation == null) {
            operation = engineMode != null
                    ? modes.start(schedule, engineMode, encrypting, messageIv)
                    : JavaBlockModes.segments(engine, feedsCiphertext, segment, encrypting, messageIv);
        }
        operation.process(schedule, in, inOff, len, out, outOff);
        processed += len;
    }
}

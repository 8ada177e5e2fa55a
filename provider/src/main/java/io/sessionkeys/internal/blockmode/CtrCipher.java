package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.engine.BlockModeEngine;
import io.sessionkeys.internal.engine.BlockModeOperation;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.Precomputation;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.SecureRandom;

/**
 * AES in CTR mode (NIST SP 800-38A §6.5), the whole 16-byte counter block incremented as one
 * big-endian number as SunJCE and Bouncy Castle do. The arithmetic is the engine's
 * ({@link BlockModeEngine}, Java or native); this class keeps the JCA side and the budget. A
 * stream mode: every update outputs as many bytes as it takes.
 *
 * <p>A provider-made IV comes from the key's {@link CtrIvLedger}, which gives each message its own
 * range of {@link CtrIvLedger#BLOCKS_PER_MESSAGE} counter blocks; a message that would run past
 * its range is refused before any output. A caller-given IV is the caller's to keep unique.
 */
final class CtrCipher extends BlockModeCipher {

    private final BlockModeEngine modes;
    private final byte[] firstCounter = new byte[BLOCK];
    /** The message in the engine, started on its first bytes (inside the gate); null before. */
    private BlockModeOperation operation;
    /** How many keystream bytes of the last partial block the engine still holds (a count only). */
    private int leftoverLength;
    /** Counter blocks this message may still use. */
    private long blocksLeft;

    /** Any key size: SunJCE has no fixed-size CTR variants. */
    CtrCipher(ProviderContext context, BlockCipherEngine engine) {
        super(context, engine, "CTR", "NoPadding", KeySize.ANY);
        this.modes = engine.modes();
    }

    @Override
    boolean usesIv() {
        return true;
    }

    @Override
    SafetyLimits limits() {
        return ModeLimits.CTR;
    }

    @Override
    byte[] newIv(ManagedSessionKey key, SecureRandom random) throws InvalidKeyException {
        return key.attachment(CtrIvLedger.SLOT).next(random);
    }

    @Override
    Precomputation schedule() {
        return modes.precomputation(BlockModeEngine.Mode.CTR, true);
    }

    @Override
    void startMessage(byte[] iv, boolean providerMadeIv) {
        System.arraycopy(iv, 0, firstCounter, 0, BLOCK);
        leftoverLength = 0;
        // A caller's IV is bounded only by the 2^128 counter space (SunJCE wraps around silently).
        blocksLeft = providerMadeIv ? CtrIvLedger.BLOCKS_PER_MESSAGE : Long.MAX_VALUE;
    }

    /** Overrides the block budget of the current message: white-box tests of the range check. */
    void limitBlocksForTest(long blocks) {
        blocksLeft = blocks;
    }

    @Override
    void wipe() {
        BlockModeOperation o = operation;
        operation = null;
        if (o != null) {
            o.wipe();
        }
        leftoverLength = 0;
    }

    @Override
    int updateOutputLength(int inputLen) {
        return inputLen;
    }

    @Override
    int finalOutputLength(int inputLen) {
        return inputLen;
    }

    @Override
    boolean inPlaceSafe() {
        return true;
    }

    /** Counter blocks {@code inputLen} more bytes take beyond the keystream already made. */
    private long freshBlocks(int inputLen) {
        long fresh = Math.max(0, inputLen - leftoverLength);
        return (fresh + BLOCK - 1) / BLOCK;
    }

    @Override
    void checkUpdate(int inputLen) {
        if (freshBlocks(inputLen) > blocksLeft) {
            throw new IllegalStateException("AES/CTR message too long for its counter range: it may use "
                    + CtrIvLedger.BLOCKS_PER_MESSAGE + " blocks (64 GiB) under one provider-made IV; end it and"
                    + " encrypt the rest as a new message");
        }
    }

    @Override
    void checkFinal(int inputLen) {
        checkUpdate(inputLen);
    }

    @Override
    int processUpdate(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff) {
        if (len > 0) {
            operation(schedule).process(schedule, in, inOff, len, out, outOff);
            account(len);
        }
        return len;
    }

    /** Direct buffers by address, where the engine takes them (the native one). */
    @Override
    boolean byAddress(ByteBuffer input, ByteBuffer output) {
        return input.isDirect() && output.isDirect() && modes.takesDirectBuffers();
    }

    @Override
    int processDirect(ByteBuffer schedule, ByteBuffer in, int inIndex, int len, ByteBuffer out, int outIndex) {
        if (len > 0) {
            operation(schedule).process(schedule, in, inIndex, len, out, outIndex);
            account(len);
        }
        return len;
    }

    private BlockModeOperation operation(ByteBuffer schedule) {
        if (operation == null) {
            operation = modes.start(schedule, BlockModeEngine.Mode.CTR, true, firstCounter);
        }
        return operation;
    }

    /** Counts {@code len} bytes against the message's counter budget and the partial block. */
    private void account(int len) {
        long blocks = freshBlocks(len);
        blocksLeft -= blocks;
        leftoverLength = blocks == 0 ? leftoverLength - len : (int) (blocks * BLOCK - (len - leftoverLength));
    }

    @Override
    int processFinal(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff, int outCapacity) {
        return processUpdate(schedule, in, inOff, len, out, outOff);
    }
}

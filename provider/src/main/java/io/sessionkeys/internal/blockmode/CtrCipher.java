package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.SecureRandom;

/**
 * AES in CTR mode (NIST SP 800-38A §6.5), the whole 16-byte counter block incremented as one
 * big-endian number as SunJCE and Bouncy Castle do. Keystream is made a batch of counter blocks
 * per engine call. A stream mode: every update outputs as many bytes as it takes.
 *
 * <p>A provider-made IV comes from the key's {@link CtrIvLedger}, which gives each message its own
 * range of {@link CtrIvLedger#BLOCKS_PER_MESSAGE} counter blocks; a message that would run past
 * its range is refused before any output. A caller-given IV is the caller's to keep unique.
 */
final class CtrCipher extends BlockModeCipher {

    /** Counter blocks enciphered per engine call. */
    private static final int BATCH = 64;

    private final byte[] counter = new byte[BLOCK];
    /** Keystream scratch: wiped after every call, since it is as secret as the plaintext. */
    private final byte[] keystream = new byte[BATCH * BLOCK];
    /** Unused keystream of the last partial block, at its end; kept across updates, wiped at doFinal. */
    private final byte[] leftover = new byte[BLOCK];
    private int leftoverLength;
    /** Counter blocks this message may still use. */
    private long blocksLeft;

    /** Any key size: SunJCE has no fixed-size CTR variants. */
    CtrCipher(ProviderContext context, BlockCipherEngine engine) {
        super(context, engine, "CTR", "NoPadding", KeySize.ANY);
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
    void startMessage(byte[] iv, boolean providerMadeIv) {
        System.arraycopy(iv, 0, counter, 0, BLOCK);
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
        // keystream scratch is zeroed at the end of every call already
        Zeroing.wipe(leftover);
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

    @Override
    void checkUpdate(int inputLen) {
        long fresh = Math.max(0, inputLen - leftoverLength);
        long blocks = (fresh + BLOCK - 1) / BLOCK;
        if (blocks > blocksLeft) {
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
        int done = 0;
        int dirty = 0; // keystream bytes written, to be zeroed
        try {
            while (leftoverLength > 0 && done < len) {
                out[outOff + done] = (byte) (in[inOff + done] ^ leftover[BLOCK - leftoverLength]);
                leftover[BLOCK - leftoverLength] = 0;
                leftoverLength--;
                done++;
            }
            while (done < len) {
                int rest = len - done;
                int blocks = Math.min(BATCH, (rest + BLOCK - 1) / BLOCK);
                dirty = Math.max(dirty, blocks * BLOCK);
                makeKeystream(schedule, blocks);
                int n = Math.min(rest, blocks * BLOCK);
                for (int i = 0; i < n; i++) {
                    out[outOff + done + i] = (byte) (in[inOff + done + i] ^ keystream[i]);
                }
                done += n;
                int unused = blocks * BLOCK - n;
                if (unused > 0) {
                    System.arraycopy(keystream, n, leftover, BLOCK - unused, unused);
                    leftoverLength = unused;
                }
            }
        } finally {
            Zeroing.wipe(keystream, 0, dirty);
        }
        return len;
    }

    /** Fills {@code keystream} with {@code blocks} enciphered counter blocks and advances the counter. */
    private void makeKeystream(ByteBuffer schedule, int blocks) {
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(counter, 0, keystream, b * BLOCK, BLOCK);
            increment(counter);
        }
        blocksLeft -= blocks;
        engine.encryptBlocks(schedule, keystream, 0, keystream, 0, blocks);
    }

    /** Adds one to the 128-bit big-endian counter block (public data, so branching is fine). */
    private static void increment(byte[] block) {
        for (int i = BLOCK - 1; i >= 0; i--) {
            if (++block[i] != 0) {
                return;
            }
        }
    }

    @Override
    int processFinal(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff, int outCapacity) {
        return processUpdate(schedule, in, inOff, len, out, outOff);
    }
}

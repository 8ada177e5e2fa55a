package io.sessionkeys.internal.engine.aes;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.Precomputation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * AES-128/192/256 on the bitsliced, constant-time rounds of {@link BitslicedAes}, four blocks per
 * pass. Encryption and decryption share one schedule ({@link AesSchedule#INSTANCE}).
 *
 * <p>Exact overlap ({@code in == out}, same offset) is supported; any other overlap of input and
 * output is handled too, since every group of four blocks is read completely before it is written
 * and groups advance forwards (a forward overlap is copied first).
 */
public final class AesBlockEngine implements BlockCipherEngine {

    /**
     * The bitsliced state, one per thread and zeroed after every call: serial modes (CBC
     * encryption, key wrapping) call the engine once per block, and a fresh array per call was
     * most of their heap allocation.
     */
    private static final ThreadLocal<long[]> STATE = ThreadLocal.withInitial(() -> new long[8]);


    public static final AesBlockEngine INSTANCE = new AesBlockEngine();

    static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private AesBlockEngine() {
    }

    @Override
    public Precomputation encryptSchedule() {
        return AesSchedule.INSTANCE;
    }

    @Override
    public Precomputation decryptSchedule() {
        return AesSchedule.INSTANCE;
    }

    @Override
    public void encryptBlocks(ByteBuffer schedule, byte[] in, int inOffset, byte[] out, int outOffset, int blocks) {
        process(schedule, in, inOffset, out, outOffset, blocks, true);
    }

    @Override
    public void decryptBlocks(ByteBuffer schedule, byte[] in, int inOffset, byte[] out, int outOffset, int blocks) {
        process(schedule, in, inOffset, out, outOffset, blocks, false);
    }

    private static void process(ByteBuffer schedule, byte[] in, int inOffset, byte[] out, int outOffset,
            int blocks, boolean encrypt) {
        int length = blocks * BLOCK_SIZE;
        if (blocks < 0 || (inOffset | outOffset) < 0 || inOffset > in.length - length
                || outOffset > out.length - length) {
            throw new IndexOutOfBoundsException("blocks " + blocks + " at offsets " + inOffset + "/" + outOffset
                    + " do not fit arrays of " + in.length + "/" + out.length + " bytes");
        }
        byte[] source = in;
        int sourceOffset = inOffset;
        if (in == out && outOffset > inOffset && outOffset < inOffset + length) {
            source = Arrays.copyOfRange(in, inOffset, inOffset + length);
            sourceOffset = 0;
        }
        int half = schedule.limit() / 2;
        int rounds = BitslicedAes.roundsOfSchedule(half);
        long[] q = STATE.get();
        try {
            for (int done = 0; done < blocks; done += 4) {
                int group = Math.min(4, blocks - done);
                int inAt = sourceOffset + done * BLOCK_SIZE;
                for (int lane = 0; lane < group; lane++) {
                    int at = inAt + lane * BLOCK_SIZE;
                    BitslicedAes.load(q, lane, (int) LE_INT.get(source, at), (int) LE_INT.get(source, at + 4),
                            (int) LE_INT.get(source, at + 8), (int) LE_INT.get(source, at + 12));
                }
                for (int lane = group; lane < 4; lane++) {
                    BitslicedAes.load(q, lane, 0, 0, 0, 0);
                }
                BitslicedAes.transpose(q);
                if (encrypt) {
                    BitslicedAes.encrypt(q, schedule, half, rounds);
                } else {
                    BitslicedAes.decrypt(q, schedule, 0, rounds);
                }
                BitslicedAes.transpose(q);
                int outAt = outOffset + done * BLOCK_SIZE;
                for (int lane = 0; lane < group; lane++) {
                    int at = outAt + lane * BLOCK_SIZE;
                    for (int word = 0; word < 4; word++) {
                        LE_INT.set(out, at + 4 * word, BitslicedAes.word(q, lane, word));
                    }
                }
            }
        } finally {
            Zeroing.wipe(q);
            if (source != in) {
                Zeroing.wipe(source);
            }
        }
    }
}

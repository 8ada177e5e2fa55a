package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.common.Zeroing;
import java.nio.ByteBuffer;

/**
 * One CFB-s or OFB-s message (NIST SP 800-38A §6.3 and §6.4; SunJCE's {@code OFB8}…{@code OFB128}
 * also shift s-bit segments, as SP 800-38A's CFB does) on the forward cipher: a 16-byte input
 * register is enciphered, its first s bytes XOR the next segment, and the register shifts in s
 * bytes of ciphertext (CFB) or of the cipher output itself (OFB). The XOR runs byte by byte, so a
 * call takes any number of bytes and a partial segment carries over to the next call.
 */
final class JavaSegmentOperation implements BlockModeOperation {

    private static final int BLOCK = BlockCipherEngine.BLOCK_SIZE;

    private final BlockCipherEngine cipher;
    private final boolean feedsCiphertext;
    private final int segment;
    private final boolean encrypt;

    private final byte[] register = new byte[BLOCK];
    /** E(register): the cipher output for the current segment. */
    private final byte[] output = new byte[BLOCK];
    /** The bytes of the current segment that will be shifted into the register. */
    private final byte[] feedback = new byte[BLOCK];
    private int position;

    /** {@link #saveChain}'s copy of the state above. */
    private final byte[] saved = new byte[3 * BLOCK];
    private int savedPosition;

    JavaSegmentOperation(BlockCipherEngine cipher, boolean feedsCiphertext, int segmentBytes, boolean encrypt,
            byte[] iv) {
        if (segmentBytes < 1 || segmentBytes > BLOCK) {
            throw new IllegalArgumentException("segment size must be 1 to 16 bytes: " + segmentBytes);
        }
        this.cipher = cipher;
        this.feedsCiphertext = feedsCiphertext;
        this.segment = segmentBytes;
        this.encrypt = encrypt;
        System.arraycopy(iv, 0, register, 0, BLOCK);
    }

    /**
     * Each input byte is read before the output byte at the same index is written, so {@code out}
     * may be {@code in} at the same offset. Nothing branches on data: the branches are on the
     * segment position and the mode, both public.
     */
    @Override
    public void process(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        for (int i = 0; i < length; i++) {
            if (position == 0) {
                cipher.encryptBlocks(keyData, register, 0, output, 0, 1);
            }
            byte x = in[inOffset + i];
            byte y = (byte) (x ^ output[position]);
            out[outOffset + i] = y;
            feedback[position] = feedsCiphertext ? (encrypt ? y : x) : output[position];
            if (++position == segment) {
                System.arraycopy(register, segment, register, 0, BLOCK - segment);
                System.arraycopy(feedback, 0, register, BLOCK - segment, segment);
                position = 0;
            }
        }
    }

    @Override
    public void saveChain() {
        System.arraycopy(register, 0, saved, 0, BLOCK);
        System.arraycopy(output, 0, saved, BLOCK, BLOCK);
        System.arraycopy(feedback, 0, saved, 2 * BLOCK, BLOCK);
        savedPosition = position;
    }

    @Override
    public void restoreChain() {
        System.arraycopy(saved, 0, register, 0, BLOCK);
        System.arraycopy(saved, BLOCK, output, 0, BLOCK);
        System.arraycopy(saved, 2 * BLOCK, feedback, 0, BLOCK);
        position = savedPosition;
    }

    @Override
    public void wipe() {
        Zeroing.wipe(register);
        Zeroing.wipe(output);
        Zeroing.wipe(feedback);
        Zeroing.wipe(saved);
        position = 0;
    }
}

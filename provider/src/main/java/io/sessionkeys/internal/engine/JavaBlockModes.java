package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * CTR, CBC, ECB, CFB and OFB in Java over a {@link BlockCipherEngine}: constant-time as the block
 * cipher is, since the modes themselves only copy, count and XOR. What every block cipher engine
 * runs unless a native engine was selected for the modes ({@link BlockCipherEngine#modes()}).
 */
public final class JavaBlockModes implements BlockModeEngine {

    private final BlockCipherEngine cipher;

    public JavaBlockModes(BlockCipherEngine cipher) {
        this.cipher = cipher;
    }

    @Override
    public String name() {
        return "AES (Java)";
    }

    @Override
    public Precomputation precomputation(Mode mode, boolean encrypt) {
        // CTR, CFB and OFB run the forward cipher in both directions
        return encrypt || mode.forwardOnly() ? cipher.encryptSchedule() : cipher.decryptSchedule();
    }

    @Override
    public BlockModeOperation start(ByteBuffer keyData, Mode mode, boolean encrypt, byte[] iv) {
        switch (mode) {
            case CTR:
                return new JavaCtrOperation(cipher, iv);
            case CBC:
                return new JavaCbcOperation(cipher, encrypt, iv);
            case CFB8:
                return new JavaSegmentOperation(cipher, true, 1, encrypt, iv);
            case CFB128:
                return new JavaSegmentOperation(cipher, true, BlockCipherEngine.BLOCK_SIZE, encrypt, iv);
            case OFB128:
                return new JavaSegmentOperation(cipher, false, BlockCipherEngine.BLOCK_SIZE, encrypt, iv);
            default:
                return new EcbOperation(cipher, encrypt);
        }
    }

    /**
     * A CFB-s or OFB-s message of any segment size on {@code cipher}'s encryption schedule: what
     * the segment sizes without an engine mode of their own (CFB16…CFB120, OFB8…OFB120) run on.
     *
     * @param feedsCiphertext true for CFB, false for OFB
     * @param segmentBytes s / 8: 1 to 16
     * @param iv the first shift register (16 bytes); copied
     */
    public static BlockModeOperation segments(BlockCipherEngine cipher, boolean feedsCiphertext, int segmentBytes,
            boolean encrypt, byte[] iv) {
        return new JavaSegmentOperation(cipher, feedsCiphertext, segmentBytes, encrypt, iv);
    }

    /** ECB: every block on its own, all blocks of a call in one engine call; no state. */
    private static final class EcbOperation implements BlockModeOperation {
        private final BlockCipherEngine cipher;
        private final boolean encrypt;

        EcbOperation(BlockCipherEngine cipher, boolean encrypt) {
            this.cipher = cipher;
            this.encrypt = encrypt;
        }

        @Override
        public void process(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            int blocks = length / BlockCipherEngine.BLOCK_SIZE;
            if (encrypt) {
                cipher.encryptBlocks(keyData, in, inOffset, out, outOffset, blocks);
            } else {
                cipher.decryptBlocks(keyData, in, inOffset, out, outOffset, blocks);
            }
        }

        @Override
        public void wipe() {
        }
    }
}

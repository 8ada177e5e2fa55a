package io.sessionkeys.internal.engine.sha;

import io.sessionkeys.internal.common.Zeroing;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A running SHA-2 hash whose chaining values can be saved to and resumed from an off-heap buffer.
 * That is what HMAC needs to keep its keyed state with the key: the chaining values after the
 * key block are computed once and stored beside the key, and every message resumes from them.
 *
 * <p>Unlike {@code MessageDigest}, every byte this object holds (chaining values, the partial
 * block, the message schedule) is zeroed by {@link #wipe()}, which {@link #finish} calls itself.
 * The compression functions use only additions, rotations and logic on the data, with no
 * data-dependent branch or table index: they are constant-time by construction. Padding depends
 * only on the message length. Not thread-safe.
 */
public abstract class ShaHash {

    private final byte[] block;
    private int blockFill;
    private long byteCount;

    ShaHash(int blockSize) {
        this.block = new byte[blockSize];
    }

    /** Bytes per compressed block: 64 for SHA-256, 128 for SHA-384 and SHA-512. */
    public final int blockSize() {
        return block.length;
    }

    /** Bytes of output. */
    public abstract int digestLength();

    /** Bytes the chaining values take in {@link #saveState}: 32 or 64. */
    public abstract int stateLength();

    /** Starts a new message from the standard initial values. */
    public final void reset() {
        wipePartial();
        loadInitialState();
    }

    /**
     * Resumes from chaining values saved by {@link #saveState} at {@code index}, as if
     * {@code bytesAbsorbed} bytes (a whole number of blocks) had already been hashed.
     */
    public final void resume(ByteBuffer saved, int index, long bytesAbsorbed) {
        if (bytesAbsorbed % block.length != 0) {
            throw new IllegalArgumentException("a saved state lies on a block boundary");
        }
        wipePartial();
        loadState(saved, index);
        byteCount = bytesAbsorbed;
    }

    /** Writes the chaining values at {@code index}; only valid on a block boundary. */
    public final void saveState(ByteBuffer out, int index) {
        if (blockFill != 0) {
            throw new IllegalStateException("the state can be saved only on a block boundary");
        }
        storeState(out, index);
    }

    public final void update(byte b) {
        block[blockFill++] = b;
        byteCount++;
        if (blockFill == block.length) {
            compress(block, 0);
            blockFill = 0;
        }
    }

    public final void update(byte[] input, int offset, int length) {
        byteCount += length;
        int end = offset + length;
        if (blockFill > 0) {
            int take = Math.min(block.length - blockFill, length);
            System.arraycopy(input, offset, block, blockFill, take);
            blockFill += take;
            offset += take;
            if (blockFill < block.length) {
                return;
            }
            compress(block, 0);
            blockFill = 0;
        }
        while (end - offset >= block.length) {
            compress(input, offset);
            offset += block.length;
        }
        int rest = end - offset;
        System.arraycopy(input, offset, block, 0, rest);
        blockFill = rest;
    }

    /**
     * Hashes {@code length} bytes of {@code input} from {@code index} with absolute reads, so
     * that off-heap secret material is copied only through this object's own block buffer.
     */
    public final void update(ByteBuffer input, int index, int length) {
        byteCount += length;
        int end = index + length;
        while (index < end) {
            int take = Math.min(block.length - blockFill, end - index);
            input.get(index, block, blockFill, take);
            blockFill += take;
            index += take;
            if (blockFill == block.length) {
                compress(block, 0);
                blockFill = 0;
            }
        }
    }

    /** Pads, writes {@link #digestLength()} bytes at {@code offset}, then wipes this object. */
    public final void finish(byte[] out, int offset) {
        int lengthField = block.length == 64 ? 8 : 16; // a 64-bit length for SHA-256, 128-bit for SHA-512
        long bits = byteCount << 3;
        long highBits = byteCount >>> 61;
        block[blockFill++] = (byte) 0x80;
        if (blockFill > block.length - lengthField) {
            Arrays.fill(block, blockFill, block.length, (byte) 0); // padding, not a wipe
            compress(block, 0);
            blockFill = 0;
        }
        Arrays.fill(block, blockFill, block.length, (byte) 0); // padding, not a wipe
        if (lengthField == 16) {
            putLong(block, block.length - 16, highBits);
        }
        putLong(block, block.length - 8, bits);
        compress(block, 0);
        writeDigest(out, offset);
        wipe();
    }

    /** Zeroes the chaining values, the partial block and the message schedule. */
    public final void wipe() {
        wipePartial();
        wipeState();
    }

    private void wipePartial() {
        Zeroing.wipe(block);
        blockFill = 0;
        byteCount = 0;
    }

    abstract void loadInitialState();

    abstract void loadState(ByteBuffer saved, int index);

    abstract void storeState(ByteBuffer out, int index);

    abstract void compress(byte[] input, int offset);

    abstract void writeDigest(byte[] out, int offset);

    abstract void wipeState();

    static int getInt(byte[] b, int i) {
        return (b[i] << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    static long getLong(byte[] b, int i) {
        return ((long) getInt(b, i) << 32) | (getInt(b, i + 4) & 0xffffffffL);
    }

    static void putInt(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    static void putLong(byte[] b, int i, long v) {
        putInt(b, i, (int) (v >>> 32));
        putInt(b, i + 4, (int) v);
    }
}

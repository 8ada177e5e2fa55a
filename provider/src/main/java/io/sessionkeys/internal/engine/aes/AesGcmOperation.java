package io.sessionkeys.internal.engine.aes;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.AeadOperation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One AES-GCM message: counter-mode keystream four blocks per AES pass, GHASH over AAD and
 * ciphertext with partial blocks carried between calls. Holds only per-message state (counter,
 * hash accumulator, unused keystream, the encrypted pre-counter block), never key material.
 *
 * <p>The first AES pass, at {@link #AesGcmOperation start}, encrypts the pre-counter block J0
 * together with the first three data counter blocks, so a message of up to 48 bytes costs a
 * single pass.
 */
final class AesGcmOperation implements AeadOperation {

    /** SP 800-38D §5.2.1.1: at most 2^39 - 256 bits of plaintext per message. */
    private static final long MAX_DATA_BYTES = (1L << 36) - 32;
    private static final int TAG_LENGTH = 16;
    private static final int STREAM_BYTES = 64;
    /** Data processed per step of {@link #encrypt}: encrypt a chunk, then hash it while it is in cache. */
    private static final int CHUNK = 4096;

    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE_LONG = Ghash.BE_LONG;

    private final int rounds;
    private final int tableOffset;

    /** The first three words of every counter block (little-endian, as the AES rounds load them). */
    private int nonceWord0;
    private int nonceWord1;
    private int nonceWord2;
    /** The 32-bit block counter of the next keystream pass (big-endian integer value). */
    private int counter;
    private long tagMaskHigh;
    private long tagMaskLow;

    private final long[] hash = new long[2];
    private final byte[] hashPending = new byte[16];
    private int hashPendingLength;
    private final byte[] stream = new byte[STREAM_BYTES];
    private int streamPosition = STREAM_BYTES;
    private final long[] state = new long[8];

    private long aadLength;
    private long dataLength;
    private boolean aadClosed;
    private boolean tagComputed;

    AesGcmOperation(ByteBuffer keyData, byte[] nonce) {
        this.rounds = GcmPrecomputation.rounds(keyData);
        this.tableOffset = GcmPrecomputation.tableOffset(keyData);
        try {
            int counter0 = nonce.length == 12 ? fromTwelveByteNonce(nonce) : fromHashedNonce(keyData, nonce);
            counter = counter0;
            keystreamPass(keyData);
            tagMaskHigh = (long) BE_LONG.get(stream, 0);
            tagMaskLow = (long) BE_LONG.get(stream, 8);
            Zeroing.wipe(stream, 0, 16);
            streamPosition = 16;
        } finally {
            Zeroing.wipe(state);
        }
    }

    /** J0 = nonce || 0^31 || 1. */
    private int fromTwelveByteNonce(byte[] nonce) {
        nonceWord0 = (int) LE_INT.get(nonce, 0);
        nonceWord1 = (int) LE_INT.get(nonce, 4);
        nonceWord2 = (int) LE_INT.get(nonce, 8);
        return 1;
    }

    /** J0 = GHASH(nonce || 0-padding || 0^64 || [bit length of nonce]_64). */
    private int fromHashedNonce(ByteBuffer keyData, byte[] nonce) {
        int whole = nonce.length & ~15;
        for (int at = 0; at < whole; at += 16) {
            Ghash.absorb(hash, nonce, at, 1, keyData, tableOffset);
        }
        if (whole < nonce.length) {
            byte[] last = new byte[16];
            System.arraycopy(nonce, whole, last, 0, nonce.length - whole);
            Ghash.absorb(hash, last, 0, 1, keyData, tableOffset);
        }
        Ghash.absorb(hash, 0L, (long) nonce.length * 8, keyData, tableOffset);
        long high = hash[0];
        long low = hash[1];
        hash[0] = 0;
        hash[1] = 0;
        nonceWord0 = Integer.reverseBytes((int) (high >>> 32));
        nonceWord1 = Integer.reverseBytes((int) high);
        nonceWord2 = Integer.reverseBytes((int) (low >>> 32));
        return (int) low;
    }

    @Override
    public void updateAad(ByteBuffer keyData, byte[] aad, int offset, int length) {
        if (aadClosed) {
            throw new IllegalStateException("AAD must be supplied before any data");
        }
        aadLength += length;
        absorb(keyData, aad, offset, length);
    }

    @Override
    public void encrypt(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        beginData(keyData, length);
        byte[] source = in;
        int sourceOffset = inOffset;
        if (in == out && outOffset > inOffset && outOffset < inOffset + length) {
            source = Arrays.copyOfRange(in, inOffset, inOffset + length);
            sourceOffset = 0;
        }
        try {
            for (int done = 0; done < length; done += CHUNK) {
                int n = Math.min(CHUNK, length - done);
                applyKeystream(keyData, source, sourceOffset + done, n, out, outOffset + done);
                absorb(keyData, out, outOffset + done, n);
            }
        } finally {
            Zeroing.wipe(state);
            if (source != in) {
                Zeroing.wipe(source);
            }
        }
    }

    @Override
    public void authenticate(ByteBuffer keyData, byte[] ciphertext, int offset, int length) {
        beginData(keyData, length);
        absorb(keyData, ciphertext, offset, length);
    }

    @Override
    public void decryptVerified(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        if (!tagComputed) {
            throw new IllegalStateException("decryptVerified comes after authenticate and computeTag");
        }
        byte[] source = in;
        int sourceOffset = inOffset;
        if (in == out && outOffset > inOffset && outOffset < inOffset + length) {
            source = Arrays.copyOfRange(in, inOffset, inOffset + length);
            sourceOffset = 0;
        }
        try {
            applyKeystream(keyData, source, sourceOffset, length, out, outOffset);
        } finally {
            Zeroing.wipe(state);
            if (source != in) {
                Zeroing.wipe(source);
            }
        }
    }

    @Override
    public void computeTag(ByteBuffer keyData, byte[] out, int outOffset) {
        if (tagComputed) {
            throw new IllegalStateException("the tag of this message was already computed");
        }
        closeAad(keyData);
        flushPending(keyData);
        Ghash.absorb(hash, aadLength * 8, dataLength * 8, keyData, tableOffset);
        BE_LONG.set(out, outOffset, hash[0] ^ tagMaskHigh);
        BE_LONG.set(out, outOffset + 8, hash[1] ^ tagMaskLow);
        hash[0] = 0;
        hash[1] = 0;
        tagComputed = true;
    }

    @Override
    public int tagLength() {
        return TAG_LENGTH;
    }

    @Override
    public void wipe() {
        Zeroing.wipe(hash);
        Zeroing.wipe(hashPending);
        Zeroing.wipe(stream);
        Zeroing.wipe(state);
        hashPendingLength = 0;
        streamPosition = STREAM_BYTES;
        nonceWord0 = 0;
        nonceWord1 = 0;
        nonceWord2 = 0;
        counter = 0;
        tagMaskHigh = 0;
        tagMaskLow = 0;
    }

    // ---- counter mode ----

    /** Checks the state and the length limit, and ends the AAD (its last partial block is hashed padded). */
    private void beginData(ByteBuffer keyData, int length) {
        if (tagComputed) {
            throw new IllegalStateException("the tag of this message was already computed");
        }
        if (dataLength + length > MAX_DATA_BYTES) {
            throw new IllegalStateException("AES-GCM limits one message to 2^36 - 32 bytes");
        }
        closeAad(keyData);
        dataLength += length;
    }

    /** XORs the keystream into {@code length} bytes: leftover keystream first, then whole passes, then a partial pass. */
    private void applyKeystream(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        int leftover = Math.min(length, STREAM_BYTES - streamPosition);
        xorStream(in, inOffset, out, outOffset, streamPosition, leftover);
        streamPosition += leftover;
        int done = leftover;
        while (length - done >= STREAM_BYTES) {
            xorPass(keyData, in, inOffset + done, out, outOffset + done);
            done += STREAM_BYTES;
        }
        if (done < length) {
            keystreamPass(keyData);
            int rest = length - done;
            xorStream(in, inOffset + done, out, outOffset + done, 0, rest);
            streamPosition = rest;
        }
    }

    /** XORs {@code length} bytes of {@link #stream} from {@code from} into {@code in}, eight at a time where possible. */
    private void xorStream(byte[] in, int inOffset, byte[] out, int outOffset, int from, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long x = (long) LE_LONG.get(in, inOffset + i) ^ (long) LE_LONG.get(stream, from + i);
            LE_LONG.set(out, outOffset + i, x);
        }
        for (; i < length; i++) {
            out[outOffset + i] = (byte) (in[inOffset + i] ^ stream[from + i]);
        }
    }

    /** Encrypts the next four counter blocks into {@link #state} (transposed back to byte order). */
    private void encryptCounters(ByteBuffer keyData) {
        long[] q = state;
        int c = counter;
        BitslicedAes.load(q, 0, nonceWord0, nonceWord1, nonceWord2, Integer.reverseBytes(c));
        BitslicedAes.load(q, 1, nonceWord0, nonceWord1, nonceWord2, Integer.reverseBytes(c + 1));
        BitslicedAes.load(q, 2, nonceWord0, nonceWord1, nonceWord2, Integer.reverseBytes(c + 2));
        BitslicedAes.load(q, 3, nonceWord0, nonceWord1, nonceWord2, Integer.reverseBytes(c + 3));
        counter = c + 4;
        BitslicedAes.transpose(q);
        BitslicedAes.encrypt(q, keyData, 0, rounds);
        BitslicedAes.transpose(q);
    }

    /** Fills {@link #stream} with the next 64 keystream bytes. */
    private void keystreamPass(ByteBuffer keyData) {
        encryptCounters(keyData);
        for (int lane = 0; lane < 4; lane++) {
            LE_LONG.set(stream, 16 * lane, BitslicedAes.lowHalf(state, lane));
            LE_LONG.set(stream, 16 * lane + 8, BitslicedAes.highHalf(state, lane));
        }
    }

    /** XORs the next 64 keystream bytes into 64 bytes of {@code in}, each block read before it is written. */
    private void xorPass(ByteBuffer keyData, byte[] in, int inOffset, byte[] out, int outOffset) {
        encryptCounters(keyData);
        for (int lane = 0; lane < 4; lane++) {
            int i = inOffset + 16 * lane;
            int o = outOffset + 16 * lane;
            long low = (long) LE_LONG.get(in, i) ^ BitslicedAes.lowHalf(state, lane);
            long high = (long) LE_LONG.get(in, i + 8) ^ BitslicedAes.highHalf(state, lane);
            LE_LONG.set(out, o, low);
            LE_LONG.set(out, o + 8, high);
        }
    }

    // ---- GHASH with partial blocks ----

    private void closeAad(ByteBuffer keyData) {
        if (!aadClosed) {
            flushPending(keyData);
            aadClosed = true;
        }
    }

    /** Hashes a pending partial block, zero-padded (the end of the AAD or of the ciphertext). */
    private void flushPending(ByteBuffer keyData) {
        if (hashPendingLength > 0) {
            Arrays.fill(hashPending, hashPendingLength, 16, (byte) 0); // padding, not a wipe
            Ghash.absorb(hash, hashPending, 0, 1, keyData, tableOffset);
            Zeroing.wipe(hashPending);
            hashPendingLength = 0;
        }
    }

    private void absorb(ByteBuffer keyData, byte[] data, int offset, int length) {
        if (hashPendingLength > 0) {
            int take = Math.min(16 - hashPendingLength, length);
            System.arraycopy(data, offset, hashPending, hashPendingLength, take);
            hashPendingLength += take;
            offset += take;
            length -= take;
            if (hashPendingLength < 16) {
                return;
            }
            Ghash.absorb(hash, hashPending, 0, 1, keyData, tableOffset);
            hashPendingLength = 0;
        }
        while (length >= 16) {
            int blocks = Math.min(Ghash.POWERS, length >>> 4);
            Ghash.absorb(hash, data, offset, blocks, keyData, tableOffset);
            offset += 16 * blocks;
            length -= 16 * blocks;
        }
        if (length > 0) {
            System.arraycopy(data, offset, hashPending, 0, length);
            hashPendingLength = length;
        }
    }
}

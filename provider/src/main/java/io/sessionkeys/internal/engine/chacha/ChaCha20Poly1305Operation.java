package io.sessionkeys.internal.engine.chacha;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.AeadOperation;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One ChaCha20-Poly1305 message (RFC 8439 §2.8). The Poly1305 one-time key is the first half of
 * ChaCha20 block 0; data is encrypted from block 1 on; the MAC covers the AAD padded to 16 bytes,
 * the ciphertext padded to 16 bytes, and the two lengths as little-endian 64-bit numbers.
 *
 * <p>Per-message state only: the nonce, the block counter, the unused rest of the last keystream
 * block (so data may be split anywhere across calls) and the Poly1305 state. The key is read
 * again from {@code keyData} by every call that needs it and never stored.
 *
 * <p>Not thread-safe: one message, one thread at a time (the SPI owns it).
 */
final class ChaCha20Poly1305Operation implements AeadOperation {

    /** RFC 8439 §2.8: at most 2^32 - 1 blocks of data (counter 1 to 2^32 - 1), 2^38 - 64 bytes. */
    static final long MAX_DATA_LENGTH = ((1L << 32) - 1) * ChaCha20.BLOCK_SIZE;

    /**
     * Data is encrypted and authenticated in slices of this size, so that the ciphertext the MAC
     * reads back is still in the L1 cache however long the input (at 16 KiB it measured neutral).
     */
    private static final int SLICE = 2048;

    private enum Phase {
        AAD, DATA, TAG_DONE, WIPED
    }

    private final int n0;
    private final int n1;
    private final int n2;
    private final Poly1305 mac = new Poly1305();
    /** The last keystream block made; bytes from {@link #keystreamUsed} on are still unused. */
    private final byte[] keystream = new byte[ChaCha20.BLOCK_SIZE];
    private int keystreamUsed = ChaCha20.BLOCK_SIZE;
    /** The number of the next keystream block (unsigned). */
    private int counter = 1;
    /** Bytes XORed with the keystream (encrypted or decrypted) so far. */
    private long streamLength;
    private long aadLength;
    /** Ciphertext bytes authenticated so far. */
    private long textLength;
    private Phase phase = Phase.AAD;

    ChaCha20Poly1305Operation(ByteBuffer key, byte[] nonce) {
        n0 = ChaCha20.nonceWord(nonce, 0);
        n1 = ChaCha20.nonceWord(nonce, 1);
        n2 = ChaCha20.nonceWord(nonce, 2);
        try {
            ChaCha20.keystreamBlock(key, 0, n0, n1, n2, keystream);
            mac.init(keystream, 0);
        } finally {
            Zeroing.wipe(keystream);
        }
    }

    @Override
    public void updateAad(ByteBuffer keyData, byte[] aad, int offset, int length) {
        if (phase != Phase.AAD) {
            throw new IllegalStateException(phase == Phase.DATA
                    ? "AAD must be supplied before any data"
                    : "the message is finished: start a new one");
        }
        mac.update(aad, offset, length);
        aadLength += length;
    }

    @Override
    public void encrypt(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        beginText("encrypt");
        reserveText(length);
        reserveStream(length);
        byte[] source = in;
        int sourceOffset = inOffset;
        byte[] copy = null;
        if (overlapsAhead(in, inOffset, out, outOffset, length)) {
            copy = Arrays.copyOfRange(in, inOffset, inOffset + length);
            source = copy;
            sourceOffset = 0;
        }
        try {
            for (int done = 0; done < length; ) {
                int n = Math.min(SLICE, length - done);
                xorKeystream(keyData, source, sourceOffset + done, n, out, outOffset + done);
                mac.update(out, outOffset + done, n);
                done += n;
            }
        } finally {
            if (copy != null) {
                Zeroing.wipe(copy);
            }
        }
    }

    @Override
    public void authenticate(ByteBuffer keyData, byte[] ciphertext, int offset, int length) {
        beginText("authenticate");
        reserveText(length);
        mac.update(ciphertext, offset, length);
    }

    @Override
    public void computeTag(ByteBuffer keyData, byte[] out, int outOffset) {
        if (phase == Phase.TAG_DONE || phase == Phase.WIPED) {
            throw new IllegalStateException("the tag of this message was already computed: start a new one");
        }
        mac.lengths(aadLength, textLength); // pads the AAD or the ciphertext first
        mac.finish(out, outOffset);
        phase = Phase.TAG_DONE;
        dropKeystreamIfDone();
    }

    @Override
    public void decryptVerified(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        if (phase != Phase.TAG_DONE) {
            throw new IllegalStateException(phase == Phase.WIPED
                    ? "the message state was wiped: start a new one"
                    : "decryptVerified before the tag was computed and checked");
        }
        reserveStream(length);
        if (streamLength > textLength) {
            streamLength -= length;
            throw new IllegalStateException("decryptVerified got more ciphertext than was authenticated");
        }
        byte[] source = in;
        int sourceOffset = inOffset;
        byte[] copy = null;
        if (overlapsAhead(in, inOffset, out, outOffset, length)) {
            copy = Arrays.copyOfRange(in, inOffset, inOffset + length);
            source = copy;
            sourceOffset = 0;
        }
        try {
            xorKeystream(keyData, source, sourceOffset, length, out, outOffset);
        } finally {
            if (copy != null) {
                Zeroing.wipe(copy);
            }
        }
        dropKeystreamIfDone();
    }

    @Override
    public int tagLength() {
        return ChaCha20Poly1305Engine.TAG_SIZE;
    }

    @Override
    public void wipe() {
        mac.wipe();
        Zeroing.wipe(keystream);
        keystreamUsed = ChaCha20.BLOCK_SIZE;
        counter = 0;
        phase = Phase.WIPED;
    }

    /**
     * Zeroes the rest of the last keystream block as soon as no more data can need it: after the
     * tag of an encryption, and after the last authenticated byte of a decryption, rather than
     * only when the caller wipes the operation.
     */
    private void dropKeystreamIfDone() {
        if (phase == Phase.TAG_DONE && streamLength == textLength) {
            Zeroing.wipe(keystream);
            keystreamUsed = ChaCha20.BLOCK_SIZE;
        }
    }

    /** For white-box tests: whether the keystream buffer is all zero. */
    boolean keystreamIsZero() {
        int or = 0;
        for (byte b : keystream) {
            or |= b;
        }
        return or == 0;
    }

    /** Moves from AAD to data: the AAD is padded to a whole block before the first ciphertext byte. */
    private void beginText(String what) {
        if (phase == Phase.AAD) {
            mac.padToBlock();
            phase = Phase.DATA;
        } else if (phase != Phase.DATA) {
            throw new IllegalStateException(what + " after the tag was computed: start a new message");
        }
    }

    private void reserveText(int length) {
        if (length < 0 || textLength + length > MAX_DATA_LENGTH) {
            throw new IllegalStateException("a ChaCha20-Poly1305 message is limited to 2^38 - 64 bytes"
                    + " (RFC 8439 §2.8): split the data across messages");
        }
        textLength += length;
    }

    private void reserveStream(int length) {
        if (length < 0 || streamLength + length > MAX_DATA_LENGTH) {
            throw new IllegalStateException("a ChaCha20-Poly1305 message is limited to 2^38 - 64 bytes"
                    + " (RFC 8439 §2.8): split the data across messages");
        }
        streamLength += length;
    }

    /**
     * Whether writing {@code out} front to back would overwrite input not yet read: the same array
     * with the output starting inside the input, after its start. (Offsets are public.)
     */
    private static boolean overlapsAhead(byte[] in, int inOffset, byte[] out, int outOffset, int length) {
        return in == out && outOffset > inOffset && outOffset < inOffset + length;
    }

    /** XORs the next {@code length} keystream bytes with {@code in} into {@code out}. */
    private void xorKeystream(ByteBuffer key, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        int done = 0;
        if (keystreamUsed < ChaCha20.BLOCK_SIZE) {
            int n = Math.min(length, ChaCha20.BLOCK_SIZE - keystreamUsed);
            xorBytes(in, inOffset, keystream, keystreamUsed, out, outOffset, n);
            keystreamUsed += n;
            done = n;
        }
        int blocks = (length - done) / ChaCha20.BLOCK_SIZE;
        if (blocks > 0) {
            ChaCha20.xorBlocks(key, counter, n0, n1, n2, in, inOffset + done, out, outOffset + done, blocks);
            counter += blocks;
            done += blocks * ChaCha20.BLOCK_SIZE;
        }
        int rest = length - done;
        if (rest > 0) {
            ChaCha20.keystreamBlock(key, counter, n0, n1, n2, keystream);
            counter++;
            xorBytes(in, inOffset + done, keystream, 0, out, outOffset + done, rest);
            keystreamUsed = rest;
        }
    }

    private static void xorBytes(byte[] in, int inOffset, byte[] key, int keyOffset, byte[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = (byte) (in[inOffset + i] ^ key[keyOffset + i]);
        }
    }
}

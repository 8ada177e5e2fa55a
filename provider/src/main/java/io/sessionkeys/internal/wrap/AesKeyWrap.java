package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.common.ConstantTime;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * AES key wrapping on a block-cipher engine: RFC 3394 / NIST SP 800-38F KW (W and W<sup>-1</sup>)
 * and RFC 5649 / SP 800-38F KWP. Every method works in place on one heap buffer laid out as
 * {@code [A: 8 bytes][data: semiblocks]}: the caller writes the key data at offset 8 and reads
 * the result from offset 0 (wrap) or the recovered data from offset 8 (unwrap).
 *
 * <p>Unwrapping computes every check (ICV, KWP length and padding) branch-free and returns -1
 * for any failure, so no check's outcome can be told from the others by timing.
 */
final class AesKeyWrap {

    /** RFC 3394 §2.2.3.1 default initial value. */
    static final byte[] KW_DEFAULT_ICV = {
        (byte) 0xA6, (byte) 0xA6, (byte) 0xA6, (byte) 0xA6, (byte) 0xA6, (byte) 0xA6, (byte) 0xA6, (byte) 0xA6};

    /** RFC 5649 §3 alternative initial value (the fixed half of the AIV). */
    static final byte[] KWP_ICV = {(byte) 0xA6, (byte) 0x59, (byte) 0x59, (byte) 0xA6};

    static final int SEMIBLOCK = 8;

    private AesKeyWrap() {
    }

    /** The wrapped length of {@code dataLength} bytes of KW data (a multiple of 8, at least 16). */
    static int kwWrappedLength(int dataLength) {
        return dataLength + SEMIBLOCK;
    }

    /** The wrapped length of {@code dataLength} bytes of KWP data (1 byte or more). */
    static int kwpWrappedLength(int dataLength) {
        return SEMIBLOCK + ((dataLength + SEMIBLOCK - 1) / SEMIBLOCK) * SEMIBLOCK;
    }

    /** Whether KW can wrap {@code dataLength} bytes: whole semiblocks, at least two. */
    static boolean kwAccepts(int dataLength) {
        return dataLength >= 2 * SEMIBLOCK && dataLength % SEMIBLOCK == 0;
    }

    /**
     * KW-AE: wraps the {@code dataLength} bytes at {@code buf[8..]} with the 8-byte {@code icv};
     * the {@code dataLength + 8} bytes of the result start at {@code buf[0]}.
     */
    static void kwWrap(BlockCipherEngine engine, ByteBuffer schedule, byte[] icv, byte[] buf, int dataLength) {
        System.arraycopy(icv, 0, buf, 0, SEMIBLOCK);
        forward(engine, schedule, buf, dataLength / SEMIBLOCK);
    }

    /**
     * KW-AD: unwraps the {@code wrappedLength} bytes at {@code buf[0..]} in place.
     *
     * @return the length of the recovered data at {@code buf[8..]}, or -1 if the ICV does not
     *     match (decided without a data-dependent branch)
     */
    static int kwUnwrap(BlockCipherEngine engine, ByteBuffer schedule, byte[] icv, byte[] buf, int wrappedLength) {
        int n = wrappedLength / SEMIBLOCK - 1;
        inverse(engine, schedule, buf, n);
        int ok = ConstantTime.isZero(ConstantTime.difference(buf, 0, icv, 0, SEMIBLOCK));
        return ConstantTime.select(ok, wrappedLength - SEMIBLOCK, -1);
    }

    /**
     * KWP-AE: pads the {@code dataLength} bytes at {@code buf[8..]} with zeros and wraps them with
     * the 4-byte {@code icv}; {@code buf} must hold {@link #kwpWrappedLength} bytes.
     */
    static void kwpWrap(BlockCipherEngine engine, ByteBuffer schedule, byte[] icv, byte[] buf, int dataLength) {
        int wrappedLength = kwpWrappedLength(dataLength);
        Arrays.fill(buf, SEMIBLOCK + dataLength, wrappedLength, (byte) 0); // padding, not a wipe
        System.arraycopy(icv, 0, buf, 0, 4);
        buf[4] = (byte) (dataLength >>> 24);
        buf[5] = (byte) (dataLength >>> 16);
        buf[6] = (byte) (dataLength >>> 8);
        buf[7] = (byte) dataLength;
        if (wrappedLength == 2 * SEMIBLOCK) {
            // RFC 5649 §4.1: a single semiblock of data is one AES block, AIV || P
            engine.encryptBlocks(schedule, buf, 0, buf, 0, 1);
        } else {
            forward(engine, schedule, buf, wrappedLength / SEMIBLOCK - 1);
        }
    }

    /**
     * KWP-AD: unwraps the {@code wrappedLength} bytes (a multiple of 8, at least 16) at
     * {@code buf[0..]} in place.
     *
     * @return the length of the recovered data at {@code buf[8..]}, or -1 if the ICV, the
     *     encoded length or the padding is wrong (all checked without data-dependent branches)
     */
    static int kwpUnwrap(BlockCipherEngine engine, ByteBuffer schedule, byte[] icv, byte[] buf, int wrappedLength) {
        if (wrappedLength == 2 * SEMIBLOCK) {
            engine.decryptBlocks(schedule, buf, 0, buf, 0, 1);
        } else {
            inverse(engine, schedule, buf, wrappedLength / SEMIBLOCK - 1);
        }
        int ok = ConstantTime.isZero(ConstantTime.difference(buf, 0, icv, 0, 4));
        long mli = ((buf[4] & 0xFFL) << 24) | ((buf[5] & 0xFF) << 16) | ((buf[6] & 0xFF) << 8) | (buf[7] & 0xFF);
        long padded = wrappedLength - SEMIBLOCK;
        // SP 800-38F §6.3 step 3: 8(n-1) < MLI <= 8n
        ok &= ~ConstantTime.lessThan(mli, padded - SEMIBLOCK + 1) & ~ConstantTime.lessThan(padded, mli);
        // the bytes after MLI in the last semiblock must be zero
        int padBits = 0;
        for (int k = 0; k < SEMIBLOCK; k++) {
            long position = padded - SEMIBLOCK + k; // offset within the data
            int isPadding = ~ConstantTime.lessThan(position, mli);
            padBits |= isPadding & buf[SEMIBLOCK + (int) position];
        }
        ok &= ConstantTime.isZero(padBits);
        return ConstantTime.select(ok, (int) mli, -1);
    }

    /** W (SP 800-38F §6.1): six rounds over n semiblocks, A in {@code buf[0..8)}. */
    private static void forward(BlockCipherEngine engine, ByteBuffer schedule, byte[] buf, int n) {
        byte[] block = new byte[BlockCipherEngine.BLOCK_SIZE];
        try {
            System.arraycopy(buf, 0, block, 0, SEMIBLOCK);
            long t = 1;
            for (int j = 0; j < 6; j++) {
                for (int i = 1; i <= n; i++, t++) {
                    System.arraycopy(buf, i * SEMIBLOCK, block, SEMIBLOCK, SEMIBLOCK);
                    engine.encryptBlocks(schedule, block, 0, block, 0, 1);
                    xorCounter(block, t);
                    System.arraycopy(block, SEMIBLOCK, buf, i * SEMIBLOCK, SEMIBLOCK);
                }
            }
            System.arraycopy(block, 0, buf, 0, SEMIBLOCK);
        } finally {
            Zeroing.wipe(block);
        }
    }

    /** W<sup>-1</sup> (SP 800-38F §6.1): undoes {@link #forward}, leaving the recovered A in {@code buf[0..8)}. */
    private static void inverse(BlockCipherEngine engine, ByteBuffer schedule, byte[] buf, int n) {
        byte[] block = new byte[BlockCipherEngine.BLOCK_SIZE];
        try {
            System.arraycopy(buf, 0, block, 0, SEMIBLOCK);
            long t = 6L * n;
            for (int j = 5; j >= 0; j--) {
                for (int i = n; i >= 1; i--, t--) {
                    xorCounter(block, t);
                    System.arraycopy(buf, i * SEMIBLOCK, block, SEMIBLOCK, SEMIBLOCK);
                    engine.decryptBlocks(schedule, block, 0, block, 0, 1);
                    System.arraycopy(block, SEMIBLOCK, buf, i * SEMIBLOCK, SEMIBLOCK);
                }
            }
            System.arraycopy(block, 0, buf, 0, SEMIBLOCK);
        } finally {
            Zeroing.wipe(block);
        }
    }

    /** A ^= t, t as a 64-bit big-endian number. */
    private static void xorCounter(byte[] block, long t) {
        for (int k = 0; k < SEMIBLOCK; k++) {
            block[SEMIBLOCK - 1 - k] ^= (byte) (t >>> (8 * k));
        }
    }
}

package io.sessionkeys.internal.engine.aes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * GHASH multiplication in GF(2^128) from integer multiplications, with no table and no
 * secret-dependent branch (the idea of BearSSL's {@code ghash_ctmul64}).
 *
 * <p>A carry-less 64x64 product is computed with ordinary multiplications on operands whose bits
 * are spread four apart ({@link #clmulLow}): in each partial product no column collects more
 * than 15 ones below bit 64, so the carries never reach the next bit that is kept, and masking
 * recovers the carry-less result. Such a product yields only the low 64 bits; the high 64 bits
 * come from the same routine on bit-reversed operands. A 128x128 product is three of each
 * (Karatsuba). GCM's bit order (the first bit of a block is the coefficient of x^0) is handled by
 * multiplying the bit-reflected values and shifting the 255-bit result left by one.
 *
 * <p>Per key the table holds H, H^2, H^3 and H^4, each as six longs: its low and high halves,
 * their XOR (for Karatsuba), and the bit-reversals of those three. Four blocks are absorbed as
 * {@code (Y ^ X1)H^4 ^ X2 H^3 ^ X3 H^2 ^ X4 H}: the partial products of all four are summed and
 * reversed and reduced once.
 */
final class Ghash {

    static final int POWERS = 4;
    private static final int POWER_BYTES = 48;
    static final int TABLE_BYTES = POWERS * POWER_BYTES;

    static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static final long M0 = 0x1111111111111111L;
    private static final long M1 = 0x2222222222222222L;
    private static final long M2 = 0x4444444444444444L;
    private static final long M3 = 0x8888888888888888L;

    private Ghash() {
    }

    /** The low 64 bits of the carry-less product of {@code x} and {@code y}. */
    static long clmulLow(long x, long y) {
        long x0 = x & M0;
        long x1 = x & M1;
        long x2 = x & M2;
        long x3 = x & M3;
        long y0 = y & M0;
        long y1 = y & M1;
        long y2 = y & M2;
        long y3 = y & M3;
        long z0 = (x0 * y0) ^ (x1 * y3) ^ (x2 * y2) ^ (x3 * y1);
        long z1 = (x0 * y1) ^ (x1 * y0) ^ (x2 * y3) ^ (x3 * y2);
        long z2 = (x0 * y2) ^ (x1 * y1) ^ (x2 * y0) ^ (x3 * y3);
        long z3 = (x0 * y3) ^ (x1 * y2) ^ (x2 * y1) ^ (x3 * y0);
        return (z0 & M0) | (z1 & M1) | (z2 & M2) | (z3 & M3);
    }

    /** Writes the table for {@code H = hHigh:hLow} (first and last 8 bytes, big-endian) at {@code offset}. */
    static void writeTable(long hHigh, long hLow, ByteBuffer out, int offset) {
        long[] power = {hHigh, hLow};
        try {
            for (int p = 0; p < POWERS; p++) {
                int at = offset + p * POWER_BYTES;
                long lo = power[1];
                long hi = power[0];
                long loR = Long.reverse(lo);
                long hiR = Long.reverse(hi);
                out.putLong(at, lo);
                out.putLong(at + 8, hi);
                out.putLong(at + 16, lo ^ hi);
                out.putLong(at + 24, loR);
                out.putLong(at + 32, hiR);
                out.putLong(at + 40, loR ^ hiR);
                multiply(power, hHigh, hLow);
            }
        } finally {
            power[0] = 0;
            power[1] = 0;
        }
    }

    /** {@code y = y * (bHigh:bLow)}, for building the table. */
    private static void multiply(long[] y, long bHigh, long bLow) {
        long a1 = y[0];
        long a0 = y[1];
        long a0r = Long.reverse(a0);
        long a1r = Long.reverse(a1);
        long b0r = Long.reverse(bLow);
        long b1r = Long.reverse(bHigh);
        reduce(y, clmulLow(a0, bLow), clmulLow(a1, bHigh), clmulLow(a0 ^ a1, bLow ^ bHigh),
                clmulLow(a0r, b0r), clmulLow(a1r, b1r), clmulLow(a0r ^ a1r, b0r ^ b1r));
    }

    /**
     * Absorbs {@code blocks} (1 to 4) whole blocks from {@code data} into the state {@code y}
     * ({@code y[0]} high, {@code y[1]} low): {@code y = (y ^ X1) H^n ^ X2 H^(n-1) ^ ... ^ Xn H}.
     */
    static void absorb(long[] y, byte[] data, int offset, int blocks, ByteBuffer table, int tableOffset) {
        long z0 = 0;
        long z1 = 0;
        long z2 = 0;
        long z0h = 0;
        long z1h = 0;
        long z2h = 0;
        long a1 = y[0] ^ (long) BE_LONG.get(data, offset);
        long a0 = y[1] ^ (long) BE_LONG.get(data, offset + 8);
        for (int i = 0; i < blocks; i++) {
            if (i > 0) {
                a1 = (long) BE_LONG.get(data, offset + 16 * i);
                a0 = (long) BE_LONG.get(data, offset + 16 * i + 8);
            }
            int at = tableOffset + (blocks - 1 - i) * POWER_BYTES;
            long a0r = Long.reverse(a0);
            long a1r = Long.reverse(a1);
            z0 ^= clmulLow(a0, table.getLong(at));
            z1 ^= clmulLow(a1, table.getLong(at + 8));
            z2 ^= clmulLow(a0 ^ a1, table.getLong(at + 16));
            z0h ^= clmulLow(a0r, table.getLong(at + 24));
            z1h ^= clmulLow(a1r, table.getLong(at + 32));
            z2h ^= clmulLow(a0r ^ a1r, table.getLong(at + 40));
        }
        reduce(y, z0, z1, z2, z0h, z1h, z2h);
    }

    /** Absorbs one block given as two longs (the length block). */
    static void absorb(long[] y, long high, long low, ByteBuffer table, int tableOffset) {
        long a1 = y[0] ^ high;
        long a0 = y[1] ^ low;
        long a0r = Long.reverse(a0);
        long a1r = Long.reverse(a1);
        int at = tableOffset;
        reduce(y, clmulLow(a0, table.getLong(at)), clmulLow(a1, table.getLong(at + 8)),
                clmulLow(a0 ^ a1, table.getLong(at + 16)), clmulLow(a0r, table.getLong(at + 24)),
                clmulLow(a1r, table.getLong(at + 32)), clmulLow(a0r ^ a1r, table.getLong(at + 40)));
    }

    /**
     * Combines the Karatsuba partial products (low halves {@code z*}, bit-reversed high halves
     * {@code z*h}) into the 256-bit product, shifts it into GCM's bit order and reduces it modulo
     * {@code x^128 + x^7 + x^2 + x + 1}, writing the result to {@code y}.
     */
    private static void reduce(long[] y, long z0, long z1, long z2, long z0h, long z1h, long z2h) {
        z2 ^= z0 ^ z1;
        z2h ^= z0h ^ z1h;
        z0h = Long.reverse(z0h) >>> 1;
        z1h = Long.reverse(z1h) >>> 1;
        z2h = Long.reverse(z2h) >>> 1;
        long v0 = z0;
        long v1 = z0h ^ z2;
        long v2 = z1 ^ z2h;
        long v3 = z1h;

        v3 = (v3 << 1) | (v2 >>> 63);
        v2 = (v2 << 1) | (v1 >>> 63);
        v1 = (v1 << 1) | (v0 >>> 63);
        v0 = v0 << 1;

        v2 ^= v0 ^ (v0 >>> 1) ^ (v0 >>> 2) ^ (v0 >>> 7);
        v1 ^= (v0 << 63) ^ (v0 << 62) ^ (v0 << 57);
        v3 ^= v1 ^ (v1 >>> 1) ^ (v1 >>> 2) ^ (v1 >>> 7);
        v2 ^= (v1 << 63) ^ (v1 << 62) ^ (v1 << 57);

        y[0] = v3;
        y[1] = v2;
    }
}

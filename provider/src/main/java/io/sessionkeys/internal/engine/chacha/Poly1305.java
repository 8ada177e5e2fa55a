package io.sessionkeys.internal.engine.chacha;

import static io.sessionkeys.internal.engine.chacha.LittleEndian.LE_INT;
import static io.sessionkeys.internal.engine.chacha.LittleEndian.LE_LONG;

import io.sessionkeys.internal.common.Zeroing;
import java.util.Arrays;

/**
 * The Poly1305 one-time authenticator of RFC 8439 §2.5, constant-time.
 *
 * <p>The accumulator and {@code r} are held as five 26-bit limbs in {@code long}s, so every
 * product of two limbs (at most 2^57 with the factor 5) and every sum of ten of them fits in 63
 * bits: the arithmetic is fixed-width multiplications, additions, shifts and masks, the same
 * instructions whatever the values. Limbs are carried in full after every multiplication, and
 * the final reduction modulo 2^130 - 5 chooses between {@code h} and {@code h - p} with a mask
 * derived from the sign of the difference, never a branch.
 *
 * <p>Messages are consumed in 16-byte blocks, two at a time where possible: {@code h} is
 * multiplied by {@code r^2} while the next block is multiplied by {@code r}, which halves the
 * carry chains (the longest serial dependency) without changing the result.
 *
 * <p>One instance authenticates one message; all its state is per-message and {@link #wipe()}
 * zeroes it.
 */
final class Poly1305 {

    static final int BLOCK_SIZE = 16;
    static final int KEY_SIZE = 32;
    static final int TAG_SIZE = 16;

    private static final long M26 = 0x3ffffff;
    /** Bit 128 of a full block, in limb 4 (bit 24 of the fifth 26-bit limb). */
    private static final int HIBIT = 1 << 24;

    // r, clamped (RFC 8439 §2.5), as 26-bit limbs, and 5 * r[i] for the wrapped products.
    private long r0;
    private long r1;
    private long r2;
    private long r3;
    private long r4;
    private long s1;
    private long s2;
    private long s3;
    private long s4;
    // r^2 mod p, for two blocks at a time.
    private long q0;
    private long q1;
    private long q2;
    private long q3;
    private long q4;
    private long t1;
    private long t2;
    private long t3;
    private long t4;
    // The accumulator h.
    private long h0;
    private long h1;
    private long h2;
    private long h3;
    private long h4;
    // s, the second half of the one-time key, added at the end.
    private int pad0;
    private int pad1;
    private int pad2;
    private int pad3;

    private final byte[] buffer = new byte[BLOCK_SIZE];
    private int buffered;

    /** Starts a message under the 32-byte one-time key at {@code key[offset..offset+32)}. */
    void init(byte[] key, int offset) {
        int w0 = (int) LE_INT.get(key, offset);
        int w1 = (int) LE_INT.get(key, offset + 4);
        int w2 = (int) LE_INT.get(key, offset + 8);
        int w3 = (int) LE_INT.get(key, offset + 12);
        // Clamping (r &= 0x0ffffffc0ffffffc0ffffffc0fffffff) folded into the limb split.
        r0 = w0 & 0x3ffffff;
        r1 = ((w0 >>> 26) | (w1 << 6)) & 0x3ffff03;
        r2 = ((w1 >>> 20) | (w2 << 12)) & 0x3ffc0ff;
        r3 = ((w2 >>> 14) | (w3 << 18)) & 0x3f03fff;
        r4 = (w3 >>> 8) & 0x00fffff;
        s1 = r1 * 5;
        s2 = r2 * 5;
        s3 = r3 * 5;
        s4 = r4 * 5;
        pad0 = (int) LE_INT.get(key, offset + 16);
        pad1 = (int) LE_INT.get(key, offset + 20);
        pad2 = (int) LE_INT.get(key, offset + 24);
        pad3 = (int) LE_INT.get(key, offset + 28);
        squareR();
        h0 = 0;
        h1 = 0;
        h2 = 0;
        h3 = 0;
        h4 = 0;
        buffered = 0;
    }

    /** q = r^2 mod p, fully carried. */
    private void squareR() {
        long d0 = r0 * r0 + 2 * (r1 * s4 + r2 * s3);
        long d1 = 2 * (r0 * r1 + r2 * s4) + r3 * s3;
        long d2 = 2 * (r0 * r2 + r3 * s4) + r1 * r1;
        long d3 = 2 * (r0 * r3 + r1 * r2) + r4 * s4;
        long d4 = 2 * (r0 * r4 + r1 * r3) + r2 * r2;
        long c = d0 >>> 26;
        d0 &= M26;
        d1 += c;
        c = d1 >>> 26;
        d1 &= M26;
        d2 += c;
        c = d2 >>> 26;
        d2 &= M26;
        d3 += c;
        c = d3 >>> 26;
        d3 &= M26;
        d4 += c;
        c = d4 >>> 26;
        d4 &= M26;
        d0 += c * 5;
        c = d0 >>> 26;
        d0 &= M26;
        d1 += c;
        q0 = d0;
        q1 = d1;
        q2 = d2;
        q3 = d3;
        q4 = d4;
        t1 = d1 * 5;
        t2 = d2 * 5;
        t3 = d3 * 5;
        t4 = d4 * 5;
    }

    /** Adds message bytes, in any split. */
    void update(byte[] in, int offset, int length) {
        if (buffered > 0) {
            int take = Math.min(length, BLOCK_SIZE - buffered);
            System.arraycopy(in, offset, buffer, buffered, take);
            buffered += take;
            offset += take;
            length -= take;
            if (buffered < BLOCK_SIZE) {
                return;
            }
            blocks(buffer, 0, 1, HIBIT);
            buffered = 0;
        }
        int whole = length / BLOCK_SIZE;
        if (whole > 0) {
            blocks(in, offset, whole, HIBIT);
            offset += whole * BLOCK_SIZE;
            length -= whole * BLOCK_SIZE;
        }
        if (length > 0) {
            System.arraycopy(in, offset, buffer, 0, length);
            buffered = length;
        }
    }

    /**
     * Completes a partial block with zero bytes and adds it as a full block: the padding of
     * RFC 8439 §2.8, where AAD and ciphertext are each padded to a multiple of 16 bytes.
     */
    void padToBlock() {
        if (buffered > 0) {
            Arrays.fill(buffer, buffered, BLOCK_SIZE, (byte) 0); // padding, not a wipe
            blocks(buffer, 0, 1, HIBIT);
            buffered = 0;
        }
    }

    /**
     * Pads the input so far to a whole block, then adds the block of two little-endian 64-bit
     * lengths that ends the AEAD's MAC input (RFC 8439 §2.8).
     */
    void lengths(long aadLength, long ciphertextLength) {
        padToBlock();
        LE_LONG.set(buffer, 0, aadLength);
        LE_LONG.set(buffer, 8, ciphertextLength);
        blocks(buffer, 0, 1, HIBIT);
    }

    /**
     * Finishes the message and writes the 16-byte tag. A final partial block is padded with a 1
     * byte and zeros, as RFC 8439 §2.5 says (the AEAD never leaves one).
     */
    void finish(byte[] out, int outOffset) {
        if (buffered > 0) {
            buffer[buffered] = 1;
            Arrays.fill(buffer, buffered + 1, BLOCK_SIZE, (byte) 0); // padding, not a wipe
            blocks(buffer, 0, 1, 0);
            buffered = 0;
        }
        // Full carry, first pass: h0, h2, h3, h4 below 2^26, h1 at most 2^26 + 1.
        long c = h1 >>> 26;
        h1 &= M26;
        h2 += c;
        c = h2 >>> 26;
        h2 &= M26;
        h3 += c;
        c = h3 >>> 26;
        h3 &= M26;
        h4 += c;
        c = h4 >>> 26;
        h4 &= M26;
        h0 += c * 5;
        c = h0 >>> 26;
        h0 &= M26;
        h1 += c;
        // Second, linear pass: h0..h3 below 2^26, h4 at most 2^26 (then h >= p and g is chosen).
        c = h1 >>> 26;
        h1 &= M26;
        h2 += c;
        c = h2 >>> 26;
        h2 &= M26;
        h3 += c;
        c = h3 >>> 26;
        h3 &= M26;
        h4 += c;

        // g = h + 5 - 2^130; if g >= 0 (h >= p) the result is g, else h. Chosen with a mask.
        long g0 = h0 + 5;
        c = g0 >>> 26;
        g0 &= M26;
        long g1 = h1 + c;
        c = g1 >>> 26;
        g1 &= M26;
        long g2 = h2 + c;
        c = g2 >>> 26;
        g2 &= M26;
        long g3 = h3 + c;
        c = g3 >>> 26;
        g3 &= M26;
        long g4 = h4 + c - (1L << 26);
        long keepH = g4 >> 63; // all ones if g < 0, that is h < p
        long keepG = ~keepH;
        h0 = (h0 & keepH) | (g0 & keepG);
        h1 = (h1 & keepH) | (g1 & keepG);
        h2 = (h2 & keepH) | (g2 & keepG);
        h3 = (h3 & keepH) | (g3 & keepG);
        h4 = (h4 & keepH) | (g4 & M26 & keepG);

        // h mod 2^128 as four 32-bit words, plus s, mod 2^128.
        long w0 = (h0 | (h1 << 26)) & 0xffffffffL;
        long w1 = ((h1 >>> 6) | (h2 << 20)) & 0xffffffffL;
        long w2 = ((h2 >>> 12) | (h3 << 14)) & 0xffffffffL;
        long w3 = ((h3 >>> 18) | (h4 << 8)) & 0xffffffffL;
        long f = w0 + (pad0 & 0xffffffffL);
        LE_INT.set(out, outOffset, (int) f);
        f = w1 + (pad1 & 0xffffffffL) + (f >>> 32);
        LE_INT.set(out, outOffset + 4, (int) f);
        f = w2 + (pad2 & 0xffffffffL) + (f >>> 32);
        LE_INT.set(out, outOffset + 8, (int) f);
        f = w3 + (pad3 & 0xffffffffL) + (f >>> 32);
        LE_INT.set(out, outOffset + 12, (int) f);
        wipe();
    }

    /** Adds {@code count} 16-byte blocks, each with bit 128 set ({@code hibit == HIBIT}) or not (0). */
    private void blocks(byte[] in, int offset, int count, int hibit) {
        long a0 = h0;
        long a1 = h1;
        long a2 = h2;
        long a3 = h3;
        long a4 = h4;
        final long r0 = this.r0;
        final long r1 = this.r1;
        final long r2 = this.r2;
        final long r3 = this.r3;
        final long r4 = this.r4;
        final long s1 = this.s1;
        final long s2 = this.s2;
        final long s3 = this.s3;
        final long s4 = this.s4;
        final long q0 = this.q0;
        final long q1 = this.q1;
        final long q2 = this.q2;
        final long q3 = this.q3;
        final long q4 = this.q4;
        final long t1 = this.t1;
        final long t2 = this.t2;
        final long t3 = this.t3;
        final long t4 = this.t4;
        int p = offset;
        // Two blocks at a time: h = (h + m1) * r^2 + m2 * r.
        for (; count >= 2; count -= 2, p += 2 * BLOCK_SIZE) {
            long m0 = (long) LE_LONG.get(in, p);
            long m1 = (long) LE_LONG.get(in, p + 8);
            a0 += m0 & M26;
            a1 += (m0 >>> 26) & M26;
            a2 += ((m0 >>> 52) | (m1 << 12)) & M26;
            a3 += (m1 >>> 14) & M26;
            a4 += (m1 >>> 40) | hibit;
            m0 = (long) LE_LONG.get(in, p + 16);
            m1 = (long) LE_LONG.get(in, p + 24);
            long b0 = m0 & M26;
            long b1 = (m0 >>> 26) & M26;
            long b2 = ((m0 >>> 52) | (m1 << 12)) & M26;
            long b3 = (m1 >>> 14) & M26;
            long b4 = (m1 >>> 40) | hibit;

            long d0 = a0 * q0 + a1 * t4 + a2 * t3 + a3 * t2 + a4 * t1
                    + b0 * r0 + b1 * s4 + b2 * s3 + b3 * s2 + b4 * s1;
            long d1 = a0 * q1 + a1 * q0 + a2 * t4 + a3 * t3 + a4 * t2
                    + b0 * r1 + b1 * r0 + b2 * s4 + b3 * s3 + b4 * s2;
            long d2 = a0 * q2 + a1 * q1 + a2 * q0 + a3 * t4 + a4 * t3
                    + b0 * r2 + b1 * r1 + b2 * r0 + b3 * s4 + b4 * s3;
            long d3 = a0 * q3 + a1 * q2 + a2 * q1 + a3 * q0 + a4 * t4
                    + b0 * r3 + b1 * r2 + b2 * r1 + b3 * r0 + b4 * s4;
            long d4 = a0 * q4 + a1 * q3 + a2 * q2 + a3 * q1 + a4 * q0
                    + b0 * r4 + b1 * r3 + b2 * r2 + b3 * r1 + b4 * r0;

            long c = d0 >>> 26;
            a0 = d0 & M26;
            d1 += c;
            c = d1 >>> 26;
            a1 = d1 & M26;
            d2 += c;
            c = d2 >>> 26;
            a2 = d2 & M26;
            d3 += c;
            c = d3 >>> 26;
            a3 = d3 & M26;
            d4 += c;
            c = d4 >>> 26;
            a4 = d4 & M26;
            a0 += c * 5;
            c = a0 >>> 26;
            a0 &= M26;
            a1 += c;
        }
        if (count == 1) {
            long m0 = (long) LE_LONG.get(in, p);
            long m1 = (long) LE_LONG.get(in, p + 8);
            a0 += m0 & M26;
            a1 += (m0 >>> 26) & M26;
            a2 += ((m0 >>> 52) | (m1 << 12)) & M26;
            a3 += (m1 >>> 14) & M26;
            a4 += (m1 >>> 40) | hibit;

            long d0 = a0 * r0 + a1 * s4 + a2 * s3 + a3 * s2 + a4 * s1;
            long d1 = a0 * r1 + a1 * r0 + a2 * s4 + a3 * s3 + a4 * s2;
            long d2 = a0 * r2 + a1 * r1 + a2 * r0 + a3 * s4 + a4 * s3;
            long d3 = a0 * r3 + a1 * r2 + a2 * r1 + a3 * r0 + a4 * s4;
            long d4 = a0 * r4 + a1 * r3 + a2 * r2 + a3 * r1 + a4 * r0;

            long c = d0 >>> 26;
            a0 = d0 & M26;
            d1 += c;
            c = d1 >>> 26;
            a1 = d1 & M26;
            d2 += c;
            c = d2 >>> 26;
            a2 = d2 & M26;
            d3 += c;
            c = d3 >>> 26;
            a3 = d3 & M26;
            d4 += c;
            c = d4 >>> 26;
            a4 = d4 & M26;
            a0 += c * 5;
            c = a0 >>> 26;
            a0 &= M26;
            a1 += c;
        }
        h0 = a0;
        h1 = a1;
        h2 = a2;
        h3 = a3;
        h4 = a4;
    }

    /** Zeroes the key, the accumulator and the buffer. Idempotent. */
    void wipe() {
        r0 = 0;
        r1 = 0;
        r2 = 0;
        r3 = 0;
        r4 = 0;
        s1 = 0;
        s2 = 0;
        s3 = 0;
        s4 = 0;
        q0 = 0;
        q1 = 0;
        q2 = 0;
        q3 = 0;
        q4 = 0;
        t1 = 0;
        t2 = 0;
        t3 = 0;
        t4 = 0;
        h0 = 0;
        h1 = 0;
        h2 = 0;
        h3 = 0;
        h4 = 0;
        pad0 = 0;
        pad1 = 0;
        pad2 = 0;
        pad3 = 0;
        Zeroing.wipe(buffer);
        buffered = 0;
    }
}

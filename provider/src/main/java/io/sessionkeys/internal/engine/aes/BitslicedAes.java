package io.sessionkeys.internal.engine.aes;

import io.sessionkeys.internal.common.Zeroing;
import java.nio.ByteBuffer;

/**
 * The AES rounds on four blocks at once, bitsliced into eight 64-bit words, with no table and no
 * branch or index that depends on key or data (the layout BearSSL calls {@code aes_ct64}).
 *
 * <p>Layout. Each block is read as four little-endian 32-bit words. {@link #load} spreads the
 * bytes of block {@code i} over words {@code q[i]} and {@code q[i + 4]} (each 16-bit lane holds
 * one byte of each of two state columns), then {@link #transpose} turns the eight words into
 * "bit planes": {@code q[b]} holds bit {@code b} of every one of the 64 state bytes (16 bytes of
 * each of the 4 blocks). In that form SubBytes is a Boolean circuit evaluated on all 64 bytes at
 * once, ShiftRows is a fixed permutation of bits inside each word, and MixColumns is rotations
 * and XORs across words. {@link #transpose} is its own inverse, so the same call leaves the
 * bitsliced form.
 *
 * <p>A round key is stored already bitsliced (the key replicated in all four block lanes, eight
 * words), so AddRoundKey is eight XORs. A schedule is {@code (rounds + 1) * 8} longs, read with
 * absolute big-endian {@code getLong} from the off-heap precomputation.
 *
 * <p>Stateless; callers pass a {@code long[8]} scratch array and wipe it when done.
 */
final class BitslicedAes {

    private BitslicedAes() {
    }

    /** Bytes of a bitsliced schedule for a key of {@code keyLength} bytes (16, 24 or 32). */
    static int scheduleBytes(int keyLength) {
        return (rounds(keyLength) + 1) * 64;
    }

    /** The round count for a key of {@code keyLength} bytes; refuses other lengths. */
    static int rounds(int keyLength) {
        if (keyLength != 16 && keyLength != 24 && keyLength != 32) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes long, not " + keyLength);
        }
        return keyLength / 4 + 6;
    }

    /** The round count of a bitsliced schedule of {@code scheduleBytes} bytes. */
    static int roundsOfSchedule(int scheduleBytes) {
        return scheduleBytes / 64 - 1;
    }

    // ---- layout changes ----

    /** Spreads one block (four little-endian words) into {@code q[lane]} and {@code q[lane + 4]}. */
    static void load(long[] q, int lane, int w0, int w1, int w2, int w3) {
        long x0 = spread(w0);
        long x1 = spread(w1);
        long x2 = spread(w2);
        long x3 = spread(w3);
        q[lane] = x0 | (x2 << 8);
        q[lane + 4] = x1 | (x3 << 8);
    }

    /** Moves the four bytes of {@code w} into the low byte of each 16-bit lane. */
    private static long spread(int w) {
        long x = w & 0xFFFFFFFFL;
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
        return (x | (x << 8)) & 0x00FF00FF00FF00FFL;
    }

    /** The inverse of {@link #spread} for the bytes at {@code shift} (0 or 8) in each lane. */
    private static int gather(long x) {
        x &= 0x00FF00FF00FF00FFL;
        x = (x | (x >>> 8)) & 0x0000FFFF0000FFFFL;
        return (int) x | (int) (x >>> 16);
    }

    /** Word {@code word} (0..3) of the block in lane {@code lane}, after {@link #load}. */
    static int word(long[] q, int lane, int word) {
        switch (word) {
            case 0:
                return gather(q[lane]);
            case 1:
                return gather(q[lane + 4]);
            case 2:
                return gather(q[lane] >>> 8);
            default:
                return gather(q[lane + 4] >>> 8);
        }
    }

    /** The two little-endian halves of the block in {@code lane}: words 0|1 and words 2|3. */
    static long lowHalf(long[] q, int lane) {
        return (gather(q[lane]) & 0xFFFFFFFFL) | ((long) gather(q[lane + 4]) << 32);
    }

    static long highHalf(long[] q, int lane) {
        return (gather(q[lane] >>> 8) & 0xFFFFFFFFL) | ((long) gather(q[lane + 4] >>> 8) << 32);
    }

    /** Swaps bit groups between word pairs so that word {@code b} holds bit {@code b} of every byte; an involution. */
    static void transpose(long[] q) {
        swap(q, 0, 1, 0x5555555555555555L, 1);
        swap(q, 2, 3, 0x5555555555555555L, 1);
        swap(q, 4, 5, 0x5555555555555555L, 1);
        swap(q, 6, 7, 0x5555555555555555L, 1);
        swap(q, 0, 2, 0x3333333333333333L, 2);
        swap(q, 1, 3, 0x3333333333333333L, 2);
        swap(q, 4, 6, 0x3333333333333333L, 2);
        swap(q, 5, 7, 0x3333333333333333L, 2);
        swap(q, 0, 4, 0x0F0F0F0F0F0F0F0FL, 4);
        swap(q, 1, 5, 0x0F0F0F0F0F0F0F0FL, 4);
        swap(q, 2, 6, 0x0F0F0F0F0F0F0F0FL, 4);
        swap(q, 3, 7, 0x0F0F0F0F0F0F0F0FL, 4);
    }

    private static void swap(long[] q, int i, int j, long low, int shift) {
        long a = q[i];
        long b = q[j];
        long high = ~low;
        q[i] = (a & low) | ((b & low) << shift);
        q[j] = ((a & high) >>> shift) | (b & high);
    }

    // ---- the cipher ----

    /**
     * Encrypts the four bitsliced blocks in {@code q} with the <em>fixsliced</em> schedule at
     * {@code offset} in {@code keys} (see {@link #expandKey}).
     *
     * <p>Fixslicing (Adomnicai and Peyrin, "Fixslicing AES-like ciphers", TCHES 2021): ShiftRows is
     * never applied. After {@code k} rounds the physical state is {@code SR^-k} of the true one, so
     * round {@code r} uses MixColumns conjugated by {@code SR^k}, {@code k = r mod 4}, and round
     * key {@code SR^-k(K_r)}; one partial ShiftRows at the end restores the true order.
     *
     * <p>Conjugated MixColumns: in a state whose row {@code i} lags {@code k * i} columns behind its
     * true place, the byte one row down in the same true column sits {@code k} columns on, so
     * "next row" is a 16-bit word rotation followed by rotating each 16-bit row right by
     * {@code 4k} bits, and "two rows on" a 32-bit rotation followed by a rotation by
     * {@code 8k mod 16}: two word rotations and two masks each, against ShiftRows' seven masks and
     * six shifts per word.
     *
     * <p>The rounds are written out in one method on local variables (the same S-box circuit as
     * {@link #subBytes}, the same MixColumns as {@link #mixColumns} for {@code k = 0}) so that the
     * state stays in registers across the cipher; a test checks it against the textbook rounds.
     */
    static void encrypt(long[] q, ByteBuffer keys, int offset, int rounds) {
        long q0 = q[0] ^ keys.getLong(offset + 0);
        long q1 = q[1] ^ keys.getLong(offset + 8);
        long q2 = q[2] ^ keys.getLong(offset + 16);
        long q3 = q[3] ^ keys.getLong(offset + 24);
        long q4 = q[4] ^ keys.getLong(offset + 32);
        long q5 = q[5] ^ keys.getLong(offset + 40);
        long q6 = q[6] ^ keys.getLong(offset + 48);
        long q7 = q[7] ^ keys.getLong(offset + 56);
        for (int r = 1; r <= rounds; r++) {
            { // SubBytes
                long x0 = q7;
                long x1 = q6;
                long x2 = q5;
                long x3 = q4;
                long x4 = q3;
                long x5 = q2;
                long x6 = q1;
                long x7 = q0;
                long y14 = x3 ^ x5;
                long y13 = x0 ^ x6;
                long y9 = x0 ^ x3;
                long y8 = x0 ^ x5;
                long t0 = x1 ^ x2;
                long y1 = t0 ^ x7;
                long y4 = y1 ^ x3;
                long y12 = y13 ^ y14;
                long y2 = y1 ^ x0;
                long y5 = y1 ^ x6;
                long y3 = y5 ^ y8;
                long t1 = x4 ^ y12;
                long y15 = t1 ^ x5;
                long y20 = t1 ^ x1;
                long y6 = y15 ^ x7;
                long y10 = y15 ^ t0;
                long y11 = y20 ^ y9;
                long y7 = x7 ^ y11;
                long y17 = y10 ^ y11;
                long y19 = y10 ^ y8;
                long y16 = t0 ^ y11;
                long y21 = y13 ^ y16;
                long y18 = x0 ^ y16;
                long t2 = y12 & y15;
                long t3 = y3 & y6;
                long t4 = t3 ^ t2;
                long t5 = y4 & x7;
                long t6 = t5 ^ t2;
                long t7 = y13 & y16;
                long t8 = y5 & y1;
                long t9 = t8 ^ t7;
                long t10 = y2 & y7;
                long t11 = t10 ^ t7;
                long t12 = y9 & y11;
                long t13 = y14 & y17;
                long t14 = t13 ^ t12;
                long t15 = y8 & y10;
                long t16 = t15 ^ t12;
                long t17 = t4 ^ t14;
                long t18 = t6 ^ t16;
                long t19 = t9 ^ t14;
                long t20 = t11 ^ t16;
                long t21 = t17 ^ y20;
                long t22 = t18 ^ y19;
                long t23 = t19 ^ y21;
                long t24 = t20 ^ y18;
                long t25 = t21 ^ t22;
                long t26 = t21 & t23;
                long t27 = t24 ^ t26;
                long t28 = t25 & t27;
                long t29 = t28 ^ t22;
                long t30 = t23 ^ t24;
                long t31 = t22 ^ t26;
                long t32 = t31 & t30;
                long t33 = t32 ^ t24;
                long t34 = t23 ^ t33;
                long t35 = t27 ^ t33;
                long t36 = t24 & t35;
                long t37 = t36 ^ t34;
                long t38 = t27 ^ t36;
                long t39 = t29 & t38;
                long t40 = t25 ^ t39;
                long t41 = t40 ^ t37;
                long t42 = t29 ^ t33;
                long t43 = t29 ^ t40;
                long t44 = t33 ^ t37;
                long t45 = t42 ^ t41;
                long z0 = t44 & y15;
                long z1 = t37 & y6;
                long z2 = t33 & x7;
                long z3 = t43 & y16;
                long z4 = t40 & y1;
                long z5 = t29 & y7;
                long z6 = t42 & y11;
                long z7 = t45 & y17;
                long z8 = t41 & y10;
                long z9 = t44 & y12;
                long z10 = t37 & y3;
                long z11 = t33 & y4;
                long z12 = t43 & y13;
                long z13 = t40 & y5;
                long z14 = t29 & y2;
                long z15 = t42 & y9;
                long z16 = t45 & y14;
                long z17 = t41 & y8;
                long t46 = z15 ^ z16;
                long t47 = z10 ^ z11;
                long t48 = z5 ^ z13;
                long t49 = z9 ^ z10;
                long t50 = z2 ^ z12;
                long t51 = z2 ^ z5;
                long t52 = z7 ^ z8;
                long t53 = z0 ^ z3;
                long t54 = z6 ^ z7;
                long t55 = z16 ^ z17;
                long t56 = z12 ^ t48;
                long t57 = t50 ^ t53;
                long t58 = z4 ^ t46;
                long t59 = z3 ^ t54;
                long t60 = t46 ^ t57;
                long t61 = z14 ^ t57;
                long t62 = t52 ^ t58;
                long t63 = t49 ^ t58;
                long t64 = z4 ^ t59;
                long t65 = t61 ^ t62;
                long t66 = z1 ^ t63;
                long s0 = t59 ^ t63;
                long s6 = t56 ^ ~t62;
                long s7 = t48 ^ ~t60;
                long t67 = t64 ^ t65;
                long s3 = t53 ^ t66;
                long s4 = t51 ^ t66;
                long s5 = t47 ^ t65;
                long s1 = t64 ^ ~s3;
                long s2 = t55 ^ ~t67;
                q7 = s0;
                q6 = s1;
                q5 = s2;
                q4 = s3;
                q3 = s4;
                q2 = s5;
                q1 = s6;
                q0 = s7;
            }
            if (r < rounds) {
                switch (r & 3) {
                    case 1: {
                        long a0 = q0;
                        long a1 = q1;
                        long a2 = q2;
                        long a3 = q3;
                        long a4 = q4;
                        long a5 = q5;
                        long a6 = q6;
                        long a7 = q7;
                        long r0 = (Long.rotateRight(a0, 20) & 0x0FFF0FFF0FFF0FFFL | Long.rotateRight(a0, 4) & 0xF000F000F000F000L);
                        long r1 = (Long.rotateRight(a1, 20) & 0x0FFF0FFF0FFF0FFFL | Long.rotateRight(a1, 4) & 0xF000F000F000F000L);
                        long r2 = (Long.rotateRight(a2, 20) & 0x0FFF0FFF0FFF0FFFL | Long.rotateRight(a2, 4) & 0xF000F000F000F000L);
                        long r3 = (Long.rotateRight(a3, 20) & 0x0FFF0FFF0FFF0FFFL | Long.rotateRight(a3, 4) & 0xF000F000F000F000L);
                        long r4 = (Long.rotateRight(a4, 20) & 0x0FFF0FFF0FFF0FFFL | Long.rotateRight(a4, 4) & 0xF000F000F000F000L);
                        long r5 = (Long.rotateRight(a5, 20) & 0x0FFF0FFF0FFF0FFFL | Long.rotateRight(a5, 4) & 0xF000F000F000F000L);
                        long r6 = (Long.rotateRight(a6, 20) & 0x0FFF0FFF0FFF0FFFL | Long.rotateRight(a6, 4) & 0xF000F000F000F000L);
                        long r7 = (Long.rotateRight(a7, 20) & 0x0FFF0FFF0FFF0FFFL | Long.rotateRight(a7, 4) & 0xF000F000F000F000L);
                        q0 = a7 ^ r7 ^ r0 ^ (Long.rotateRight((a0 ^ r0), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a0 ^ r0), 24) & 0xFF00FF00FF00FF00L);
                        q1 = a0 ^ r0 ^ a7 ^ r7 ^ r1 ^ (Long.rotateRight((a1 ^ r1), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a1 ^ r1), 24) & 0xFF00FF00FF00FF00L);
                        q2 = a1 ^ r1 ^ r2 ^ (Long.rotateRight((a2 ^ r2), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a2 ^ r2), 24) & 0xFF00FF00FF00FF00L);
                        q3 = a2 ^ r2 ^ a7 ^ r7 ^ r3 ^ (Long.rotateRight((a3 ^ r3), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a3 ^ r3), 24) & 0xFF00FF00FF00FF00L);
                        q4 = a3 ^ r3 ^ a7 ^ r7 ^ r4 ^ (Long.rotateRight((a4 ^ r4), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a4 ^ r4), 24) & 0xFF00FF00FF00FF00L);
                        q5 = a4 ^ r4 ^ r5 ^ (Long.rotateRight((a5 ^ r5), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a5 ^ r5), 24) & 0xFF00FF00FF00FF00L);
                        q6 = a5 ^ r5 ^ r6 ^ (Long.rotateRight((a6 ^ r6), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a6 ^ r6), 24) & 0xFF00FF00FF00FF00L);
                        q7 = a6 ^ r6 ^ r7 ^ (Long.rotateRight((a7 ^ r7), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a7 ^ r7), 24) & 0xFF00FF00FF00FF00L);
                        break;
                    }
                    case 2: {
                        long a0 = q0;
                        long a1 = q1;
                        long a2 = q2;
                        long a3 = q3;
                        long a4 = q4;
                        long a5 = q5;
                        long a6 = q6;
                        long a7 = q7;
                        long r0 = (Long.rotateRight(a0, 24) & 0x00FF00FF00FF00FFL | Long.rotateRight(a0, 8) & 0xFF00FF00FF00FF00L);
                        long r1 = (Long.rotateRight(a1, 24) & 0x00FF00FF00FF00FFL | Long.rotateRight(a1, 8) & 0xFF00FF00FF00FF00L);
                        long r2 = (Long.rotateRight(a2, 24) & 0x00FF00FF00FF00FFL | Long.rotateRight(a2, 8) & 0xFF00FF00FF00FF00L);
                        long r3 = (Long.rotateRight(a3, 24) & 0x00FF00FF00FF00FFL | Long.rotateRight(a3, 8) & 0xFF00FF00FF00FF00L);
                        long r4 = (Long.rotateRight(a4, 24) & 0x00FF00FF00FF00FFL | Long.rotateRight(a4, 8) & 0xFF00FF00FF00FF00L);
                        long r5 = (Long.rotateRight(a5, 24) & 0x00FF00FF00FF00FFL | Long.rotateRight(a5, 8) & 0xFF00FF00FF00FF00L);
                        long r6 = (Long.rotateRight(a6, 24) & 0x00FF00FF00FF00FFL | Long.rotateRight(a6, 8) & 0xFF00FF00FF00FF00L);
                        long r7 = (Long.rotateRight(a7, 24) & 0x00FF00FF00FF00FFL | Long.rotateRight(a7, 8) & 0xFF00FF00FF00FF00L);
                        q0 = a7 ^ r7 ^ r0 ^ Long.rotateRight((a0 ^ r0), 32);
                        q1 = a0 ^ r0 ^ a7 ^ r7 ^ r1 ^ Long.rotateRight((a1 ^ r1), 32);
                        q2 = a1 ^ r1 ^ r2 ^ Long.rotateRight((a2 ^ r2), 32);
                        q3 = a2 ^ r2 ^ a7 ^ r7 ^ r3 ^ Long.rotateRight((a3 ^ r3), 32);
                        q4 = a3 ^ r3 ^ a7 ^ r7 ^ r4 ^ Long.rotateRight((a4 ^ r4), 32);
                        q5 = a4 ^ r4 ^ r5 ^ Long.rotateRight((a5 ^ r5), 32);
                        q6 = a5 ^ r5 ^ r6 ^ Long.rotateRight((a6 ^ r6), 32);
                        q7 = a6 ^ r6 ^ r7 ^ Long.rotateRight((a7 ^ r7), 32);
                        break;
                    }
                    case 3: {
                        long a0 = q0;
                        long a1 = q1;
                        long a2 = q2;
                        long a3 = q3;
                        long a4 = q4;
                        long a5 = q5;
                        long a6 = q6;
                        long a7 = q7;
                        long r0 = (Long.rotateRight(a0, 28) & 0x000F000F000F000FL | Long.rotateRight(a0, 12) & 0xFFF0FFF0FFF0FFF0L);
                        long r1 = (Long.rotateRight(a1, 28) & 0x000F000F000F000FL | Long.rotateRight(a1, 12) & 0xFFF0FFF0FFF0FFF0L);
                        long r2 = (Long.rotateRight(a2, 28) & 0x000F000F000F000FL | Long.rotateRight(a2, 12) & 0xFFF0FFF0FFF0FFF0L);
                        long r3 = (Long.rotateRight(a3, 28) & 0x000F000F000F000FL | Long.rotateRight(a3, 12) & 0xFFF0FFF0FFF0FFF0L);
                        long r4 = (Long.rotateRight(a4, 28) & 0x000F000F000F000FL | Long.rotateRight(a4, 12) & 0xFFF0FFF0FFF0FFF0L);
                        long r5 = (Long.rotateRight(a5, 28) & 0x000F000F000F000FL | Long.rotateRight(a5, 12) & 0xFFF0FFF0FFF0FFF0L);
                        long r6 = (Long.rotateRight(a6, 28) & 0x000F000F000F000FL | Long.rotateRight(a6, 12) & 0xFFF0FFF0FFF0FFF0L);
                        long r7 = (Long.rotateRight(a7, 28) & 0x000F000F000F000FL | Long.rotateRight(a7, 12) & 0xFFF0FFF0FFF0FFF0L);
                        q0 = a7 ^ r7 ^ r0 ^ (Long.rotateRight((a0 ^ r0), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a0 ^ r0), 24) & 0xFF00FF00FF00FF00L);
                        q1 = a0 ^ r0 ^ a7 ^ r7 ^ r1 ^ (Long.rotateRight((a1 ^ r1), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a1 ^ r1), 24) & 0xFF00FF00FF00FF00L);
                        q2 = a1 ^ r1 ^ r2 ^ (Long.rotateRight((a2 ^ r2), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a2 ^ r2), 24) & 0xFF00FF00FF00FF00L);
                        q3 = a2 ^ r2 ^ a7 ^ r7 ^ r3 ^ (Long.rotateRight((a3 ^ r3), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a3 ^ r3), 24) & 0xFF00FF00FF00FF00L);
                        q4 = a3 ^ r3 ^ a7 ^ r7 ^ r4 ^ (Long.rotateRight((a4 ^ r4), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a4 ^ r4), 24) & 0xFF00FF00FF00FF00L);
                        q5 = a4 ^ r4 ^ r5 ^ (Long.rotateRight((a5 ^ r5), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a5 ^ r5), 24) & 0xFF00FF00FF00FF00L);
                        q6 = a5 ^ r5 ^ r6 ^ (Long.rotateRight((a6 ^ r6), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a6 ^ r6), 24) & 0xFF00FF00FF00FF00L);
                        q7 = a6 ^ r6 ^ r7 ^ (Long.rotateRight((a7 ^ r7), 40) & 0x00FF00FF00FF00FFL | Long.rotateRight((a7 ^ r7), 24) & 0xFF00FF00FF00FF00L);
                        break;
                    }
                    default: {
                        long a0 = q0;
                        long a1 = q1;
                        long a2 = q2;
                        long a3 = q3;
                        long a4 = q4;
                        long a5 = q5;
                        long a6 = q6;
                        long a7 = q7;
                        long r0 = Long.rotateRight(a0, 16);
                        long r1 = Long.rotateRight(a1, 16);
                        long r2 = Long.rotateRight(a2, 16);
                        long r3 = Long.rotateRight(a3, 16);
                        long r4 = Long.rotateRight(a4, 16);
                        long r5 = Long.rotateRight(a5, 16);
                        long r6 = Long.rotateRight(a6, 16);
                        long r7 = Long.rotateRight(a7, 16);
                        q0 = a7 ^ r7 ^ r0 ^ Long.rotateRight((a0 ^ r0), 32);
                        q1 = a0 ^ r0 ^ a7 ^ r7 ^ r1 ^ Long.rotateRight((a1 ^ r1), 32);
                        q2 = a1 ^ r1 ^ r2 ^ Long.rotateRight((a2 ^ r2), 32);
                        q3 = a2 ^ r2 ^ a7 ^ r7 ^ r3 ^ Long.rotateRight((a3 ^ r3), 32);
                        q4 = a3 ^ r3 ^ a7 ^ r7 ^ r4 ^ Long.rotateRight((a4 ^ r4), 32);
                        q5 = a4 ^ r4 ^ r5 ^ Long.rotateRight((a5 ^ r5), 32);
                        q6 = a5 ^ r5 ^ r6 ^ Long.rotateRight((a6 ^ r6), 32);
                        q7 = a6 ^ r6 ^ r7 ^ Long.rotateRight((a7 ^ r7), 32);
                        break;
                    }
                }
            }
            int at = offset + r * 64;
            q0 ^= keys.getLong(at + 0);
            q1 ^= keys.getLong(at + 8);
            q2 ^= keys.getLong(at + 16);
            q3 ^= keys.getLong(at + 24);
            q4 ^= keys.getLong(at + 32);
            q5 ^= keys.getLong(at + 40);
            q6 ^= keys.getLong(at + 48);
            q7 ^= keys.getLong(at + 56);
        }
        q[0] = q0;
        q[1] = q1;
        q[2] = q2;
        q[3] = q3;
        q[4] = q4;
        q[5] = q5;
        q[6] = q6;
        q[7] = q7;
        if ((rounds & 3) == 2) {
            shiftRowsTwice(q);
        }
    }

    /** Decrypts the four bitsliced blocks in {@code q} (the same schedule as {@link #encrypt}). */
    static void decrypt(long[] q, ByteBuffer keys, int offset, int rounds) {
        addRoundKey(q, keys, offset + rounds * 64);
        for (int r = rounds - 1; r > 0; r--) {
            invShiftRows(q);
            invSubBytes(q);
            addRoundKey(q, keys, offset + r * 64);
            invMixColumns(q);
        }
        invShiftRows(q);
        invSubBytes(q);
        addRoundKey(q, keys, offset);
    }

    private static void addRoundKey(long[] q, ByteBuffer keys, int at) {
        q[0] ^= keys.getLong(at);
        q[1] ^= keys.getLong(at + 8);
        q[2] ^= keys.getLong(at + 16);
        q[3] ^= keys.getLong(at + 24);
        q[4] ^= keys.getLong(at + 32);
        q[5] ^= keys.getLong(at + 40);
        q[6] ^= keys.getLong(at + 48);
        q[7] ^= keys.getLong(at + 56);
    }

    /**
     * SubBytes on all 64 bytes: the S-box as a circuit of 113 XOR/AND/NOT gates (Boyar and
     * Peralta, "A new combinational logic minimization technique with applications to
     * cryptology", 2010): a linear input layer, a shared GF(2^4)-tower inversion, a linear
     * output layer. {@code x0} is the most significant bit.
     */
    static void subBytes(long[] q) {
        long x0 = q[7];
        long x1 = q[6];
        long x2 = q[5];
        long x3 = q[4];
        long x4 = q[3];
        long x5 = q[2];
        long x6 = q[1];
        long x7 = q[0];

        // top linear layer
        long y14 = x3 ^ x5;
        long y13 = x0 ^ x6;
        long y9 = x0 ^ x3;
        long y8 = x0 ^ x5;
        long t0 = x1 ^ x2;
        long y1 = t0 ^ x7;
        long y4 = y1 ^ x3;
        long y12 = y13 ^ y14;
        long y2 = y1 ^ x0;
        long y5 = y1 ^ x6;
        long y3 = y5 ^ y8;
        long t1 = x4 ^ y12;
        long y15 = t1 ^ x5;
        long y20 = t1 ^ x1;
        long y6 = y15 ^ x7;
        long y10 = y15 ^ t0;
        long y11 = y20 ^ y9;
        long y7 = x7 ^ y11;
        long y17 = y10 ^ y11;
        long y19 = y10 ^ y8;
        long y16 = t0 ^ y11;
        long y21 = y13 ^ y16;
        long y18 = x0 ^ y16;

        // non-linear middle: inversion in the tower field
        long t2 = y12 & y15;
        long t3 = y3 & y6;
        long t4 = t3 ^ t2;
        long t5 = y4 & x7;
        long t6 = t5 ^ t2;
        long t7 = y13 & y16;
        long t8 = y5 & y1;
        long t9 = t8 ^ t7;
        long t10 = y2 & y7;
        long t11 = t10 ^ t7;
        long t12 = y9 & y11;
        long t13 = y14 & y17;
        long t14 = t13 ^ t12;
        long t15 = y8 & y10;
        long t16 = t15 ^ t12;
        long t17 = t4 ^ t14;
        long t18 = t6 ^ t16;
        long t19 = t9 ^ t14;
        long t20 = t11 ^ t16;
        long t21 = t17 ^ y20;
        long t22 = t18 ^ y19;
        long t23 = t19 ^ y21;
        long t24 = t20 ^ y18;

        long t25 = t21 ^ t22;
        long t26 = t21 & t23;
        long t27 = t24 ^ t26;
        long t28 = t25 & t27;
        long t29 = t28 ^ t22;
        long t30 = t23 ^ t24;
        long t31 = t22 ^ t26;
        long t32 = t31 & t30;
        long t33 = t32 ^ t24;
        long t34 = t23 ^ t33;
        long t35 = t27 ^ t33;
        long t36 = t24 & t35;
        long t37 = t36 ^ t34;
        long t38 = t27 ^ t36;
        long t39 = t29 & t38;
        long t40 = t25 ^ t39;

        long t41 = t40 ^ t37;
        long t42 = t29 ^ t33;
        long t43 = t29 ^ t40;
        long t44 = t33 ^ t37;
        long t45 = t42 ^ t41;
        long z0 = t44 & y15;
        long z1 = t37 & y6;
        long z2 = t33 & x7;
        long z3 = t43 & y16;
        long z4 = t40 & y1;
        long z5 = t29 & y7;
        long z6 = t42 & y11;
        long z7 = t45 & y17;
        long z8 = t41 & y10;
        long z9 = t44 & y12;
        long z10 = t37 & y3;
        long z11 = t33 & y4;
        long z12 = t43 & y13;
        long z13 = t40 & y5;
        long z14 = t29 & y2;
        long z15 = t42 & y9;
        long z16 = t45 & y14;
        long z17 = t41 & y8;

        // bottom linear layer (includes the affine constant 0x63 as NOTs)
        long t46 = z15 ^ z16;
        long t47 = z10 ^ z11;
        long t48 = z5 ^ z13;
        long t49 = z9 ^ z10;
        long t50 = z2 ^ z12;
        long t51 = z2 ^ z5;
        long t52 = z7 ^ z8;
        long t53 = z0 ^ z3;
        long t54 = z6 ^ z7;
        long t55 = z16 ^ z17;
        long t56 = z12 ^ t48;
        long t57 = t50 ^ t53;
        long t58 = z4 ^ t46;
        long t59 = z3 ^ t54;
        long t60 = t46 ^ t57;
        long t61 = z14 ^ t57;
        long t62 = t52 ^ t58;
        long t63 = t49 ^ t58;
        long t64 = z4 ^ t59;
        long t65 = t61 ^ t62;
        long t66 = z1 ^ t63;
        long s0 = t59 ^ t63;
        long s6 = t56 ^ ~t62;
        long s7 = t48 ^ ~t60;
        long t67 = t64 ^ t65;
        long s3 = t53 ^ t66;
        long s4 = t51 ^ t66;
        long s5 = t47 ^ t65;
        long s1 = t64 ^ ~s3;
        long s2 = t55 ^ ~t67;

        q[7] = s0;
        q[6] = s1;
        q[5] = s2;
        q[4] = s3;
        q[3] = s4;
        q[2] = s5;
        q[1] = s6;
        q[0] = s7;
    }

    /**
     * InvSubBytes as {@code A^-1 o S o A^-1}, where {@code S = A o inverse} and {@code A} is the
     * S-box's affine map: since {@code inverse = A^-1 o S}, the inverse S-box is
     * {@code inverse o A^-1 = A^-1 o S o A^-1}. Costs one S-box circuit plus 48 XORs.
     */
    static void invSubBytes(long[] q) {
        inverseAffine(q);
        subBytes(q);
        inverseAffine(q);
    }

    /** {@code b_i = s_(i+2) ^ s_(i+5) ^ s_(i+7) ^ (0x05 >> i & 1)}, the inverse of the S-box affine map. */
    private static void inverseAffine(long[] q) {
        long q0 = q[0];
        long q1 = q[1];
        long q2 = q[2];
        long q3 = q[3];
        long q4 = q[4];
        long q5 = q[5];
        long q6 = q[6];
        long q7 = q[7];
        q[0] = ~(q2 ^ q5 ^ q7);
        q[1] = q3 ^ q6 ^ q0;
        q[2] = ~(q4 ^ q7 ^ q1);
        q[3] = q5 ^ q0 ^ q2;
        q[4] = q6 ^ q1 ^ q3;
        q[5] = q7 ^ q2 ^ q4;
        q[6] = q0 ^ q3 ^ q5;
        q[7] = q1 ^ q4 ^ q6;
    }

    /** ShiftRows undone: row {@code r} of each block rotates right by {@code r} columns, a fixed bit permutation per word. */
    static void invShiftRows(long[] q) {
        for (int i = 0; i < 8; i++) {
            long x = q[i];
            q[i] = (x & 0x000000000000FFFFL)
                    | ((x & 0x000000000FFF0000L) << 4)
                    | ((x & 0x00000000F0000000L) >>> 12)
                    | ((x & 0x000000FF00000000L) << 8)
                    | ((x & 0x0000FF0000000000L) >>> 8)
                    | ((x & 0x000F000000000000L) << 12)
                    | ((x & 0xFFF0000000000000L) >>> 4);
        }
    }

    /**
     * MixColumns: each 16-bit group is one state row, so rotating a word by 16 bits moves every
     * byte to the next row of its column; multiplying by x (xtime) is a shift across the bit
     * planes with the reduction polynomial folded into planes 0, 1, 3 and 4.
     */
    static void mixColumns(long[] q) {
        long q0 = q[0];
        long q1 = q[1];
        long q2 = q[2];
        long q3 = q[3];
        long q4 = q[4];
        long q5 = q[5];
        long q6 = q[6];
        long q7 = q[7];
        long r0 = Long.rotateRight(q0, 16);
        long r1 = Long.rotateRight(q1, 16);
        long r2 = Long.rotateRight(q2, 16);
        long r3 = Long.rotateRight(q3, 16);
        long r4 = Long.rotateRight(q4, 16);
        long r5 = Long.rotateRight(q5, 16);
        long r6 = Long.rotateRight(q6, 16);
        long r7 = Long.rotateRight(q7, 16);

        q[0] = q7 ^ r7 ^ r0 ^ Long.rotateRight(q0 ^ r0, 32);
        q[1] = q0 ^ r0 ^ q7 ^ r7 ^ r1 ^ Long.rotateRight(q1 ^ r1, 32);
        q[2] = q1 ^ r1 ^ r2 ^ Long.rotateRight(q2 ^ r2, 32);
        q[3] = q2 ^ r2 ^ q7 ^ r7 ^ r3 ^ Long.rotateRight(q3 ^ r3, 32);
        q[4] = q3 ^ r3 ^ q7 ^ r7 ^ r4 ^ Long.rotateRight(q4 ^ r4, 32);
        q[5] = q4 ^ r4 ^ r5 ^ Long.rotateRight(q5 ^ r5, 32);
        q[6] = q5 ^ r5 ^ r6 ^ Long.rotateRight(q6 ^ r6, 32);
        q[7] = q6 ^ r6 ^ r7 ^ Long.rotateRight(q7 ^ r7, 32);
    }

    /**
     * InvMixColumns as MixColumns after the circulant {05 00 04 00}: in GF(2^8)[X]/(X^4+1),
     * {0B 0D 09 0E} = {03 01 01 02} x {05 00 04 00}. Each byte becomes
     * {@code a_i ^ 4 * (a_i ^ a_(i+2))}; the row two places on is a 32-bit rotation.
     */
    /** {@code SR^2}: rows 1 and 3 rotate by two columns (their two bytes swap), rows 0 and 2 stay. */
    static void shiftRowsTwice(long[] q) {
        for (int i = 0; i < 8; i++) {
            long x = q[i];
            q[i] = (x & 0x0000FFFF0000FFFFL)
                    | ((x & 0x00FF000000FF0000L) << 8)
                    | ((x >>> 8) & 0x00FF000000FF0000L);
        }
    }

    static void invMixColumns(long[] q) {
        long d0 = q[0] ^ Long.rotateRight(q[0], 32);
        long d1 = q[1] ^ Long.rotateRight(q[1], 32);
        long d2 = q[2] ^ Long.rotateRight(q[2], 32);
        long d3 = q[3] ^ Long.rotateRight(q[3], 32);
        long d4 = q[4] ^ Long.rotateRight(q[4], 32);
        long d5 = q[5] ^ Long.rotateRight(q[5], 32);
        long d6 = q[6] ^ Long.rotateRight(q[6], 32);
        long d7 = q[7] ^ Long.rotateRight(q[7], 32);
        // d * x^2, reduced by x^8 = x^4 + x^3 + x + 1: bit planes move up two, d6 and d7 fold back
        q[0] ^= d6;
        q[1] ^= d7 ^ d6;
        q[2] ^= d0 ^ d7;
        q[3] ^= d1 ^ d6;
        q[4] ^= d2 ^ d7 ^ d6;
        q[5] ^= d3 ^ d7;
        q[6] ^= d4;
        q[7] ^= d5;
        mixColumns(q);
    }

    // ---- key schedule ----

    private static final int[] RCON = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1B, 0x36};

    /**
     * Expands {@code key} (read with absolute accessors) into bitsliced round keys: the standard
     * schedule at {@code standardOffset} (for {@link #decrypt}) and the fixsliced one, round key
     * {@code r} shifted by {@code SR^-(r mod 4)}, at {@code fixslicedOffset} (for
     * {@link #encrypt}); a negative offset skips that schedule. The word-level expansion runs
     * SubWord through the same S-box circuit, so it is constant-time too; every heap scratch is
     * zeroed before returning.
     */
    static void expandKey(ByteBuffer key, int keyLength, ByteBuffer out, int standardOffset, int fixslicedOffset) {
        int rounds = rounds(keyLength);
        int nk = keyLength / 4;
        int[] w = new int[(rounds + 1) * 4];
        long[] q = new long[8];
        try {
            for (int i = 0; i < nk; i++) {
                w[i] = Integer.reverseBytes(key.getInt(4 * i));
            }
            int t = w[nk - 1];
            for (int i = nk, j = 0, k = 0; i < w.length; i++) {
                if (j == 0) {
                    t = subWord(Integer.rotateRight(t, 8), q) ^ RCON[k];
                } else if (nk > 6 && j == 4) {
                    t = subWord(t, q);
                }
                t ^= w[i - nk];
                w[i] = t;
                if (++j == nk) {
                    j = 0;
                    k++;
                }
            }
            for (int r = 0; r <= rounds; r++) {
                for (int lane = 0; lane < 4; lane++) {
                    load(q, lane, w[4 * r], w[4 * r + 1], w[4 * r + 2], w[4 * r + 3]);
                }
                transpose(q);
                if (standardOffset >= 0) {
                    for (int b = 0; b < 8; b++) {
                        out.putLong(standardOffset + r * 64 + 8 * b, q[b]);
                    }
                }
                if (fixslicedOffset >= 0) {
                    for (int shift = 0; shift < (r & 3); shift++) {
                        invShiftRows(q);
                    }
                    for (int b = 0; b < 8; b++) {
                        out.putLong(fixslicedOffset + r * 64 + 8 * b, q[b]);
                    }
                }
            }
            t = 0;
        } finally {
            Zeroing.wipe(w);
            Zeroing.wipe(q);
        }
    }

    /** SubWord on the four bytes of {@code x}: the 32 bits sit in the first lane of the bit planes. */
    static int subWord(int x, long[] q) {
        Zeroing.wipe(q);
        q[0] = x & 0xFFFFFFFFL;
        transpose(q);
        subBytes(q);
        transpose(q);
        int result = (int) q[0];
        Zeroing.wipe(q);
        return result;
    }
}

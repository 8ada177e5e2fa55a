package io.sessionkeys.internal.engine.aes;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * What AES-GCM needs per key, so that starting a message does no key expansion: the bitsliced
 * AES schedule, then the GHASH table for {@code H = AES_K(0^128)} (see {@link Ghash}).
 *
 * <pre>
 * offset 0                 (rounds + 1) x 8 longs: fixsliced round keys ({@link BitslicedAes#encrypt})
 * offset limit - 192       H, H^2, H^3, H^4: 6 longs each ({@link Ghash#writeTable})
 * </pre>
 */
final class GcmPrecomputation implements Precomputation {

    static final GcmPrecomputation INSTANCE = new GcmPrecomputation();

    private GcmPrecomputation() {
    }

    @Override
    public String name() {
        return "AES-GCM round keys and hash subkey powers";
    }

    @Override
    public int size(int rawKeyLength) {
        return BitslicedAes.scheduleBytes(rawKeyLength) + Ghash.TABLE_BYTES;
    }

    @Override
    public void compute(ByteBuffer rawKey, ByteBuffer out) {
        int keyLength = rawKey.limit();
        int rounds = BitslicedAes.rounds(keyLength);
        BitslicedAes.expandKey(rawKey, keyLength, out, -1, 0);
        long[] q = new long[8];
        try {
            BitslicedAes.encrypt(q, out, 0, rounds); // the all-zero state needs no transposition in
            BitslicedAes.transpose(q);
            long hHigh = Long.reverseBytes(BitslicedAes.lowHalf(q, 0));
            long hLow = Long.reverseBytes(BitslicedAes.highHalf(q, 0));
            Ghash.writeTable(hHigh, hLow, out, tableOffset(out));
        } finally {
            Zeroing.wipe(q);
        }
    }

    /** Where the GHASH table starts in a precomputation buffer. */
    static int tableOffset(ByteBuffer precomputation) {
        return precomputation.limit() - Ghash.TABLE_BYTES;
    }

    /** The AES round count of a precomputation buffer. */
    static int rounds(ByteBuffer precomputation) {
        return BitslicedAes.roundsOfSchedule(tableOffset(precomputation));
    }
}

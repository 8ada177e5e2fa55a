package io.sessionkeys.internal.engine.aes;

import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * The AES key schedule, bitsliced, twice: {@code rounds + 1} round keys of eight big-endian
 * longs each, first in standard form (for decryption), then in fixsliced form (for encryption,
 * see {@link BitslicedAes#encrypt}): 1408, 1664 or 1920 bytes for 128-, 192- and 256-bit keys.
 * One object serves both directions, so a caller cannot pair a direction with the wrong one.
 */
final class AesSchedule implements Precomputation {

    static final AesSchedule INSTANCE = new AesSchedule();

    private AesSchedule() {
    }

    @Override
    public String name() {
        return "AES round keys (bitsliced)";
    }

    @Override
    public int size(int rawKeyLength) {
        return 2 * BitslicedAes.scheduleBytes(rawKeyLength);
    }

    @Override
    public void compute(ByteBuffer rawKey, ByteBuffer out) {
        int half = out.limit() / 2;
        BitslicedAes.expandKey(rawKey, rawKey.limit(), out, 0, half);
    }
}

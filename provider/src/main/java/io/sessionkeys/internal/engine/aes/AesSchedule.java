package io.sessionkeys.internal.engine.aes;

import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * The AES key schedule, bitsliced: {@code rounds + 1} round keys of eight big-endian longs each
 * (176, 208 or 240 bytes of words become 704, 832 or 960 bytes). The same schedule serves
 * encryption and decryption.
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
        return BitslicedAes.scheduleBytes(rawKeyLength);
    }

    @Override
    public void compute(ByteBuffer rawKey, ByteBuffer out) {
        BitslicedAes.expandKey(rawKey, rawKey.limit(), out, 0);
    }
}

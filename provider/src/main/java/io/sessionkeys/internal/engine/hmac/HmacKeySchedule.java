package io.sessionkeys.internal.engine.hmac;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.engine.sha.ShaHash;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * The keyed part of HMAC (RFC 2104), computed once per key: the hash's chaining values after
 * absorbing K0 XOR ipad (the inner state, at index 0) and K0 XOR opad (the outer state, at
 * {@link ShaAlgorithm#stateLength()}). Stored off-heap beside the key and zeroized with it, so
 * {@code Mac.init} does no key processing after the first time and no keyed state ever sits in a
 * heap {@code MessageDigest}.
 */
public final class HmacKeySchedule implements Precomputation {

    private static final HmacKeySchedule SHA256 = new HmacKeySchedule(ShaAlgorithm.SHA256);
    private static final HmacKeySchedule SHA384 = new HmacKeySchedule(ShaAlgorithm.SHA384);
    private static final HmacKeySchedule SHA512 = new HmacKeySchedule(ShaAlgorithm.SHA512);

    private final ShaAlgorithm hash;

    private HmacKeySchedule(ShaAlgorithm hash) {
        this.hash = hash;
    }

    /** The singleton for {@code hash}: the instance is the key's cache slot. */
    public static HmacKeySchedule of(ShaAlgorithm hash) {
        switch (hash) {
            case SHA256:
                return SHA256;
            case SHA384:
                return SHA384;
            default:
                return SHA512;
        }
    }

    public ShaAlgorithm hash() {
        return hash;
    }

    /** Where the outer chaining values start. */
    public int outerIndex() {
        return hash.stateLength();
    }

    @Override
    public String name() {
        return hash.hmacName() + " inner and outer states";
    }

    @Override
    public int size(int rawKeyLength) {
        return 2 * hash.stateLength();
    }

    @Override
    public void compute(ByteBuffer rawKey, ByteBuffer out) {
        int blockSize = hash.blockSize();
        byte[] k0 = new byte[blockSize];
        ShaHash h = hash.newHash();
        try {
            int length = rawKey.limit();
            if (length > blockSize) {
                h.update(rawKey, 0, length); // RFC 2104: a key longer than a block is hashed first
                h.finish(k0, 0);
                h.reset();
            } else {
                rawKey.get(0, k0, 0, length);
            }
            for (int i = 0; i < blockSize; i++) {
                k0[i] ^= 0x36;
            }
            h.update(k0, 0, blockSize);
            h.saveState(out, 0);
            h.reset();
            for (int i = 0; i < blockSize; i++) {
                k0[i] ^= 0x36 ^ 0x5c;
            }
            h.update(k0, 0, blockSize);
            h.saveState(out, outerIndex());
        } finally {
            Zeroing.wipe(k0);
            h.wipe();
        }
    }

    @Override
    public String toString() {
        return name();
    }
}

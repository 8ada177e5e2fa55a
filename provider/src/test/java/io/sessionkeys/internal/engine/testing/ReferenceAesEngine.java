package io.sessionkeys.internal.engine.testing;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A test-only {@link BlockCipherEngine} on Bouncy Castle's AES (not constant-time, which does
 * not matter here): an independent oracle, so that the block modes and key wrapping are tested
 * apart from the production engine, and a fault in one cannot hide one in the other. Its
 * "schedule" is the raw key copied.
 */
public final class ReferenceAesEngine implements BlockCipherEngine {

    public static final ReferenceAesEngine INSTANCE = new ReferenceAesEngine();

    private static final Precomputation RAW_COPY = new Precomputation() {
        @Override
        public String name() {
            return "reference AES key copy";
        }

        @Override
        public int size(int rawKeyLength) {
            return rawKeyLength;
        }

        @Override
        public void compute(ByteBuffer rawKey, ByteBuffer out) {
            for (int i = 0; i < rawKey.limit(); i++) {
                out.put(i, rawKey.get(i));
            }
        }
    };

    /** How many engine calls were made, and with how many blocks in all: to check batching. */
    public int calls;
    public long blocks;

    @Override
    public Precomputation encryptSchedule() {
        return RAW_COPY;
    }

    @Override
    public Precomputation decryptSchedule() {
        return RAW_COPY;
    }

    @Override
    public void encryptBlocks(ByteBuffer schedule, byte[] in, int inOff, byte[] out, int outOff, int count) {
        run(true, schedule, in, inOff, out, outOff, count);
    }

    @Override
    public void decryptBlocks(ByteBuffer schedule, byte[] in, int inOff, byte[] out, int outOff, int count) {
        run(false, schedule, in, inOff, out, outOff, count);
    }

    private void run(boolean encrypt, ByteBuffer schedule, byte[] in, int inOff, byte[] out, int outOff, int count) {
        calls++;
        blocks += count;
        byte[] key = new byte[schedule.limit()];
        try {
            schedule.get(0, key);
            AESEngine aes = new AESEngine();
            aes.init(encrypt, new KeyParameter(key));
            for (int b = 0; b < count; b++) {
                aes.processBlock(in, inOff + 16 * b, out, outOff + 16 * b);
            }
        } finally {
            Zeroing.wipe(key);
        }
    }
}

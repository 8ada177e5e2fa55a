package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A test-only {@link BlockCipherEngine} on Bouncy Castle's low-level AES: an independent oracle
 * for the wrapping code, so a fault in the provider's own AES engine cannot hide one in KW/KWP.
 * Its "schedule" is just the raw key.
 */
final class ReferenceAesEngine implements BlockCipherEngine {

    static final ReferenceAesEngine INSTANCE = new ReferenceAesEngine();

    private static final Precomputation RAW_COPY = new Precomputation() {
        @Override
        public String name() {
            return "raw AES key (test reference)";
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

    @Override
    public Precomputation encryptSchedule() {
        return RAW_COPY;
    }

    @Override
    public Precomputation decryptSchedule() {
        return RAW_COPY;
    }

    @Override
    public void encryptBlocks(ByteBuffer schedule, byte[] in, int inOffset, byte[] out, int outOffset, int blocks) {
        run(true, schedule, in, inOffset, out, outOffset, blocks);
    }

    @Override
    public void decryptBlocks(ByteBuffer schedule, byte[] in, int inOffset, byte[] out, int outOffset, int blocks) {
        run(false, schedule, in, inOffset, out, outOffset, blocks);
    }

    private static void run(boolean encrypt, ByteBuffer schedule, byte[] in, int inOffset, byte[] out, int outOffset,
            int blocks) {
        byte[] key = new byte[schedule.limit()];
        schedule.get(0, key);
        try {
            BlockCipher aes = AESEngine.newInstance();
            aes.init(encrypt, new KeyParameter(key));
            for (int b = 0; b < blocks; b++) {
                aes.processBlock(in, inOffset + 16 * b, out, outOffset + 16 * b);
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}

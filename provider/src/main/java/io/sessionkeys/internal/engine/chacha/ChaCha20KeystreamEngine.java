package io.sessionkeys.internal.engine.chacha;

import io.sessionkeys.internal.engine.KeystreamEngine;
import java.nio.ByteBuffer;

/** Plain ChaCha20 (RFC 8439 §2.4) on the provider's constant-time block function. */
public final class ChaCha20KeystreamEngine implements KeystreamEngine {

    public static final ChaCha20KeystreamEngine INSTANCE = new ChaCha20KeystreamEngine();

    private ChaCha20KeystreamEngine() {
    }

    @Override
    public int blockSize() {
        return ChaCha20.BLOCK_SIZE;
    }

    @Override
    public void xorBlocks(ByteBuffer key, int counter, byte[] nonce, byte[] in, int inOffset, byte[] out,
            int outOffset, int blocks) {
        ChaCha20.xorBlocks(key, counter, ChaCha20.nonceWord(nonce, 0), ChaCha20.nonceWord(nonce, 1),
                ChaCha20.nonceWord(nonce, 2), in, inOffset, out, outOffset, blocks);
    }
}

package io.sessionkeys.internal.engine;

import java.nio.ByteBuffer;

/**
 * A stream cipher with a block counter and a nonce (ChaCha20, RFC 8439 §2.4), constant-time, on
 * the raw key read from its off-heap buffer: what the plain {@code ChaCha20} cipher is built on.
 */
public interface KeystreamEngine {

    /** Bytes of keystream per counter value. */
    int blockSize();

    /**
     * XORs {@code blocks} whole blocks of keystream, from block number {@code counter} on, with
     * {@code in} into {@code out} ({@code out} may be {@code in} at the same offset). The caller
     * keeps {@code counter + blocks} within 2<sup>32</sup>.
     */
    void xorBlocks(ByteBuffer key, int counter, byte[] nonce, byte[] in, int inOffset, byte[] out, int outOffset,
            int blocks);
}

package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * A 128-bit block cipher (AES) on a key's precomputed schedule, constant-time: what the block
 * modes (CTR, CBC, ECB) and key wrapping (KW, KWP) are built on.
 */
public interface BlockCipherEngine {

    int BLOCK_SIZE = 16;

    /** The per-key schedule for encryption, made once per key and kept off the heap with it. */
    Precomputation encryptSchedule();

    /** The per-key schedule for decryption (may be the same object as {@link #encryptSchedule()}). */
    Precomputation decryptSchedule();

    /** Encrypts {@code blocks} consecutive blocks (ECB) from {@code in} to {@code out}; may overlap exactly. */
    void encryptBlocks(ByteBuffer schedule, byte[] in, int inOffset, byte[] out, int outOffset, int blocks);

    /** Decrypts {@code blocks} consecutive blocks (ECB) from {@code in} to {@code out}; may overlap exactly. */
    void decryptBlocks(ByteBuffer schedule, byte[] in, int inOffset, byte[] out, int outOffset, int blocks);

    /**
     * CTR, CBC, ECB, CFB8, CFB128 and OFB128 as whole messages on this cipher: by default the
     * Java modes over {@link #encryptBlocks} and {@link #decryptBlocks}; the engine selection's
     * AES puts the native engine's here where it runs.
     */
    default BlockModeEngine modes() {
        return new JavaBlockModes(this);
    }

    /**
     * The engine that runs AES-KW and KWP whole on this cipher's keys, or {@code null} where they
     * run on {@link #encryptBlocks}/{@link #decryptBlocks} (the Java KW and KWP of the key-wrap
     * ciphers); the engine selection's AES puts the native engine's here where it runs.
     */
    default KeyWrapEngine keyWrap() {
        return null;
    }
}

package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.common.Zeroing;
import java.nio.ByteBuffer;

/**
 * One CBC message in Java (NIST SP 800-38A §6.2). Encryption is serial by nature: one engine call
 * per block. Decryption is not: a whole run of blocks goes through the engine in one call, then
 * each is XORed with the ciphertext block before it.
 */
final class JavaCbcOperation implements BlockModeOperation {

    private static final int BLOCK = BlockCipherEngine.BLOCK_SIZE;
    /** Blocks decrypted per engine call; bounds the ciphertext copy kept for chaining. */
    private static final int DECRYPT_BATCH = 64;

    private final BlockCipherEngine cipher;
    private final boolean encrypt;
    /** The previous ciphertext block (the IV at first). */
    private final byte[] chain = new byte[BLOCK];
    private final byte[] savedChain = new byte[BLOCK];
    /** Ciphertext saved before an in-place decryption overwrites it; allocated on first use. */
    private byte[] ciphertextCopy;

    JavaCbcOperation(BlockCipherEngine cipher, boolean encrypt, byte[] iv) {
        this.cipher = cipher;
        this.encrypt = encrypt;
        System.arraycopy(iv, 0, chain, 0, BLOCK);
    }

    @Override
    public void process(ByteBuffer keyData, byte[] in, int inOff, int length, byte[] out, int outOff) {
        int blocks = length / BLOCK;
        if (encrypt) {
            encrypt(keyData, in, inOff, out, outOff, blocks);
        } else {
            decrypt(keyData, in, inOff, out, outOff, blocks);
        }
    }

    private void encrypt(ByteBuffer schedule, byte[] in, int inOff, byte[] out, int outOff, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int at = b * BLOCK;
            for (int i = 0; i < BLOCK; i++) {
                chain[i] ^= in[inOff + at + i];
            }
            cipher.encryptBlocks(schedule, chain, 0, chain, 0, 1);
            System.arraycopy(chain, 0, out, outOff + at, BLOCK);
        }
    }

    private void decrypt(ByteBuffer schedule, byte[] in, int inOff, byte[] out, int outOff, int blocks) {
        if (ciphertextCopy == null) {
            ciphertextCopy = new byte[DECRYPT_BATCH * BLOCK];
        }
        for (int done = 0; done < blocks; ) {
            int n = Math.min(DECRYPT_BATCH, blocks - done);
            int from = inOff + done * BLOCK;
            int to = outOff + done * BLOCK;
            System.arraycopy(in, from, ciphertextCopy, 0, n * BLOCK);
            cipher.decryptBlocks(schedule, in, from, out, to, n);
            for (int i = 0; i < BLOCK; i++) {
                out[to + i] ^= chain[i];
            }
            for (int i = BLOCK; i < n * BLOCK; i++) {
                out[to + i] ^= ciphertextCopy[i - BLOCK];
            }
            System.arraycopy(ciphertextCopy, (n - 1) * BLOCK, chain, 0, BLOCK);
            done += n;
        }
    }

    @Override
    public void saveChain() {
        System.arraycopy(chain, 0, savedChain, 0, BLOCK);
    }

    @Override
    public void restoreChain() {
        System.arraycopy(savedChain, 0, chain, 0, BLOCK);
    }

    @Override
    public void wipe() {
        Zeroing.wipe(chain);
        Zeroing.wipe(savedChain);
        // ciphertextCopy holds only ciphertext, which is public: nothing to wipe there
    }
}

package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * AES in CBC mode (NIST SP 800-38A §6.2). Encryption is serial by nature: one engine call per
 * block. Decryption is not: a whole run of blocks goes through the engine in one call, then each
 * is XORed with the ciphertext block before it. A provider-made IV is 16 bytes from the
 * provider's {@link SecureRandom}: unpredictable, as SP 800-38A Appendix C requires.
 */
final class CbcCipher extends BlockAlignedCipher {

    /** Blocks decrypted per engine call; bounds the ciphertext copy kept for chaining. */
    private static final int DECRYPT_BATCH = 64;

    /** The previous ciphertext block (the IV at first). */
    private final byte[] chain = new byte[BLOCK];
    private final byte[] savedChain = new byte[BLOCK];
    /** Ciphertext saved before an in-place decryption overwrites it; allocated on first use. */
    private byte[] ciphertextCopy;

    /** @param keyBits the key size this variant pins, or {@link KeySize#ANY} */
    CbcCipher(ProviderContext context, BlockCipherEngine engine, boolean padded, int keyBits) {
        super(context, engine, "CBC", padded, keyBits);
    }

    @Override
    boolean usesIv() {
        return true;
    }

    @Override
    SafetyLimits limits() {
        return ModeLimits.CBC;
    }

    @Override
    byte[] newIv(ManagedSessionKey key, SecureRandom random) {
        byte[] fresh = new byte[BLOCK];
        random.nextBytes(fresh);
        return fresh;
    }

    @Override
    void startMessage(byte[] messageIv, boolean providerMadeIv) {
        super.startMessage(messageIv, providerMadeIv);
        System.arraycopy(messageIv, 0, chain, 0, BLOCK);
    }

    @Override
    void wipe() {
        super.wipe();
        Zeroing.wipe(chain);
        Zeroing.wipe(savedChain);
        // ciphertextCopy holds only ciphertext, which is public: nothing to wipe there
    }

    @Override
    void saveChain() {
        System.arraycopy(chain, 0, savedChain, 0, BLOCK);
    }

    @Override
    void restoreChain() {
        System.arraycopy(savedChain, 0, chain, 0, BLOCK);
    }

    @Override
    void crypt(ByteBuffer schedule, byte[] in, int inOff, byte[] out, int outOff, int blocks) {
        if (encrypting) {
            encrypt(schedule, in, inOff, out, outOff, blocks);
        } else {
            decrypt(schedule, in, inOff, out, outOff, blocks);
        }
    }

    private void encrypt(ByteBuffer schedule, byte[] in, int inOff, byte[] out, int outOff, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int at = b * BLOCK;
            for (int i = 0; i < BLOCK; i++) {
                chain[i] ^= in[inOff + at + i];
            }
            engine.encryptBlocks(schedule, chain, 0, chain, 0, 1);
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
            engine.decryptBlocks(schedule, in, from, out, to, n);
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
}

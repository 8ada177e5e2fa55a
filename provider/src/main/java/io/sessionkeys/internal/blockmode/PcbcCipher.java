package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES in PCBC mode (propagating CBC, from Kerberos v4), as SunJCE offers it: each plaintext block
 * is XORed with the previous plaintext and ciphertext blocks before encryption. Not a NIST mode
 * and without a security proof of its own; here only because SunJCE offers it. Its chaining value
 * holds plaintext, so it is wiped like the plaintext.
 */
final class PcbcCipher extends BlockAlignedCipher {

    /** P(i-1) XOR C(i-1); the IV at first. */
    private final byte[] chain = new byte[BLOCK];
    private final byte[] savedChain = new byte[BLOCK];
    private final byte[] block = new byte[BLOCK];

    PcbcCipher(ProviderContext context, BlockCipherEngine engine, BlockPadding padding) {
        super(context, engine, "PCBC", padding, 0);
    }

    @Override
    boolean usesIv() {
        return true;
    }

    @Override
    SafetyLimits limits() {
        return ModeLimits.PCBC;
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
        Arrays.fill(chain, (byte) 0);
        Arrays.fill(savedChain, (byte) 0);
        Arrays.fill(block, (byte) 0);
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
        for (int b = 0; b < blocks; b++) {
            int from = inOff + b * BLOCK;
            int to = outOff + b * BLOCK;
            System.arraycopy(in, from, block, 0, BLOCK); // the input block, before out may overwrite it
            if (encrypting) {
                for (int i = 0; i < BLOCK; i++) {
                    out[to + i] = (byte) (block[i] ^ chain[i]);
                }
                engine.encryptBlocks(schedule, out, to, out, to, 1);
            } else {
                engine.decryptBlocks(schedule, block, 0, out, to, 1);
                for (int i = 0; i < BLOCK; i++) {
                    out[to + i] ^= chain[i];
                }
            }
            for (int i = 0; i < BLOCK; i++) {
                chain[i] = (byte) (block[i] ^ out[to + i]); // plaintext XOR ciphertext, either way round
            }
        }
        Arrays.fill(block, (byte) 0);
    }
}

package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.Precomputation;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.IllegalBlockSizeException;

/**
 * AES in CBC with ciphertext stealing, variant CS3 of the NIST SP 800-38A Addendum (the variant
 * SunJCE's {@code CTS} implements, and Kerberos' RFC 3962): CBC on all but the last two blocks;
 * the last, possibly partial, block steals the end of the one before it, and the last two
 * ciphertext blocks are always swapped. A message of exactly one block is plain CBC; shorter
 * messages (other than empty) are refused. Every branch depends on lengths only.
 *
 * <p>Updates hold back the last 17 to 32 bytes, the two blocks the final step needs.
 */
final class CtsCipher extends BlockModeCipher {

    private final byte[] chain = new byte[BLOCK];
    /** Input not yet processed: at most two blocks. */
    private final byte[] pending = new byte[2 * BLOCK];
    private int pendingLength;
    private final byte[] work = new byte[2 * BLOCK];

    CtsCipher(ProviderContext context, BlockCipherEngine engine) {
        super(context, engine, "CTS", "NoPadding", 0);
    }

    @Override
    boolean usesIv() {
        return true;
    }

    @Override
    SafetyLimits limits() {
        return ModeLimits.CTS;
    }

    @Override
    byte[] newIv(ManagedSessionKey key, SecureRandom random) {
        byte[] fresh = new byte[BLOCK];
        random.nextBytes(fresh);
        return fresh;
    }

    @Override
    Precomputation schedule() {
        return encrypting ? engine.encryptSchedule() : engine.decryptSchedule();
    }

    @Override
    void startMessage(byte[] iv, boolean providerMadeIv) {
        System.arraycopy(iv, 0, chain, 0, BLOCK);
        pendingLength = 0;
    }

    @Override
    void wipe() {
        Arrays.fill(chain, (byte) 0);
        Arrays.fill(pending, (byte) 0);
        Arrays.fill(work, (byte) 0);
        pendingLength = 0;
    }

    /** Bytes an update releases: whole blocks, keeping at least 17 bytes back (SunJCE's rule). */
    @Override
    int updateOutputLength(int inputLen) {
        int total = Math.addExact(pendingLength, inputLen) - (BLOCK + 1);
        return total > 0 ? total - total % BLOCK : 0;
    }

    @Override
    int finalOutputLength(int inputLen) {
        return Math.addExact(pendingLength, inputLen);
    }

    @Override
    void checkFinal(int inputLen) throws IllegalBlockSizeException {
        int total = Math.addExact(pendingLength, inputLen);
        if (total > 0 && total < BLOCK) {
            throw new IllegalBlockSizeException("AES/CTS needs at least one block (" + BLOCK + " bytes) of input, not "
                    + total);
        }
    }

    @Override
    boolean inPlaceSafe() {
        return pendingLength == 0;
    }

    @Override
    int processUpdate(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff) {
        int release = updateOutputLength(len);
        int done = 0;
        // pending bytes go first, completed to whole blocks from the input
        while (done < release && pendingLength > 0) {
            if (pendingLength < BLOCK) { // release leaves 17 bytes back, so the input can complete the block
                int take = BLOCK - pendingLength;
                System.arraycopy(in, inOff, pending, pendingLength, take);
                inOff += take;
                len -= take;
                pendingLength = BLOCK;
            }
            cbc(schedule, pending, 0, out, outOff + done, 1);
            System.arraycopy(pending, BLOCK, pending, 0, BLOCK);
            pendingLength -= BLOCK;
            done += BLOCK;
        }
        if (release > done) {
            int blocks = (release - done) / BLOCK;
            cbc(schedule, in, inOff, out, outOff + done, blocks);
            inOff += blocks * BLOCK;
            len -= blocks * BLOCK;
        }
        System.arraycopy(in, inOff, pending, pendingLength, len);
        pendingLength += len;
        return release;
    }

    @Override
    int processFinal(ByteBuffer schedule, byte[] in, int inOff, int len, byte[] out, int outOff, int outCapacity) {
        int body = processUpdate(schedule, in, inOff, len, out, outOff);
        int n = pendingLength;
        if (n == 0) {
            return body;
        }
        if (n == BLOCK) {
            cbc(schedule, pending, 0, out, outOff + body, 1);
        } else if (encrypting) {
            stealEncrypt(schedule, n - BLOCK, out, outOff + body);
        } else {
            stealDecrypt(schedule, n - BLOCK, out, outOff + body);
        }
        pendingLength = 0;
        return body + n;
    }

    /** CS3 encryption of {@code pending}: a full block, then {@code d} (1..16) bytes. */
    private void stealEncrypt(ByteBuffer schedule, int d, byte[] out, int outOff) {
        for (int i = 0; i < BLOCK; i++) {
            work[i] = (byte) (pending[i] ^ chain[i]);
        }
        engine.encryptBlocks(schedule, work, 0, work, 0, 1); // C(n-1), whole
        System.arraycopy(work, 0, out, outOff + BLOCK, d); // its first d bytes end the ciphertext
        for (int i = 0; i < d; i++) {
            work[i] ^= pending[BLOCK + i]; // the last plaintext, zero-padded, XOR C(n-1)
        }
        engine.encryptBlocks(schedule, work, 0, out, outOff, 1); // C(n) comes first
        Arrays.fill(work, (byte) 0);
    }

    /** CS3 decryption of {@code pending}: C(n), then the first {@code d} (1..16) bytes of C(n-1). */
    private void stealDecrypt(ByteBuffer schedule, int d, byte[] out, int outOff) {
        engine.decryptBlocks(schedule, pending, 0, work, 0, 1); // P(n) zero-padded, XOR C(n-1)
        // C(n-1) = its stolen first d bytes, then the bytes of D(C(n)) past d (P(n) is zero there)
        System.arraycopy(pending, BLOCK, work, BLOCK, d);
        System.arraycopy(work, d, work, BLOCK + d, BLOCK - d);
        for (int i = 0; i < d; i++) {
            out[outOff + BLOCK + i] = (byte) (work[i] ^ pending[BLOCK + i]);
        }
        engine.decryptBlocks(schedule, work, BLOCK, work, 0, 1);
        for (int i = 0; i < BLOCK; i++) {
            out[outOff + i] = (byte) (work[i] ^ chain[i]);
        }
        Arrays.fill(work, (byte) 0);
    }

    /** Plain CBC on whole blocks in the object's direction; {@code out} may be {@code in} exactly. */
    private void cbc(ByteBuffer schedule, byte[] in, int inOff, byte[] out, int outOff, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int from = inOff + b * BLOCK;
            int to = outOff + b * BLOCK;
            if (encrypting) {
                for (int i = 0; i < BLOCK; i++) {
                    chain[i] ^= in[from + i];
                }
                engine.encryptBlocks(schedule, chain, 0, chain, 0, 1);
                System.arraycopy(chain, 0, out, to, BLOCK);
            } else {
                System.arraycopy(in, from, work, 0, BLOCK); // the ciphertext, the next chaining value
                engine.decryptBlocks(schedule, work, 0, out, to, 1);
                for (int i = 0; i < BLOCK; i++) {
                    out[to + i] ^= chain[i];
                }
                System.arraycopy(work, 0, chain, 0, BLOCK);
            }
        }
        Arrays.fill(work, (byte) 0);
    }
}

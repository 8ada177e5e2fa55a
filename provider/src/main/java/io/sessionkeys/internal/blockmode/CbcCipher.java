package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.engine.BlockModeEngine;
import io.sessionkeys.internal.engine.BlockModeOperation;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.Precomputation;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * AES in CBC mode (NIST SP 800-38A §6.2). The chaining is the engine's ({@link BlockModeEngine},
 * Java or native); this class and {@link BlockAlignedCipher} keep the partial blocks and the
 * padding. A provider-made IV is 16 bytes from the provider's {@link SecureRandom}:
 * unpredictable, as SP 800-38A Appendix C requires.
 */
final class CbcCipher extends BlockAlignedCipher {

    private final BlockModeEngine modes;
    private final byte[] messageIv = new byte[BLOCK];
    /** The message in the engine, started on its first block (inside the gate); null before. */
    private BlockModeOperation operation;
    /** {@link #saveChain} came before the message had started: restoring means starting over. */
    private boolean savedBeforeStart;

    /** @param keyBits the key size this variant pins, or {@link KeySize#ANY} */
    CbcCipher(ProviderContext context, BlockCipherEngine engine, boolean padded, int keyBits) {
        super(context, engine, "CBC", padded, keyBits);
        this.modes = engine.modes();
    }

    CbcCipher(ProviderContext context, BlockCipherEngine engine, BlockPadding padding, int keyBits) {
        super(context, engine, "CBC", padding, keyBits);
        this.modes = engine.modes();
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
    Precomputation schedule() {
        return modes.precomputation(BlockModeEngine.Mode.CBC, encrypting);
    }

    @Override
    void startMessage(byte[] iv, boolean providerMadeIv) {
        super.startMessage(iv, providerMadeIv);
        System.arraycopy(iv, 0, messageIv, 0, BLOCK);
    }

    @Override
    void wipe() {
        super.wipe();
        BlockModeOperation o = operation;
        operation = null;
        if (o != null) {
            o.wipe();
        }
    }

    @Override
    void saveChain() {
        savedBeforeStart = operation == null;
        if (operation != null) {
            operation.saveChain();
        }
    }

    @Override
    void restoreChain() {
        if (savedBeforeStart) {
            BlockModeOperation o = operation;
            operation = null; // the next block starts the message again from its IV
            if (o != null) {
                o.wipe();
            }
        } else {
            operation.restoreChain();
        }
    }

    @Override
    void crypt(ByteBuffer schedule, byte[] in, int inOff, byte[] out, int outOff, int blocks) {
        operation(schedule).process(schedule, in, inOff, blocks * BLOCK, out, outOff);
    }

    /** Direct buffers by address, where the engine takes them (the native one). */
    @Override
    boolean byAddress(ByteBuffer input, ByteBuffer output) {
        return input.isDirect() && output.isDirect() && modes.takesDirectBuffers();
    }

    @Override
    void cryptDirect(ByteBuffer schedule, ByteBuffer in, int inIndex, ByteBuffer out, int outIndex, int blocks) {
        operation(schedule).process(schedule, in, inIndex, blocks * BLOCK, out, outIndex);
    }

    /** The message's operation on the engine, started at its first blocks. */
    private BlockModeOperation operation(ByteBuffer schedule) {
        if (operation == null) {
            operation = modes.start(schedule, BlockModeEngine.Mode.CBC, encrypting, messageIv);
        }
        return operation;
    }
}

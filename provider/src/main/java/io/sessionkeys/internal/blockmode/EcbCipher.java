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
 * AES in ECB mode: every block enciphered on its own, all blocks of a call in one engine call
 * ({@link BlockModeEngine}, Java or native). Here for legacy applications that ask for
 * {@code "AES"} or {@code "AES/ECB/..."}; it reveals equal plaintext blocks. Without an IV it may
 * encrypt message after message on one init, each charged to the key as it starts.
 */
final class EcbCipher extends BlockAlignedCipher {

    private final BlockModeEngine modes;
    /** The message in the engine, started on its first block (inside the gate); null before. */
    private BlockModeOperation operation;

    /** @param keyBits the key size this variant pins, or {@link KeySize#ANY} */
    EcbCipher(ProviderContext context, BlockCipherEngine engine, boolean padded, int keyBits) {
        super(context, engine, "ECB", padded, keyBits);
        this.modes = engine.modes();
    }

    EcbCipher(ProviderContext context, BlockCipherEngine engine, BlockPadding padding, int keyBits) {
        super(context, engine, "ECB", padding, keyBits);
        this.modes = engine.modes();
    }

    @Override
    boolean usesIv() {
        return false;
    }

    @Override
    SafetyLimits limits() {
        return ModeLimits.ECB;
    }

    @Override
    byte[] newIv(ManagedSessionKey key, SecureRandom random) {
        throw new IllegalStateException("ECB takes no IV");
    }

    @Override
    Precomputation schedule() {
        return modes.precomputation(BlockModeEngine.Mode.ECB, encrypting);
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
    }

    @Override
    void restoreChain() {
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
            operation = modes.start(schedule, BlockModeEngine.Mode.ECB, encrypting, null);
        }
        return operation;
    }
}

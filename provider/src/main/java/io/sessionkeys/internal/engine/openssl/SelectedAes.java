package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.engine.BlockModeEngine;
import io.sessionkeys.internal.engine.BlockModeOperation;
import io.sessionkeys.internal.engine.KeyWrapEngine;
import io.sessionkeys.internal.engine.aes.AesBlockEngine;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * The AES the block-mode ciphers get from {@link DeferredEngines}: single blocks on the
 * constant-time Java engine (what PCBC, CTS and the other CFB and OFB segment sizes are built
 * on), and CTR, CBC and ECB, CFB8, CFB128 and OFB, and AES-KW and KWP, on whichever engine the
 * selection picks for each, resolved on first use.
 */
final class SelectedAes implements BlockCipherEngine {

    private final DeferredEngines engines;
    private final BlockModeEngine modes;

    SelectedAes(DeferredEngines engines) {
        this.engines = engines;
        this.modes = new Modes(engines);
    }

    @Override
    public Precomputation encryptSchedule() {
        return AesBlockEngine.INSTANCE.encryptSchedule();
    }

    @Override
    public Precomputation decryptSchedule() {
        return AesBlockEngine.INSTANCE.decryptSchedule();
    }

    @Override
    public void encryptBlocks(ByteBuffer schedule, byte[] in, int inOffset, byte[] out, int outOffset, int blocks) {
        AesBlockEngine.INSTANCE.encryptBlocks(schedule, in, inOffset, out, outOffset, blocks);
    }

    @Override
    public void decryptBlocks(ByteBuffer schedule, byte[] in, int inOffset, byte[] out, int outOffset, int blocks) {
        AesBlockEngine.INSTANCE.decryptBlocks(schedule, in, inOffset, out, outOffset, blocks);
    }

    @Override
    public BlockModeEngine modes() {
        return modes;
    }

    /** AES-KW and KWP as the selection picked them ({@code null}: on the blocks above). */
    @Override
    public KeyWrapEngine keyWrap() {
        return engines.resolve().aesKeyWrap();
    }

    /**
     * Stands for the modes the selection will pick; every call goes to them: CFB8, CFB128 and OFB
     * to their own selection's engine, everything else (and {@link #name}, {@link
     * #takesDirectBuffers}) to that of CTR, CBC and ECB.
     */
    private static final class Modes implements BlockModeEngine {
        private final DeferredEngines engines;
        private volatile BlockModeEngine target;
        private volatile BlockModeEngine segmentTarget;

        Modes(DeferredEngines engines) {
            this.engines = engines;
        }

        private BlockModeEngine target() {
            BlockModeEngine t = target;
            if (t == null) {
                t = engines.resolve().aesModes();
                target = t;
            }
            return t;
        }

        private BlockModeEngine target(Mode mode) {
            if (!mode.segmented()) {
                return target();
            }
            BlockModeEngine t = segmentTarget;
            if (t == null) {
                t = engines.resolve().aesSegmentModes();
                segmentTarget = t;
            }
            return t;
        }

        @Override
        public String name() {
            return target().name();
        }

        @Override
        public Precomputation precomputation(Mode mode, boolean encrypt) {
            return target(mode).precomputation(mode, encrypt);
        }

        @Override
        public BlockModeOperation start(ByteBuffer keyData, Mode mode, boolean encrypt, byte[] iv) {
            return target(mode).start(keyData, mode, encrypt, iv);
        }

        @Override
        public boolean takesDirectBuffers() {
            return target().takesDirectBuffers();
        }
    }
}

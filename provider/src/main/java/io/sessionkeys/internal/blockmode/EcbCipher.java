package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * AES in ECB mode: every block enciphered on its own, all blocks of a call in one engine call.
 * Here for legacy applications that ask for {@code "AES"} or {@code "AES/ECB/..."}; it reveals
 * equal plaintext blocks. Without an IV it may encrypt message after message on one init, each
 * charged to the key as it starts.
 */
class EcbCipher extends BlockAlignedCipher {

    EcbCipher(ProviderContext context, BlockCipherEngine engine, boolean padded, int fixedKeyBytes) {
        super(context, engine, "ECB", padded, fixedKeyBytes);
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
    void saveChain() {
    }

    @Override
    void restoreChain() {
    }

    @Override
    void crypt(ByteBuffer schedule, byte[] in, int inOff, byte[] out, int outOff, int blocks) {
        if (encrypting) {
            engine.encryptBlocks(schedule, in, inOff, out, outOff, blocks);
        } else {
            engine.decryptBlocks(schedule, in, inOff, out, outOff, blocks);
        }
    }

    // ---- the registered variants ----

    /** {@code AES/ECB/NoPadding}, any key size. */
    static final class NoPadding extends EcbCipher {
        NoPadding(ProviderContext context, BlockCipherEngine engine) {
            super(context, engine, false, 0);
        }
    }

    /** {@code AES/ECB/PKCS5Padding} and plain {@code AES}, any key size. */
    static final class Pkcs5 extends EcbCipher {
        Pkcs5(ProviderContext context, BlockCipherEngine engine) {
            super(context, engine, true, 0);
        }
    }

    /** {@code AES_128/ECB/NoPadding}. */
    static final class Aes128NoPadding extends EcbCipher {
        Aes128NoPadding(ProviderContext context, BlockCipherEngine engine) {
            super(context, engine, false, 16);
        }
    }

    /** {@code AES_192/ECB/NoPadding}. */
    static final class Aes192NoPadding extends EcbCipher {
        Aes192NoPadding(ProviderContext context, BlockCipherEngine engine) {
            super(context, engine, false, 24);
        }
    }

    /** {@code AES_256/ECB/NoPadding}. */
    static final class Aes256NoPadding extends EcbCipher {
        Aes256NoPadding(ProviderContext context, BlockCipherEngine engine) {
            super(context, engine, false, 32);
        }
    }
}

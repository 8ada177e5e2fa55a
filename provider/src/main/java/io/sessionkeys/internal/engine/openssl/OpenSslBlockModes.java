package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.BlockModeEngine;
import io.sessionkeys.internal.engine.BlockModeOperation;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * AES-CTR, AES-CBC and AES-ECB (and AES-CFB8, CFB128 and OFB, where the selection picked them)
 * on the system's OpenSSL, through {@code libsessionkeys.so}, with padding off ({@link #KERNEL}:
 * CTR, CBC decryption and ECB on SessionKeys' own AES kernel in the same library instead): the ciphers keep
 * partial blocks and padding in Java (padding removal stays constant-time and its errors stay the
 * Java engine's). Made only by {@link EngineSelection},
 * after the library has loaded and the modes have passed their known-answer tests.
 */
final class OpenSslBlockModes implements BlockModeEngine {

    static final OpenSslBlockModes INSTANCE = new OpenSslBlockModes(false);
    /** The same, with CTR, CBC decryption and ECB on SessionKeys' own AES kernel (VAES). */
    static final OpenSslBlockModes KERNEL = new OpenSslBlockModes(true);

    private final boolean kernel;

    private OpenSslBlockModes(boolean kernel) {
        this.kernel = kernel;
    }

    @Override
    public String name() {
        return kernel ? "AES (OpenSSL, own AES kernel)" : "AES (OpenSSL)";
    }

    @Override
    public Precomputation precomputation(Mode mode, boolean encrypt) {
        return record(mode, encrypt);
    }

    private NativeKeyRecord record(Mode mode, boolean encrypt) {
        if (kernel && mode == Mode.CTR) {
            return NativeKeyRecord.AES_CTR_KERNEL;
        }
        if (kernel && mode == Mode.CBC && !encrypt) {
            return NativeKeyRecord.AES_CBC_DECRYPT_KERNEL;
        }
        if (kernel && mode == Mode.ECB) {
            return encrypt ? NativeKeyRecord.AES_ECB_ENCRYPT_KERNEL : NativeKeyRecord.AES_ECB_DECRYPT_KERNEL;
        }
        switch (mode) {
            case CTR:
                return NativeKeyRecord.AES_CTR;
            case CBC:
                return encrypt ? NativeKeyRecord.AES_CBC_ENCRYPT : NativeKeyRecord.AES_CBC_DECRYPT;
            case CFB8:
                return NativeKeyRecord.AES_CFB8;
            case CFB128:
                return NativeKeyRecord.AES_CFB128;
            case OFB128:
                return NativeKeyRecord.AES_OFB;
            default:
                return encrypt ? NativeKeyRecord.AES_ECB_ENCRYPT : NativeKeyRecord.AES_ECB_DECRYPT;
        }
    }

    @Override
    public boolean takesDirectBuffers() {
        return true;
    }

    @Override
    public BlockModeOperation start(ByteBuffer keyData, Mode mode, boolean encrypt, byte[] iv) {
        if ((mode == Mode.ECB) != (iv == null) || (iv != null && iv.length != 16)) {
            throw new IllegalArgumentException("AES-" + mode + " takes " + (mode == Mode.ECB ? "no IV" : "a 16-byte IV"));
        }
        // the record's direction, which for CTR is always the forward cipher; CFB and OFB also
        // run on a forward schedule, but OpenSSL's CFB reads the direction from the context
        boolean direction = mode.segmented() ? encrypt : record(mode, encrypt).encrypts();
        long context = OpenSslNative.start(NativeKeyRecord.handle(keyData), iv, direction);
        OpenSslBlockModeOperation operation = new OpenSslBlockModeOperation(context, mode == Mode.CBC ? iv : null,
                direction);
        return mode.segmented() ? new OpenSslSegmentOperation(operation, mode == Mode.CFB8 ? 1 : 16) : operation;
    }
}

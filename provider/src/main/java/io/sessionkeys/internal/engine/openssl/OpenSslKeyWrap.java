package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.KeyWrapEngine;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * AES-KW and KWP through {@code libsessionkeys.so}: SP 800-38F's W and W<sup>-1</sup> in C over
 * single blocks of the KEK's pooled OpenSSL AES-ECB contexts (the ECB mode's own records, so a
 * KEK is expanded once per direction whatever it serves). Not OpenSSL's key-wrap ciphers: up to
 * at least OpenSSL 3.0 they run on its table-based portable AES, not constant-time and without
 * AES-NI (see {@code key_wrap.c}). Made only by {@link KeyWrapSelection}, after the library has
 * loaded and the engine has passed its known-answer tests.
 */
final class OpenSslKeyWrap implements KeyWrapEngine {

    static final OpenSslKeyWrap INSTANCE = new OpenSslKeyWrap();

    private OpenSslKeyWrap() {
    }

    @Override
    public String name() {
        return "AES-KW (OpenSSL)";
    }

    @Override
    public Precomputation precomputation(Padding padding, boolean wrap) {
        // W runs the forward cipher, W^-1 the inverse: the KEK's ECB contexts of that direction
        return wrap ? NativeKeyRecord.AES_ECB_ENCRYPT : NativeKeyRecord.AES_ECB_DECRYPT;
    }

    @Override
    public void wrap(ByteBuffer kekData, Padding padding, byte[] icv, ByteBuffer source, byte[] out) {
        long kek = NativeKeyRecord.handle(kekData);
        if (source.isDirect()) {
            if (source.position() != 0) {
                throw new IllegalArgumentException("a key's slot is read from its start");
            }
            KeyWrapNative.wrap(kek, icv, code(padding), source, null, 0, source.limit(), out);
        } else {
            KeyWrapNative.wrap(kek, icv, code(padding), null, source.array(),
                    source.arrayOffset() + source.position(), source.remaining(), out);
        }
    }

    @Override
    public Recovered unwrap(ByteBuffer kekData, Padding padding, byte[] icv, byte[] wrapped, int offset, int length) {
        long result = KeyWrapNative.unwrap(NativeKeyRecord.handle(kekData), icv, code(padding), wrapped, offset,
                length);
        return result == 0 ? null : new NativeResult(result);
    }

    private static int code(Padding padding) {
        switch (padding) {
            case KWP:
                return KeyWrapNative.PAD_KWP;
            case PKCS5:
                return KeyWrapNative.PAD_PKCS5;
            default:
                return KeyWrapNative.PAD_NONE;
        }
    }

    /** A C result; used by one thread, from the unwrap to its close. */
    private static final class NativeResult implements Recovered {
        private long handle;
        private final int length;

        NativeResult(long handle) {
            this.handle = handle;
            this.length = KeyWrapNative.resultLength(handle);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public void moveTo(ByteBuffer slot) {
            if (!slot.isDirect() || slot.capacity() < length) {
                throw new IllegalArgumentException("the recovered data goes into a direct buffer of its length");
            }
            KeyWrapNative.moveResult(open(), slot);
        }

        @Override
        public void copyTo(byte[] out, int offset) {
            Objects.checkFromIndexSize(offset, length, out.length);
            KeyWrapNative.copyResult(open(), out, offset);
        }

        private long open() {
            if (handle == 0) {
                throw new IllegalStateException("the recovered data was already freed");
            }
            return handle;
        }

        @Override
        public void close() {
            long h = handle;
            handle = 0;
            if (h != 0) {
                KeyWrapNative.freeResult(h);
            }
        }
    }
}

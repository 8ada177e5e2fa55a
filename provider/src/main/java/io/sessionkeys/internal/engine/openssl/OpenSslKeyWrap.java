package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.KeyWrapEngine;
import io.sessionkeys.internal.key.Precomputation;
import java.nio.ByteBuffer;

/**
 * AES-KW and KWP on the system's OpenSSL ({@code EVP_aes_*_wrap}, {@code _wrap_pad}), through
 * {@code libsessionkeys.so}, with the KEK's keyed contexts pooled in its key record. Made only by
 * {@link KeyWrapSelection}, after the library has loaded and the ciphers have passed their
 * known-answer tests.
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
        if (padding == Padding.KWP) {
            return wrap ? NativeKeyRecord.AES_KWP_WRAP : NativeKeyRecord.AES_KWP_UNWRAP;
        }
        return wrap ? NativeKeyRecord.AES_KW_WRAP : NativeKeyRecord.AES_KW_UNWRAP;
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
            java.util.Objects.checkFromIndexSize(offset, length, out.length);
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

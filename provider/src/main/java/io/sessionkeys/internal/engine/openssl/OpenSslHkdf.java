package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.engine.KeyingSource;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * HKDF (RFC 5869) on the native engine's HMAC (OpenSSL's SHA-2 functions). The C side gathers the salt (or, expand only, the PRK) in
 * secret memory, streams the input keying material through the extract's HMAC, keeps the PRK in
 * secret memory, and expands into the output by address: a derived session key is written
 * straight into its off-heap slot. Session-key inputs are read by address inside their gate.
 * Everything the job held is cleansed when it is freed, in {@code finally}.
 */
final class OpenSslHkdf implements HkdfEngine {

    static final OpenSslHkdf INSTANCE = new OpenSslHkdf();

    private OpenSslHkdf() {
    }

    @Override
    public String name() {
        return "HKDF";
    }

    @Override
    public void derive(ShaAlgorithm hash, boolean extract, boolean expand, List<? extends KeyingSource> salt,
            List<? extends KeyingSource> input, byte[] info, ByteBuffer out) {
        int length = out.limit();
        if (expand ? length > 255 * hash.digestLength() : length != hash.digestLength()) {
            throw new IllegalArgumentException("HKDF-" + hash.digestName() + " cannot make " + length + " bytes"
                    + (expand ? "" : " by extract alone"));
        }
        if (!out.isDirect() && !out.hasArray()) {
            throw new IllegalArgumentException("HKDF output goes to a direct buffer or one backed by an array");
        }
        long job = OpenSslMacNative.hkdfNew(OpenSslHmacEngine.hashNumber(hash));
        try {
            if (extract) {
                feed(salt, new KeySink(job));
                OpenSslMacNative.hkdfExtractStart(job);
                feed(input, new InputSink(job));
                OpenSslMacNative.hkdfExtractFinish(job);
            } else {
                feed(input, new KeySink(job)); // the input is the PRK
            }
            if (expand && out.isDirect()) {
                OpenSslMacNative.hkdfExpandDirect(job, info, out, 0, length);
            } else if (expand) {
                OpenSslMacNative.hkdfExpandArray(job, info, out.array(), out.arrayOffset(), length);
            } else if (out.isDirect()) {
                OpenSslMacNative.hkdfPrkDirect(job, out, 0);
            } else {
                OpenSslMacNative.hkdfPrkArray(job, out.array(), out.arrayOffset());
            }
        } finally {
            OpenSslMacNative.hkdfFree(job);
        }
    }

    private static void feed(List<? extends KeyingSource> parts, KeyingSource.Sink sink) {
        for (KeyingSource part : parts) {
            part.feed(sink);
        }
    }

    /** Appends to the HMAC key the job gathers (salt, or PRK). */
    private static final class KeySink implements KeyingSource.Sink {
        private final long job;

        KeySink(long job) {
            this.job = job;
        }

        @Override
        public void bytes(byte[] input, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, input.length);
            OpenSslMacNative.hkdfKey(job, input, offset, length);
        }

        @Override
        public void material(ByteBuffer input, int index, int length) {
            java.util.Objects.checkFromIndexSize(index, length, input.limit());
            if (input.isDirect()) {
                OpenSslMacNative.hkdfKeyDirect(job, input, index, length);
            } else {
                OpenSslMacNative.hkdfKey(job, input.array(), input.arrayOffset() + index, length);
            }
        }
    }

    /** Streams into the extract's HMAC. */
    private static final class InputSink implements KeyingSource.Sink {
        private final long job;

        InputSink(long job) {
            this.job = job;
        }

        @Override
        public void bytes(byte[] input, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, input.length);
            OpenSslMacNative.hkdfInput(job, input, offset, length);
        }

        @Override
        public void material(ByteBuffer input, int index, int length) {
            java.util.Objects.checkFromIndexSize(index, length, input.limit());
            if (input.isDirect()) {
                OpenSslMacNative.hkdfInputDirect(job, input, index, length);
            } else {
                OpenSslMacNative.hkdfInput(job, input.array(), input.arrayOffset() + index, length);
            }
        }
    }
}

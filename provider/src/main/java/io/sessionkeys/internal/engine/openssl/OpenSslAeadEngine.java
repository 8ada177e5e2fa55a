package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.key.Precomputation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * AES-GCM or ChaCha20-Poly1305 on the system's OpenSSL, through {@code libsessionkeys.so}. Made
 * only by {@link EngineSelection}, after the library has loaded and this engine has passed its
 * known-answer tests. {@link #AES_GCM_KERNEL} runs whole messages ({@link #seal}, {@link #open}
 * and their direct forms) under 12-byte nonces on SessionKeys' own AES-GCM kernel instead, in
 * the same native calls; messages taken step by step and other nonce lengths stay on OpenSSL.
 */
final class OpenSslAeadEngine implements AeadEngine {

    /** OpenSSL keeps at most 128 bytes of GCM IV (any longer IV is refused by the SPI). */
    static final int MAX_GCM_NONCE = 128;

    /** A 12-byte nonce crosses as a long and an int (see {@link OpenSslNative#sealMessage}). */
    private static final int NUMBER_NONCE = 12;
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    static final OpenSslAeadEngine AES_GCM = new OpenSslAeadEngine("AES-GCM", NativeKeyRecord.AES_GCM, 1,
            MAX_GCM_NONCE);
    /** The same, with SessionKeys' own kernel for whole messages under 12-byte nonces. */
    static final OpenSslAeadEngine AES_GCM_KERNEL = new OpenSslAeadEngine("AES-GCM", NativeKeyRecord.AES_GCM_KERNEL,
            1, MAX_GCM_NONCE);
    static final OpenSslAeadEngine CHACHA20_POLY1305 = new OpenSslAeadEngine("ChaCha20-Poly1305",
            NativeKeyRecord.CHACHA20_POLY1305, 12, 12);

    private final String name;
    private final NativeKeyRecord record;
    private final int minNonce;
    private final int maxNonce;

    private OpenSslAeadEngine(String name, NativeKeyRecord record, int minNonce, int maxNonce) {
        this.name = name;
        this.record = record;
        this.minNonce = minNonce;
        this.maxNonce = maxNonce;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Precomputation precomputation() {
        return record;
    }

    @Override
    public boolean acceptsNonceLength(int nonceLength) {
        return nonceLength >= minNonce && nonceLength <= maxNonce;
    }

    /** An encryption: OpenSSL's contexts are set up for one direction from the start. */
    @Override
    public AeadOperation start(ByteBuffer keyData, byte[] nonce) {
        return start(keyData, nonce, true);
    }

    @Override
    public AeadOperation start(ByteBuffer keyData, byte[] nonce, boolean encrypting) {
        checkNonce(nonce);
        return new OpenSslAeadOperation(
                OpenSslNative.startAead(NativeKeyRecord.handle(keyData), nonce, encrypting), encrypting);
    }

    /** One JNI crossing for the whole message (four when done step by step). */
    @Override
    public void seal(ByteBuffer keyData, byte[] nonce, byte[] aad, int aadOffset, int aadLength, byte[] in,
            int inOffset, int length, byte[] out, int outOffset, int tagLength) {
        checkNonce(nonce);
        checkRange(aad, aadOffset, aadLength);
        checkRange(in, inOffset, length);
        checkTagLength(tagLength);
        Objects.checkFromIndexSize(outOffset, length + tagLength, out.length);
        long key = NativeKeyRecord.handle(keyData);
        if (nonce.length == NUMBER_NONCE) {
            OpenSslNative.sealMessage(key, (long) LONG_BE.get(nonce, 0), (int) INT_BE.get(nonce, 8), null, aad,
                    aadOffset, aadLength, in, inOffset, length, out, outOffset, tagLength);
        } else {
            OpenSslNative.sealMessage(key, 0L, 0, nonce, aad, aadOffset, aadLength, in, inOffset, length, out,
                    outOffset, tagLength);
        }
    }

    /** One JNI crossing for the whole message (two when done step by step). */
    @Override
    public boolean open(ByteBuffer keyData, byte[] nonce, byte[] aad, int aadOffset, int aadLength, byte[] in,
            int inOffset, int length, byte[] tag, int tagOffset, int tagLength, byte[] out, int outOffset) {
        checkNonce(nonce);
        checkRange(aad, aadOffset, aadLength);
        checkRange(in, inOffset, length);
        checkTagLength(tagLength);
        Objects.checkFromIndexSize(tagOffset, tagLength, tag.length);
        checkRange(out, outOffset, length);
        long key = NativeKeyRecord.handle(keyData);
        if (nonce.length == NUMBER_NONCE) {
            return OpenSslNative.openMessage(key, (long) LONG_BE.get(nonce, 0), (int) INT_BE.get(nonce, 8), null, aad,
                    aadOffset, aadLength, in, inOffset, length, tag, tagOffset, tagLength, out, outOffset);
        }
        return OpenSslNative.openMessage(key, 0L, 0, nonce, aad, aadOffset, aadLength, in, inOffset, length, tag,
                tagOffset, tagLength, out, outOffset);
    }

    @Override
    public boolean takesDirectBuffers() {
        return true;
    }

    /** One JNI crossing for the whole message, reading and writing the buffers where they are. */
    @Override
    public void sealDirect(ByteBuffer keyData, byte[] nonce, byte[] aad, int aadOffset, int aadLength, ByteBuffer in,
            int inIndex, int length, ByteBuffer out, int outIndex, int tagLength) {
        checkNonce(nonce);
        checkRange(aad, aadOffset, aadLength);
        checkTagLength(tagLength);
        checkDirect(in, inIndex, length, out, outIndex, length + tagLength);
        AeadDirectNative.seal(NativeKeyRecord.handle(keyData), nonce, aad, aadOffset, aadLength, in, inIndex, length,
                out, outIndex, tagLength);
    }

    /** One JNI crossing: decrypted into C-side scratch, copied to {@code out} only after the tag matched. */
    @Override
    public boolean openDirect(ByteBuffer keyData, byte[] nonce, byte[] aad, int aadOffset, int aadLength,
            ByteBuffer in, int inIndex, int length, int tagLength, ByteBuffer out, int outIndex) {
        checkNonce(nonce);
        checkRange(aad, aadOffset, aadLength);
        checkTagLength(tagLength);
        checkDirect(in, inIndex, length + tagLength, out, outIndex, length);
        return AeadDirectNative.open(NativeKeyRecord.handle(keyData), nonce, aad, aadOffset, aadLength, in, inIndex,
                length, tagLength, out, outIndex);
    }

    /** The C side reads and writes by address: both direct, a writable output, every index in bounds. */
    private static void checkDirect(ByteBuffer in, int inIndex, int inLength, ByteBuffer out, int outIndex,
            int outLength) {
        if (!in.isDirect() || !out.isDirect() || out.isReadOnly()) {
            throw new IllegalArgumentException("a direct input and a writable direct output only");
        }
        Objects.checkFromIndexSize(inIndex, inLength, in.limit());
        Objects.checkFromIndexSize(outIndex, outLength, out.limit());
    }

    private void checkNonce(byte[] nonce) {
        if (nonce == null || !acceptsNonceLength(nonce.length)) {
            throw new IllegalArgumentException(name + " on OpenSSL takes nonces of " + minNonce + " to " + maxNonce
                    + " bytes");
        }
    }

    /** An empty range may come with no array at all (JCA passes {@code null} input to doFinal()). */
    private static void checkRange(byte[] array, int offset, int length) {
        if (length != 0) {
            Objects.checkFromIndexSize(offset, length, array.length);
        }
    }

    private static void checkTagLength(int tagLength) {
        if (tagLength < 1 || tagLength > OpenSslNative.TAG_LENGTH) {
            throw new IllegalArgumentException("tag length " + tagLength);
        }
    }
}

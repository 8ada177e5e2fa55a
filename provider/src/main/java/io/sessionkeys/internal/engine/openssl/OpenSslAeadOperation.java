package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.AeadOperation;
import java.nio.ByteBuffer;

/**
 * One AEAD message on a keyed OpenSSL context lent by the key's pool. The context is given back
 * when the message ends ({@link #computeTag}, {@link #openVerified}) or is abandoned
 * ({@link #wipe}); the C side copes with a key released while its context is out.
 *
 * <p>Decryption happens only in {@link #openVerified}: OpenSSL produces plaintext before it
 * checks the tag, so the C side decrypts into a buffer of its own and copies out only after the
 * tag matched. The two-pass methods ({@link #authenticate}, {@link #decryptVerified}) are not
 * available on this engine.
 */
final class OpenSslAeadOperation implements AeadOperation {

    private final boolean encrypting;
    /** The lent C context; 0 once given back. */
    private long context;

    OpenSslAeadOperation(long context, boolean encrypting) {
        this.context = context;
        this.encrypting = encrypting;
    }

    @Override
    public void updateAad(ByteBuffer keyData, byte[] aad, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, aad.length);
        OpenSslNative.aad(open(), aad, offset, length);
    }

    @Override
    public void encrypt(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        if (!encrypting) {
            throw new IllegalStateException("this message was started for decryption");
        }
        java.util.Objects.checkFromIndexSize(inOffset, length, in.length);
        java.util.Objects.checkFromIndexSize(outOffset, length, out.length);
        OpenSslNative.update(open(), in, inOffset, length, out, outOffset);
    }

    @Override
    public void computeTag(ByteBuffer keyData, byte[] out, int outOffset) {
        if (!encrypting) {
            throw new UnsupportedOperationException("the OpenSSL engine verifies tags in openVerified only");
        }
        java.util.Objects.checkFromIndexSize(outOffset, OpenSslNative.TAG_LENGTH, out.length);
        long c = open();
        context = 0;
        OpenSslNative.sealTag(c, out, outOffset);
    }

    @Override
    public boolean openVerified(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] tag, int tagOffset,
            int tagLength, byte[] out, int outOffset) {
        if (encrypting) {
            throw new IllegalStateException("this message was started for encryption");
        }
        java.util.Objects.checkFromIndexSize(inOffset, length, in.length);
        java.util.Objects.checkFromIndexSize(tagOffset, tagLength, tag.length);
        java.util.Objects.checkFromIndexSize(outOffset, length, out.length);
        if (tagLength < 1 || tagLength > OpenSslNative.TAG_LENGTH) {
            throw new IllegalArgumentException("tag length " + tagLength);
        }
        long c = open();
        context = 0;
        return OpenSslNative.openVerified(c, in, inOffset, length, tag, tagOffset, tagLength, out, outOffset);
    }

    @Override
    public void authenticate(ByteBuffer keyData, byte[] ciphertext, int offset, int length) {
        throw new UnsupportedOperationException("the OpenSSL engine decrypts through openVerified only");
    }

    @Override
    public void decryptVerified(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        throw new UnsupportedOperationException("the OpenSSL engine decrypts through openVerified only");
    }

    @Override
    public int tagLength() {
        return OpenSslNative.TAG_LENGTH;
    }

    @Override
    public void wipe() {
        long c = context;
        context = 0;
        if (c != 0) {
            OpenSslNative.giveBack(c);
        }
    }

    private long open() {
        if (context == 0) {
            throw new IllegalStateException("this message is finished");
        }
        return context;
    }
}

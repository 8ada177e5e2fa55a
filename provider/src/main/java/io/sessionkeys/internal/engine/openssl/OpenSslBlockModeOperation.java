package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.BlockModeOperation;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One CTR, CBC or ECB message on a keyed OpenSSL context lent by the key's pool; the context
 * carries the counter, the partial keystream block and the chaining block from call to call,
 * and goes back to the pool at {@link #wipe}. The C side copes with a key released while its
 * context is out; a call after that is refused at the key's gate before it gets here.
 *
 * <p>For CBC it also remembers the last ciphertext block (public), so that
 * {@link #restoreChain} can restart the context from a saved point.
 */
final class OpenSslBlockModeOperation implements BlockModeOperation {

    private static final int BLOCK = 16;

    /** The lent C context; 0 once given back. */
    private long context;
    /** CBC only (else null): the block the next one chains to, and the one saved. */
    private final byte[] chain;
    private final byte[] savedChain;
    private final boolean encrypt;

    OpenSslBlockModeOperation(long context, byte[] cbcIv, boolean encrypt) {
        this.context = context;
        this.encrypt = encrypt;
        this.chain = cbcIv == null ? null : cbcIv.clone();
        this.savedChain = cbcIv == null ? null : new byte[BLOCK];
    }

    @Override
    public void process(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(outOffset, length, out.length);
        if (length == 0) {
            return;
        }
        long c = open();
        if (chain != null && !encrypt) {
            System.arraycopy(in, inOffset + length - BLOCK, chain, 0, BLOCK); // before an in-place call overwrites it
        }
        int written = OpenSslNative.update(c, in, inOffset, length, out, outOffset);
        if (written != length) {
            throw new IllegalStateException("OpenSSL wrote " + written + " bytes for " + length);
        }
        if (chain != null && encrypt) {
            System.arraycopy(out, outOffset + length - BLOCK, chain, 0, BLOCK);
        }
    }

    @Override
    public void process(ByteBuffer keyData, ByteBuffer in, int inIndex, int length, ByteBuffer out, int outIndex) {
        if (!in.isDirect() || !out.isDirect()) {
            throw new IllegalArgumentException("direct buffers only");
        }
        Objects.checkFromIndexSize(inIndex, length, in.limit());
        Objects.checkFromIndexSize(outIndex, length, out.limit());
        if (length == 0) {
            return;
        }
        long c = open();
        if (chain != null && !encrypt) {
            in.get(inIndex + length - BLOCK, chain); // before the call overwrites it, if they share memory
        }
        int written = BlockModesNative.update(c, in, inIndex, length, out, outIndex);
        if (written != length) {
            throw new IllegalStateException("OpenSSL wrote " + written + " bytes for " + length);
        }
        if (chain != null && encrypt) {
            out.get(outIndex + length - BLOCK, chain);
        }
    }

    @Override
    public void saveChain() {
        if (chain != null) {
            System.arraycopy(chain, 0, savedChain, 0, BLOCK);
        }
    }

    @Override
    public void restoreChain() {
        if (chain != null) {
            System.arraycopy(savedChain, 0, chain, 0, BLOCK);
            BlockModesNative.restart(open(), chain);
        }
    }

    @Override
    public void wipe() {
        long c = context;
        context = 0;
        if (c != 0) {
            OpenSslNative.giveBack(c);
        }
    }

    /** The lent context, for the CFB and OFB operation built on this one. */
    long open() {
        if (context == 0) {
            throw new IllegalStateException("this message is finished");
        }
        return context;
    }
}

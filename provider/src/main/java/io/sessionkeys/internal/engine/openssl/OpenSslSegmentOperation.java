package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.BlockModeOperation;
import java.nio.ByteBuffer;

/**
 * One AES-CFB8, CFB128 or OFB message on a keyed OpenSSL context: the data runs as any stream
 * mode's does ({@link OpenSslBlockModeOperation}); OpenSSL's context carries the shift register
 * and the position in a partial segment from call to call.
 *
 * <p>{@link #saveChain} reads the shift register back from the context and {@link #restoreChain}
 * restarts the context from it (the key schedule stays), so that a padded decryption refused for
 * a short output buffer can be retried. The register is ciphertext (CFB) or the last keystream
 * block (OFB), whose plaintext the caller already has. A save is allowed only at a segment
 * boundary, where the register is the whole state; the block-mode ciphers save only there.
 */
final class OpenSslSegmentOperation implements BlockModeOperation {

    private static final int BLOCK = 16;

    private final OpenSslBlockModeOperation stream;
    private final int segment;
    /** Bytes run so far, modulo the segment size: public, only for the boundary check. */
    private int position;
    private final byte[] saved = new byte[BLOCK];

    /** @param segment the segment size in bytes: 1 (CFB8) or 16 (CFB128, OFB) */
    OpenSslSegmentOperation(OpenSslBlockModeOperation stream, int segment) {
        this.stream = stream;
        this.segment = segment;
    }

    @Override
    public void process(ByteBuffer keyData, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        stream.process(keyData, in, inOffset, length, out, outOffset);
        position = (position + length) % segment;
    }

    @Override
    public void process(ByteBuffer keyData, ByteBuffer in, int inIndex, int length, ByteBuffer out, int outIndex) {
        stream.process(keyData, in, inIndex, length, out, outIndex);
        position = (position + length) % segment;
    }

    @Override
    public void saveChain() {
        if (position != 0) {
            throw new IllegalStateException("a CFB or OFB message can be saved only at a segment boundary");
        }
        BlockModesNative.shiftRegister(stream.open(), saved);
    }

    @Override
    public void restoreChain() {
        BlockModesNative.restart(stream.open(), saved);
        position = 0;
    }

    @Override
    public void wipe() {
        Zeroing.wipe(saved);
        stream.wipe();
    }
}

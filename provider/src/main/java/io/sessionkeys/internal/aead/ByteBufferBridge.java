package io.sessionkeys.internal.aead;

import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.ShortBufferException;

/**
 * Runs a byte-array step on {@link ByteBuffer}s (heap, direct, read-only). Input that has no
 * accessible array is copied whole first, so direct buffers that overlap in memory cannot
 * corrupt each other; heap buffers over one array reach the step as overlapping arrays, which
 * it handles. Temporary copies are zeroed; positions move only if the step succeeds.
 */
final class ByteBufferBridge {

    private ByteBufferBridge() {
    }

    @FunctionalInterface
    interface Step {
        int run(byte[] in, int inOffset, int length, byte[] out, int outOffset)
                throws ShortBufferException, AEADBadTagException;
    }

    static int run(ByteBuffer input, ByteBuffer output, int outputNeeded, Step step)
            throws ShortBufferException, AEADBadTagException {
        int length = input.remaining();
        if (output.remaining() < outputNeeded) {
            throw AeadMessage.shortBuffer(outputNeeded, output.remaining());
        }
        if (output.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        boolean copyIn = !input.hasArray();
        boolean copyOut = !output.hasArray();
        byte[] in = copyIn ? new byte[length] : input.array();
        int inOffset = copyIn ? 0 : input.arrayOffset() + input.position();
        byte[] out = copyOut ? new byte[outputNeeded] : output.array();
        int outOffset = copyOut ? 0 : output.arrayOffset() + output.position();
        try {
            if (copyIn) {
                input.duplicate().get(in);
            }
            int written = step.run(in, inOffset, length, out, outOffset);
            input.position(input.limit());
            if (copyOut) {
                output.put(out, 0, written);
            } else {
                output.position(output.position() + written);
            }
            return written;
        } finally {
            if (copyIn) {
                Arrays.fill(in, (byte) 0);
            }
            if (copyOut) {
                Arrays.fill(out, (byte) 0);
            }
        }
    }
}

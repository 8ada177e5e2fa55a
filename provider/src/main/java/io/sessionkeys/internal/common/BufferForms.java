package io.sessionkeys.internal.common;

import java.nio.ByteBuffer;
import javax.crypto.BadPaddingException;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;

/**
 * The {@code ByteBuffer} forms of {@code update} and {@code doFinal}, on top of a cipher's
 * byte-array form. {@link CipherSpi}'s defaults pass direct and read-only buffers through heap
 * arrays they never zero; here a buffer with an accessible array is used in place, any other is
 * copied whole (so direct buffers that overlap in memory cannot corrupt each other) into a heap
 * copy zeroed before returning. Heap buffers over one array reach the step as overlapping
 * arrays, which every cipher's array form handles. The room check comes first, nothing is
 * written past the output's limit, and positions move only when the step succeeds.
 */
public final class BufferForms {

    /** A cipher's array form: reads {@code length} bytes at {@code in[inOffset]}, returns the bytes written at {@code out[outOffset]}. */
    @FunctionalInterface
    public interface Step {
        int run(byte[] in, int inOffset, int length, byte[] out, int outOffset)
                throws ShortBufferException, IllegalBlockSizeException, BadPaddingException;
    }

    private BufferForms() {
    }

    /**
     * Runs {@code step} on the remaining bytes of {@code input}, writing into {@code output}.
     *
     * @param minimum the fewest output bytes the call can need (a ShortBufferException below it)
     * @param atMost the most it can write; a copy of the output gets {@code min(atMost, room)} bytes
     *     (the step must not write more than the output's remaining room)
     */
    public static int run(ByteBuffer input, ByteBuffer output, int minimum, int atMost, Step step)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        int length = input.remaining();
        int room = output.remaining();
        if (room < minimum) {
            throw Errors.shortBuffer(minimum, room);
        }
        if (output.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        boolean copyIn = !input.hasArray();
        boolean copyOut = !output.hasArray();
        byte[] in = copyIn ? new byte[length] : input.array();
        int inOffset = copyIn ? 0 : input.arrayOffset() + input.position();
        byte[] out = copyOut ? new byte[Math.min(atMost, room)] : output.array();
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
                Zeroing.wipe(in);
            }
            if (copyOut) {
                Zeroing.wipe(out);
            }
        }
    }

    /** {@link #run} for a call that writes exactly {@code needed} bytes, or at most that many. */
    public static int run(ByteBuffer input, ByteBuffer output, int needed, Step step)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        return run(input, output, needed, needed, step);
    }
}

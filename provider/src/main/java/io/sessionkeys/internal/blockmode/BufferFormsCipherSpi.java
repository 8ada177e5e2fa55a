package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.common.BufferForms;
import io.sessionkeys.internal.common.Zeroing;
import java.nio.ByteBuffer;
import java.security.ProviderException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import io.sessionkeys.internal.service.SessionKeysCipherSpi;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;

/**
 * The forms of update and doFinal that return a new array or take {@code ByteBuffer}s, on top of
 * the forms that write into a caller's array. The array-returning forms size their result exactly
 * (zeroing an oversized scratch). The {@code ByteBuffer} forms go through {@link BufferForms}
 * (zeroed copies where CipherSpi's would not be); the output needs room only for what the call
 * really writes.
 */
abstract class BufferFormsCipherSpi extends SessionKeysCipherSpi {

    /** Throws {@link IllegalStateException} unless the cipher may process data now. */
    abstract void requireReady();

    /** The exact number of bytes an update with {@code inputLen} more bytes outputs. */
    abstract int updateOutputLength(int inputLen);

    /** The bytes a doFinal with {@code inputLen} more bytes outputs: exact, or for padded decryption an upper bound. */
    abstract int finalOutputLength(int inputLen);

    /** The fewest output bytes a doFinal with {@code inputLen} more bytes can need. */
    int finalOutputMinimum(int inputLen) {
        return finalOutputLength(inputLen);
    }

    @Override
    protected int engineUpdate(ByteBuffer input, ByteBuffer output) throws ShortBufferException {
        try {
            return throughBuffers(input, output, false);
        } catch (IllegalBlockSizeException | BadPaddingException impossible) {
            throw new ProviderException("update cannot end a message", impossible);
        }
    }

    @Override
    protected int engineDoFinal(ByteBuffer input, ByteBuffer output)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        return throughBuffers(input, output, true);
    }

    private int throughBuffers(ByteBuffer input, ByteBuffer output, boolean last)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        requireReady();
        int len = input.remaining();
        int room = output.remaining();
        int minimum = last ? finalOutputMinimum(len) : updateOutputLength(len);
        int atMost = last ? finalOutputLength(len) : minimum;
        return BufferForms.run(input, output, minimum, atMost, (in, inAt, n, out, outAt) -> last
                ? finalIntoRoom(in, inAt, n, out, outAt, room)
                : engineUpdate(in, inAt, n, out, outAt));
    }

    /**
     * doFinal into {@code out} at {@code outAt}, writing at most {@code room} bytes (the buffer's
     * limit may lie before the array's end): through scratch only when padded decryption might
     * need more room than there is, so that a ShortBufferException still comes before any write.
     */
    private int finalIntoRoom(byte[] in, int inAt, int len, byte[] out, int outAt, int room)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        if (finalOutputLength(len) <= room || out.length - outAt <= room) {
            return engineDoFinal(in, inAt, len, out, outAt);
        }
        byte[] bounded = new byte[room];
        try {
            int n = engineDoFinal(in, inAt, len, bounded, 0);
            System.arraycopy(bounded, 0, out, outAt, n);
            return n;
        } finally {
            Zeroing.wipe(bounded);
        }
    }

    @Override
    protected byte[] engineUpdate(byte[] in, int inOff, int len) {
        requireReady();
        byte[] out = new byte[updateOutputLength(len)];
        try {
            int n = engineUpdate(in, inOff, len, out, 0);
            return n == out.length ? out : Arrays.copyOf(out, n);
        } catch (ShortBufferException impossible) {
            throw new ProviderException("output sized by updateOutputLength was too short", impossible);
        }
    }

    @Override
    protected byte[] engineDoFinal(byte[] in, int inOff, int len) throws IllegalBlockSizeException,
            BadPaddingException {
        requireReady();
        byte[] out = new byte[finalOutputLength(len)];
        int n;
        try {
            n = engineDoFinal(in, inOff, len, out, 0);
        } catch (ShortBufferException impossible) {
            throw new ProviderException("output sized by finalOutputLength was too short", impossible);
        }
        if (n == out.length) {
            return out;
        }
        byte[] exact = Arrays.copyOf(out, n);
        Zeroing.wipe(out);
        return exact;
    }
}

package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.key.ManagedSessionKey;
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
 * (zeroing an oversized scratch). The {@code ByteBuffer} forms replace {@link CipherSpi}'s: heap
 * buffers go straight to the array code (in place too, which the array code handles); other
 * buffers through heap copies that are zeroed afterwards, where CipherSpi leaves its copies to the
 * garbage collector. The output needs room only for what the call really writes, nothing is
 * written past its limit, and positions move only on success.
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
        if (room < minimum) {
            throw new ShortBufferException("Output buffer must be (at least) " + minimum + " bytes long");
        }
        int upTo = Math.min(room, last ? finalOutputLength(len) : minimum);
        if (input.hasArray() && output.hasArray() && !output.isReadOnly()) {
            int inAt = input.arrayOffset() + input.position();
            int outAt = output.arrayOffset() + output.position();
            int n = last ? finalIntoRoom(input.array(), inAt, len, output.array(), outAt, room)
                    : engineUpdate(input.array(), inAt, len, output.array(), outAt);
            input.position(input.limit());
            output.position(output.position() + n);
            return n;
        }
        byte[] in = new byte[len];
        byte[] out = new byte[upTo];
        try {
            input.duplicate().get(in);
            int n = last ? engineDoFinal(in, 0, len, out, 0) : engineUpdate(in, 0, len, out, 0);
            output.put(out, 0, n);
            input.position(input.limit());
            return n;
        } finally {
            ManagedSessionKey.wipe(in);
            ManagedSessionKey.wipe(out);
        }
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
            ManagedSessionKey.wipe(bounded);
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
        ManagedSessionKey.wipe(out);
        return exact;
    }
}

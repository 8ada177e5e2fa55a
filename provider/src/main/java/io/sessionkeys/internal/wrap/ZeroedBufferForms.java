package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.key.ManagedSessionKey;
import java.nio.ByteBuffer;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;

/**
 * The {@code ByteBuffer} forms of a whole-message cipher (one that buffers until {@code doFinal}),
 * through heap copies zeroed before returning. {@code CipherSpi}'s defaults pass direct and
 * read-only buffers through heap arrays that they never zero, and key data flows through the
 * wrapping ciphers in both directions. Positions move only when the call succeeds.
 */
final class ZeroedBufferForms {

    /** What {@code update} does with a copy of the input (buffering it). */
    interface Update {
        void accept(byte[] input);
    }

    /** What {@code doFinal} does with a copy of the input; the result is zeroed after it is copied out. */
    interface Final {
        byte[] apply(byte[] input) throws IllegalBlockSizeException, BadPaddingException;
    }

    private ZeroedBufferForms() {
    }

    static int update(ByteBuffer input, Update step) {
        byte[] in = new byte[input.remaining()];
        input.duplicate().get(in);
        try {
            step.accept(in);
            input.position(input.limit());
            return 0;
        } finally {
            ManagedSessionKey.wipe(in);
        }
    }

    /** @param name the cipher's name, for the message; @param needed {@code engineGetOutputSize} of the input */
    static int doFinal(String name, int needed, ByteBuffer input, ByteBuffer output, Final step)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        if (output.remaining() < needed) {
            throw new ShortBufferException(name + " needs " + needed + " bytes of output space, has "
                    + output.remaining());
        }
        byte[] in = new byte[input.remaining()];
        input.duplicate().get(in);
        byte[] result = null;
        try {
            result = step.apply(in);
            output.put(result);
            input.position(input.limit());
            return result.length;
        } finally {
            ManagedSessionKey.wipe(in);
            ManagedSessionKey.wipe(result);
        }
    }
}

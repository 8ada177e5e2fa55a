package io.sessionkeys.internal.common;

import javax.crypto.ShortBufferException;

/**
 * Wording of the exceptions every cipher family throws alike, so that a caller sees one message
 * for one situation whichever transformation it used.
 */
public final class Errors {

    private Errors() {
    }

    /**
     * The output has room for {@code available} bytes where this call needs {@code needed}.
     * Thrown before the call changes any state, so the caller can retry with a bigger buffer.
     */
    public static ShortBufferException shortBuffer(int needed, int available) {
        return new ShortBufferException("output buffer too short: this call needs room for " + needed
                + " bytes, the buffer has room for " + Math.max(available, 0) + " (nothing was consumed)");
    }
}

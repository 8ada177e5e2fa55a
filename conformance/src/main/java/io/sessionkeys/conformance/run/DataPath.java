package io.sessionkeys.conformance.run;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * The ways a user feeds data to a {@code Cipher} or {@code Mac}: byte arrays or
 * {@code ByteBuffer}s, in one call or split across {@code update} calls. Every case runs every
 * path; a case passes only if all of them give the right answer.
 */
public enum DataPath {
    BYTES("bytes"),
    BYTES_SPLIT("bytes-split"),
    HEAP_BUFFER("heap-buffer"),
    DIRECT_BUFFER_SPLIT("direct-buffer-split");

    private final String label;

    DataPath(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Set<DataPath> all() {
        return EnumSet.allOf(DataPath.class);
    }

    /** Feeds {@code aad} (if not empty) and {@code input} to an initialized cipher and returns its whole output. */
    public byte[] run(Cipher c, byte[] aad, byte[] input) throws GeneralSecurityException {
        switch (this) {
            case BYTES:
                if (aad.length > 0) {
                    c.updateAAD(aad);
                }
                return orEmpty(c.doFinal(input));
            case BYTES_SPLIT: {
                int[] cut = cuts(aad.length);
                if (aad.length > 0) {
                    c.updateAAD(aad, 0, cut[0]);
                    c.updateAAD(aad, cut[0], aad.length - cut[0]);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int[] at = cuts(input.length);
                append(out, c.update(input, 0, at[0]));
                append(out, c.update(input, at[0], at[1] - at[0]));
                append(out, c.doFinal(input, at[1], input.length - at[1]));
                return out.toByteArray();
            }
            case HEAP_BUFFER: {
                if (aad.length > 0) {
                    c.updateAAD(ByteBuffer.wrap(aad));
                }
                ByteBuffer out = ByteBuffer.allocate(c.getOutputSize(input.length));
                c.doFinal(ByteBuffer.wrap(input), out);
                return written(out);
            }
            case DIRECT_BUFFER_SPLIT: {
                if (aad.length > 0) {
                    c.updateAAD(direct(aad, 0, 1));
                    c.updateAAD(direct(aad, 1, aad.length - 1));
                }
                ByteBuffer out = ByteBuffer.allocateDirect(c.getOutputSize(input.length));
                int[] at = cuts(input.length);
                c.update(direct(input, 0, at[0]), out);
                c.update(direct(input, at[0], at[1] - at[0]), out);
                c.doFinal(direct(input, at[1], input.length - at[1]), out);
                return written(out);
            }
            default:
                throw new IllegalStateException(name());
        }
    }

    /** Feeds {@code message} to an initialized MAC and returns the full tag. */
    public byte[] run(Mac m, byte[] message) {
        int[] at = cuts(message.length);
        switch (this) {
            case BYTES:
                return m.doFinal(message);
            case BYTES_SPLIT:
                m.update(message, 0, at[0]);
                m.update(message, at[0], at[1] - at[0]);
                m.update(message, at[1], message.length - at[1]);
                return m.doFinal();
            case HEAP_BUFFER:
                m.update(ByteBuffer.wrap(message));
                return m.doFinal();
            case DIRECT_BUFFER_SPLIT:
                m.update(direct(message, 0, at[0]));
                m.update(direct(message, at[0], at[1] - at[0]));
                m.update(direct(message, at[1], message.length - at[1]));
                return m.doFinal();
            default:
                throw new IllegalStateException(name());
        }
    }

    /**
     * Two cut points: one byte, then up to the middle, then the rest; so a split run has a
     * one-byte update and updates that straddle block boundaries.
     */
    private static int[] cuts(int length) {
        int first = Math.min(1, length);
        return new int[] {first, Math.max(first, Math.min(length, length / 2 + 3))};
    }

    private static ByteBuffer direct(byte[] data, int offset, int length) {
        ByteBuffer b = ByteBuffer.allocateDirect(Math.max(0, length));
        b.put(data, offset, Math.max(0, length)).flip();
        return b;
    }

    private static byte[] written(ByteBuffer out) {
        out.flip();
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return bytes;
    }

    private static void append(ByteArrayOutputStream out, byte[] part) {
        if (part != null) {
            out.write(part, 0, part.length);
        }
    }

    private static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }
}

package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.Cipher;

/**
 * The ways a caller can hand a message to {@code Cipher}: arrays (at offsets, split over update),
 * heap buffers that are slices of larger arrays (non-zero array offset), direct buffers, read-only
 * input. Each form checks, on failure, that its output holds no data and its positions did not move.
 */
enum CipherForm {
    ARRAY, ARRAY_AT_OFFSET, SPLIT_UPDATE, HEAP_SLICES, DIRECT, READ_ONLY_INPUT_TO_DIRECT;

    /**
     * Runs {@code c.doFinal} on {@code in} in this form; returns the output, or throws what the
     * cipher threw. A failed call must leave both positions where they were (every SessionKeys
     * cipher documents it; {@code CipherSpi}'s defaults, which SunJCE uses, consume the input first).
     */
    byte[] run(Cipher c, byte[] in, SplittableRandom r) throws Exception {
        int room = in.length + 64;
        switch (this) {
            case ARRAY:
                return c.doFinal(in);
            case ARRAY_AT_OFFSET: {
                int inOff = r.nextInt(8);
                int outOff = r.nextInt(8);
                byte[] src = new byte[inOff + in.length + r.nextInt(8)];
                System.arraycopy(in, 0, src, inOff, in.length);
                byte[] out = Hostile.sentinelArray(outOff + room);
                try {
                    int n = c.doFinal(src, inOff, in.length, out, outOff);
                    return Arrays.copyOfRange(out, outOff, outOff + n);
                } catch (Exception | Error e) {
                    Hostile.assertNoOutput(out, 0, out.length);
                    throw e;
                }
            }
            case SPLIT_UPDATE: {
                int cut = in.length == 0 ? 0 : r.nextInt(in.length + 1);
                byte[] first = c.update(in, 0, cut);
                byte[] out = Hostile.sentinelArray(room);
                try {
                    int n = c.doFinal(in, cut, in.length - cut, out, 0);
                    byte[] head = first == null ? new byte[0] : first;
                    byte[] all = Arrays.copyOf(head, head.length + n);
                    System.arraycopy(out, 0, all, head.length, n);
                    return all;
                } catch (Exception | Error e) {
                    Hostile.assertNoOutput(out, 0, out.length);
                    throw e;
                }
            }
            default:
                return buffers(c, in, r);
        }
    }

    private byte[] buffers(Cipher c, byte[] in, SplittableRandom r) throws Exception {
        int inOff = r.nextInt(8);
        int outOff = r.nextInt(8);
        ByteBuffer input;
        ByteBuffer output;
        if (this == HEAP_SLICES) {
            byte[] backing = new byte[inOff + in.length + 8];
            System.arraycopy(in, 0, backing, inOff, in.length);
            input = ByteBuffer.wrap(backing, inOff, in.length).slice();
            output = ByteBuffer.wrap(Hostile.sentinelArray(outOff + in.length + 72), outOff, in.length + 64).slice();
        } else {
            input = ByteBuffer.allocate(in.length).put(in).flip();
            if (this == READ_ONLY_INPUT_TO_DIRECT) {
                input = input.asReadOnlyBuffer();
            } else {
                input = ByteBuffer.allocateDirect(in.length).put(in).flip();
            }
            output = ByteBuffer.allocateDirect(in.length + 64);
            output.put(Hostile.sentinelArray(output.capacity())).clear();
        }
        int inPosition = input.position();
        int outPosition = output.position();
        try {
            int n = c.doFinal(input, output);
            output.flip();
            output.position(outPosition);
            byte[] result = new byte[n];
            output.get(result);
            return result;
        } catch (Exception | Error e) {
            assertEquals(inPosition, input.position(), "a failed call moved the input position");
            assertEquals(outPosition, output.position(), "a failed call moved the output position");
            byte[] all = new byte[output.capacity()];
            output.duplicate().clear().get(all);
            Hostile.assertNoOutput(all, 0, all.length);
            throw e;
        }
    }
}

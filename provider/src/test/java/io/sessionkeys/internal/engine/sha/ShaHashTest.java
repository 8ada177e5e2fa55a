package io.sessionkeys.internal.engine.sha;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShaHashTest {

    private static byte[] reference(ShaAlgorithm algorithm, byte[] message) throws Exception {
        return MessageDigest.getInstance(algorithm.digestName(), "SUN").digest(message);
    }

    private static byte[] ours(ShaHash h, int digestLength) {
        byte[] out = new byte[digestLength];
        h.finish(out, 0);
        return out;
    }

    @Property(tries = 300)
    void update_randomMessageInRandomSplits_matchesMessageDigest(@ForAll ShaAlgorithm algorithm,
            @ForAll @Size(max = 700) byte[] message, @ForAll @IntRange(min = 1, max = 200) int chunk) throws Exception {
        ShaHash h = algorithm.newHash();
        for (int at = 0; at < message.length; at += chunk) {
            h.update(message, at, Math.min(chunk, message.length - at));
        }
        assertArrayEquals(reference(algorithm, message), ours(h, algorithm.digestLength()));
    }

    @Property(tries = 200)
    void update_byteBufferAndSingleBytes_matchMessageDigest(@ForAll ShaAlgorithm algorithm,
            @ForAll @Size(max = 400) byte[] message, @ForAll @IntRange(min = 0, max = 400) int split) throws Exception {
        int cut = Math.min(split, message.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(message.length + 3);
        direct.put(3, message);
        ShaHash h = algorithm.newHash();
        h.update(direct, 3, cut);
        for (int i = cut; i < message.length; i++) {
            h.update(message[i]);
        }
        assertArrayEquals(reference(algorithm, message), ours(h, algorithm.digestLength()));
    }

    @ParameterizedTest
    @EnumSource(ShaAlgorithm.class)
    void finish_everyLengthAroundThePaddingBoundary_matchesMessageDigest(ShaAlgorithm algorithm) throws Exception {
        for (int length = 0; length <= 2 * algorithm.blockSize() + 1; length++) {
            byte[] message = new byte[length];
            for (int i = 0; i < length; i++) {
                message[i] = (byte) (i * 31 + 7);
            }
            ShaHash h = algorithm.newHash();
            h.update(message, 0, length);
            assertArrayEquals(reference(algorithm, message), ours(h, algorithm.digestLength()), "length " + length);
        }
    }

    @ParameterizedTest
    @EnumSource(ShaAlgorithm.class)
    void resume_fromSavedStateAfterOneBlock_continuesTheSameHash(ShaAlgorithm algorithm) throws Exception {
        byte[] message = new byte[algorithm.blockSize() + 50];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) i;
        }
        ShaHash first = algorithm.newHash();
        first.update(message, 0, algorithm.blockSize());
        ByteBuffer saved = ByteBuffer.allocateDirect(algorithm.stateLength());
        first.saveState(saved, 0);

        ShaHash second = algorithm.newHash();
        second.resume(saved, 0, algorithm.blockSize());
        second.update(message, algorithm.blockSize(), 50);
        assertArrayEquals(reference(algorithm, message), ours(second, algorithm.digestLength()));
    }

    @Test
    void reset_afterUse_startsANewMessage() throws Exception {
        ShaHash h = ShaAlgorithm.SHA256.newHash();
        h.update(new byte[] {1, 2, 3}, 0, 3);
        h.reset();
        assertArrayEquals(reference(ShaAlgorithm.SHA256, new byte[0]), ours(h, 32));
    }

    @Test
    void digestLengths_areTheStandardOnes() {
        assertEquals(32, ShaAlgorithm.SHA256.digestLength());
        assertEquals(48, ShaAlgorithm.SHA384.digestLength());
        assertEquals(64, ShaAlgorithm.SHA512.digestLength());
        assertEquals(128, ShaAlgorithm.SHA384.blockSize());
    }
}

package io.sessionkeys.internal.wrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * OAEP decoding on encoded messages damaged in each way RFC 8017 §7.1.2 checks: every one gives
 * the same result, -1, and an intact one gives the message back.
 */
class OaepCodecTest {

    private static final int K = 256;
    private static final byte[] MESSAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    private final SecureRandom random = new SecureRandom();

    private byte[] encoded(OaepCodec codec, byte[] message) {
        byte[] em = new byte[K];
        System.arraycopy(message, 0, em, K - message.length, message.length);
        codec.encode(em, message.length, random);
        return em;
    }

    @Test
    void decode_intactEncoding_givesTheMessage() throws Exception {
        for (String hash : new String[] {"SHA-1", "SHA-256", "SHA-384", "SHA-512"}) {
            OaepCodec codec = new OaepCodec(hash, "SHA-1", new byte[] {7});
            byte[] em = encoded(codec, MESSAGE);
            int start = codec.decode(em);
            assertArrayEquals(MESSAGE, Arrays.copyOfRange(em, start, K), hash);
        }
    }

    @Test
    void decode_emptyAndLongestMessages_roundTrip() throws Exception {
        OaepCodec codec = new OaepCodec("SHA-256", "SHA-256", new byte[0]);
        for (byte[] m : new byte[][] {new byte[0], new byte[codec.maxMessageLength(K)]}) {
            byte[] em = encoded(codec, m);
            assertEquals(K - m.length, codec.decode(em));
        }
    }

    @Test
    void decode_everyKindOfDamage_givesTheSameFailure() throws Exception {
        OaepCodec codec = new OaepCodec("SHA-256", "SHA-1", new byte[0]);
        OaepCodec otherLabel = new OaepCodec("SHA-256", "SHA-1", new byte[] {1});
        OaepCodec otherMgf = new OaepCodec("SHA-256", "SHA-256", new byte[0]);
        assertEquals(-1, otherLabel.decode(encoded(codec, MESSAGE)), "label hash");
        assertEquals(-1, otherMgf.decode(encoded(codec, MESSAGE)), "MGF1 hash");
        byte[] leading = encoded(codec, MESSAGE);
        leading[0] = 1;
        assertEquals(-1, codec.decode(leading), "leading byte");
        byte[] masked = encoded(codec, MESSAGE);
        masked[40] ^= 1;
        assertEquals(-1, codec.decode(masked), "masked seed or DB");
        assertEquals(-1, codec.decode(new byte[K]), "all zero");
    }

    @Test
    void decode_badPaddingInsideDb_isRefused() throws Exception {
        // unmask a good encoding, damage DB, and mask it again as encode does
        OaepCodec codec = new OaepCodec("SHA-1", "SHA-1", new byte[0]);
        byte[] good = encoded(codec, MESSAGE);
        byte[] noSeparator = good.clone();
        codec.unmask(noSeparator);                       // now 0 || seed || DB
        int separator = K - MESSAGE.length - 1;
        noSeparator[separator] = 2;
        codec.mask(noSeparator);
        assertEquals(-1, codec.decode(noSeparator), "separator 0x02");
        byte[] nonZeroPs = good.clone();
        codec.unmask(nonZeroPs);
        nonZeroPs[separator - 5] = 1;                    // a 0x01 earlier than the real separator is fine,
        nonZeroPs[separator - 6] = 9;                    // but a non-zero byte before it is not
        codec.mask(nonZeroPs);
        assertEquals(-1, codec.decode(nonZeroPs), "non-zero padding byte");
    }
}

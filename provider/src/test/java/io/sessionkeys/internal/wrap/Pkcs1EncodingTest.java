package io.sessionkeys.internal.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** EME-PKCS1-v1_5 decoding: each defect alone makes the encoding invalid; the limits are exact. */
class Pkcs1EncodingTest {

    private static final int K = 64;

    private static byte[] valid(int messageLength, int type) {
        byte[] em = new byte[K];
        for (int i = 0; i < messageLength; i++) {
            em[K - messageLength + i] = (byte) (i + 1);
        }
        Pkcs1Encoding.encode(em, messageLength, type, new SecureRandom());
        return em;
    }

    @Test
    void decode_encodedMessages_giveTheMessageStart() {
        for (int type : new int[] {1, 2}) {
            for (int length : new int[] {0, 1, 16, K - 11}) {
                long d = Pkcs1Encoding.decode(valid(length, type), type);
                assertTrue(Pkcs1Encoding.valid(d), "type " + type + ", length " + length);
                assertEquals(K - length, Pkcs1Encoding.start(d));
            }
        }
    }

    @Test
    void decode_eachDefect_isInvalid() {
        byte[] leading = valid(16, 2);
        leading[0] = 1;
        byte[] type = valid(16, 2);
        type[1] = 1;
        byte[] noSeparator = valid(0, 2);
        noSeparator[K - 1] = 7;
        byte[] shortPadding = valid(16, 2);
        shortPadding[9] = 0; // PS of 7 bytes
        byte[] typeOneNotFf = valid(16, 1);
        typeOneNotFf[5] = 0x7F;
        for (byte[] bad : new byte[][] {leading, type, noSeparator, shortPadding}) {
            assertFalse(Pkcs1Encoding.valid(Pkcs1Encoding.decode(bad, 2)));
        }
        assertFalse(Pkcs1Encoding.valid(Pkcs1Encoding.decode(typeOneNotFf, 1)));
    }

    @Test
    void decode_paddingStringOfExactlyEightBytes_isValid() {
        byte[] em = valid(K - 11, 2);
        assertTrue(Pkcs1Encoding.valid(Pkcs1Encoding.decode(em, 2)));
        assertEquals(11, Pkcs1Encoding.start(Pkcs1Encoding.decode(em, 2)));
    }
}

package io.sessionkeys.internal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import javax.crypto.BadPaddingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pkcs5PaddingTest {

    @Test
    void unpaddedLength_everyValidPadding_givesTheMessageLength() throws Exception {
        for (int partial = 0; partial < 16; partial++) {
            byte[] block = new byte[20];
            Arrays.fill(block, (byte) 0x33);
            byte[] last = Arrays.copyOf(new byte[] {}, 16);
            Arrays.fill(last, 0, partial, (byte) 0x5c);
            Pkcs5Padding.pad(last, partial);
            System.arraycopy(last, 0, block, 4, 16);
            assertEquals(partial, Pkcs5Padding.unpaddedLength(block, 4), "partial " + partial);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 17, 128, 255})
    void unpaddedLength_padValueOutOfRange_throwsBadPaddingException(int value) {
        byte[] block = new byte[16];
        Arrays.fill(block, (byte) value);
        assertThrows(BadPaddingException.class, () -> Pkcs5Padding.unpaddedLength(block, 0));
    }

    @Test
    void unpaddedLength_anyPaddingByteWrong_throwsBadPaddingException() {
        for (int pad = 2; pad <= 16; pad++) {
            for (int wrong = 16 - pad; wrong < 15; wrong++) {
                byte[] block = new byte[16];
                Arrays.fill(block, 16 - pad, 16, (byte) pad);
                block[wrong] ^= 0x01;
                int at = wrong;
                int p = pad;
                assertThrows(BadPaddingException.class, () -> Pkcs5Padding.unpaddedLength(block, 0),
                        "pad " + p + ", byte " + at);
            }
        }
    }

    @Test
    void unpaddedLength_bytesBeforeThePadding_areNotChecked() throws Exception {
        byte[] block = new byte[16];
        Arrays.fill(block, (byte) 0x03); // looks like padding 3 further back too
        block[12] = 0x04;
        Arrays.fill(block, 13, 16, (byte) 3);
        assertEquals(13, Pkcs5Padding.unpaddedLength(block, 0));
    }

    @Test
    void padLength_fullBlockMessage_isAWholeBlockOfPadding() {
        assertEquals(16, Pkcs5Padding.padLength(0));
        assertEquals(1, Pkcs5Padding.padLength(15));
    }

    // key wrap's padded data may be shorter than a block, and its padding is at most 16 bytes

    @Test
    void unpaddedLengthOrMinusOne_dataShorterThanABlock_acceptsPaddingUpToItsLength() {
        byte[] data = {0x77, 0x11, 0x11, 3, 3, 3, 0x55}; // 5 bytes at offset 1, the last 3 padding
        assertEquals(2, Pkcs5Padding.unpaddedLengthOrMinusOne(data, 1, 5));
        byte[] all = {6, 6, 6, 6, 6, 6};
        assertEquals(0, Pkcs5Padding.unpaddedLengthOrMinusOne(all, 0, 6));
    }

    @Test
    void unpaddedLengthOrMinusOne_padLongerThanTheData_isMinusOne() {
        byte[] data = {8, 8, 8, 8, 8, 8}; // 8 (not 7, where length - pad happens to be -1 too)
        assertEquals(-1, Pkcs5Padding.unpaddedLengthOrMinusOne(data, 0, 6));
    }

    @Test
    void unpaddedLengthOrMinusOne_longDataWithFullBlockOfPadding_givesTheMessageLength() {
        byte[] data = new byte[24];
        Arrays.fill(data, 8, 24, (byte) 16);
        assertEquals(8, Pkcs5Padding.unpaddedLengthOrMinusOne(data, 0, 24));
        data[23] = 17;
        assertEquals(-1, Pkcs5Padding.unpaddedLengthOrMinusOne(data, 0, 24));
        data[23] = 16;
        data[8] = 15;
        assertEquals(-1, Pkcs5Padding.unpaddedLengthOrMinusOne(data, 0, 24));
    }
}

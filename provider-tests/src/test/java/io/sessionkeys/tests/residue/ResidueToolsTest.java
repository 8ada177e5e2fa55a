package io.sessionkeys.tests.residue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.tests.support.KeyPattern;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The residue scan's own tools, checked against known answers so that a zero means zero. */
class ResidueToolsTest {

    @Test
    void expand_fips197AppendixA1_lastRoundKeyMatches() {
        byte[] key = HexFormat.of().parseHex("2b7e151628aed2a6abf7158809cf4f3c");
        int[] w = AesReference.expand(key);
        assertEquals(44, w.length);
        assertArrayEquals(HexFormat.of().parseHex("d014f9a8c9ee2589e13f0cc8b6630ca6"), AesReference.roundKey(w, 10, true));
        assertArrayEquals(HexFormat.of().parseHex("a8f914d08925eec9c80c3fe1a60c63b6"), AesReference.roundKey(w, 10, false));
    }

    @Test
    void expand_fips197AppendixA3_aes256LastWord() {
        byte[] key = HexFormat.of().parseHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
        int[] w = AesReference.expand(key);
        assertEquals(60, w.length);
        assertEquals(0x706c631e, w[59]);
    }

    @Test
    void sha256Compression_fips180AbcExample_givesTheDigest() {
        // "abc" fits one block: its padded block's chaining value is the digest (FIPS 180-4 example).
        byte[] block = new byte[64];
        block[0] = 'a';
        block[1] = 'b';
        block[2] = 'c';
        block[3] = (byte) 0x80;
        block[63] = 24; // the message length in bits
        byte[] state = EngineLayout.JAVA.shaState(Sha256Reference.afterOneBlock(block));
        assertArrayEquals(HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                state);
        byte[] hostOrder = EngineLayout.OPENSSL.shaState(Sha256Reference.afterOneBlock(block));
        assertArrayEquals(HexFormat.of().parseHex("bf1678ba"), java.util.Arrays.copyOf(hostOrder, 4));
    }

    @Test
    void keyPattern_neighbouringSeeds_giveUnrelatedBytes() {
        // With "seed | 1", an even seed and its successor gave the same key: two residue keys alike.
        for (long seed = 0; seed < 64; seed++) {
            byte[] a = KeyPattern.bytes(seed, 32);
            byte[] b = KeyPattern.bytes(seed + 1, 32);
            int same = 0;
            for (int i = 0; i < 32; i++) {
                same += a[i] == b[i] ? 1 : 0;
            }
            assertTrue(same < 8, "seeds " + seed + " and " + (seed + 1) + " share " + same + " of 32 bytes");
        }
    }

    @Test
    void scanner_refusesTheSameBytesUnderTwoNames() {
        PatternScanner s = new PatternScanner();
        s.add("a", HexFormat.of().parseHex("0102030405060708"));
        assertThrows(IllegalArgumentException.class, () -> s.add("b", HexFormat.of().parseHex("0102030405060708")));
    }

    @Test
    void scanner_findsPatternsAcrossChunkBordersOnce() throws Exception {
        byte[] pattern = HexFormat.of().parseHex("0102030405060708090a");
        byte[] image = new byte[(1 << 20) + 100];
        int[] places = {0, (1 << 20) - 5, image.length - pattern.length};
        for (int at : places) {
            System.arraycopy(pattern, 0, image, at, pattern.length);
        }
        PatternScanner s = new PatternScanner();
        s.add("p", pattern);
        s.scan(new ByteArrayInputStream(image));
        assertEquals(places.length, s.counts().get("p"));
    }
}

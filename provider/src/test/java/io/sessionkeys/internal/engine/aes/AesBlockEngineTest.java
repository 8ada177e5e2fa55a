package io.sessionkeys.internal.engine.aes;

import static io.sessionkeys.internal.engine.aes.Keys.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AesBlockEngineTest {

    private static final AesBlockEngine AES = AesBlockEngine.INSTANCE;

    /** FIPS-197 Appendix C.1 to C.3: the same plaintext under 128-, 192- and 256-bit keys. */
    @ParameterizedTest
    @CsvSource({
        "000102030405060708090a0b0c0d0e0f, 69c4e0d86a7b0430d8cdb78070b4c55a",
        "000102030405060708090a0b0c0d0e0f1011121314151617, dda97ca4864cdfe06eaf70a0ec0d7191",
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f, 8ea2b7ca516745bfeafc49904b496089"})
    void encryptAndDecryptBlocks_fips197AppendixC_matchKnownAnswers(String key, String ciphertext) {
        byte[] plain = hex("00112233445566778899aabbccddeeff");
        ByteBuffer schedule = Keys.precompute(AES.encryptSchedule(), hex(key));
        byte[] out = new byte[16];
        AES.encryptBlocks(schedule, plain, 0, out, 0, 1);
        assertArrayEquals(hex(ciphertext), out);
        byte[] back = new byte[16];
        AES.decryptBlocks(schedule, out, 0, back, 0, 1);
        assertArrayEquals(plain, back);
    }

    /** FIPS-197 Appendix B: the worked example. */
    @Test
    void encryptBlocks_fips197AppendixB_matchesKnownAnswer() {
        ByteBuffer schedule = Keys.precompute(AES.encryptSchedule(), hex("2b7e151628aed2a6abf7158809cf4f3c"));
        byte[] out = new byte[16];
        AES.encryptBlocks(schedule, hex("3243f6a8885a308d313198a2e0370734"), 0, out, 0, 1);
        assertArrayEquals(hex("3925841d02dc09fbdc118597196a0b32"), out);
    }

    @Test
    void subWord_everyByte_matchesTheSboxDefinition() {
        long[] q = new long[8];
        for (int x = 0; x < 256; x++) {
            int word = x | ((x ^ 0x5A) << 8) | ((255 - x) << 16) | ((x * 7 & 0xFF) << 24);
            int expected = sbox(x) | (sbox(x ^ 0x5A) << 8) | (sbox(255 - x) << 16) | (sbox(x * 7 & 0xFF) << 24);
            assertEquals(expected, BitslicedAes.subWord(word, q), "S-box of " + x);
        }
    }

    /** The S-box from its definition: multiplicative inverse in GF(2^8), then the affine map. */
    private static int sbox(int x) {
        int inverse = 0;
        for (int y = 1; y < 256 && x != 0; y++) {
            if (gmul(x, y) == 1) {
                inverse = y;
            }
        }
        int s = inverse;
        int result = 0x63;
        for (int i = 0; i < 5; i++) {
            result ^= ((s << i) | (s >>> (8 - i))) & 0xFF;
        }
        return result;
    }

    private static int gmul(int a, int b) {
        int p = 0;
        for (int i = 0; i < 8; i++) {
            if ((b & 1) != 0) {
                p ^= a;
            }
            a = (a << 1) ^ ((a & 0x80) != 0 ? 0x11B : 0);
            b >>>= 1;
        }
        return p;
    }

    @Test
    void schedule_wrongKeyLength_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AES.encryptSchedule().size(20));
        assertEquals("AES key must be 16, 24 or 32 bytes long, not 20", e.getMessage());
    }

    @Property(tries = 300)
    void encryptBlocks_randomInput_matchesSunJceEcb(@ForAll("keys") byte[] key, @ForAll("blocks") byte[] data,
            @ForAll @IntRange(max = 7) int inOffset, @ForAll @IntRange(max = 7) int outOffset) throws Exception {
        Cipher sun = Cipher.getInstance("AES/ECB/NoPadding", "SunJCE");
        sun.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        byte[] expected = sun.doFinal(data);
        ByteBuffer schedule = Keys.precompute(AES.encryptSchedule(), key);
        byte[] in = new byte[inOffset + data.length];
        System.arraycopy(data, 0, in, inOffset, data.length);
        byte[] out = new byte[outOffset + data.length];
        AES.encryptBlocks(schedule, in, inOffset, out, outOffset, data.length / 16);
        assertArrayEquals(expected, Arrays.copyOfRange(out, outOffset, out.length));
        byte[] back = new byte[data.length];
        AES.decryptBlocks(schedule, out, outOffset, back, 0, data.length / 16);
        assertArrayEquals(data, back);
    }

    @Property(tries = 100)
    void encryptBlocks_inPlaceAndShiftedOverlap_matchSeparateBuffers(@ForAll("keys") byte[] key,
            @ForAll("blocks") byte[] data, @ForAll @IntRange(min = -40, max = 40) int shift) {
        ByteBuffer schedule = Keys.precompute(AES.encryptSchedule(), key);
        int blocks = data.length / 16;
        byte[] expected = new byte[data.length];
        AES.encryptBlocks(schedule, data, 0, expected, 0, blocks);
        byte[] buffer = new byte[data.length + 80];
        System.arraycopy(data, 0, buffer, 40, data.length);
        AES.encryptBlocks(schedule, buffer, 40, buffer, 40 + shift, blocks);
        assertArrayEquals(expected, Arrays.copyOfRange(buffer, 40 + shift, 40 + shift + data.length));
        AES.decryptBlocks(schedule, buffer, 40 + shift, buffer, 40, blocks);
        assertArrayEquals(data, Arrays.copyOfRange(buffer, 40, 40 + data.length));
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.of(16, 24, 32).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    @Provide
    Arbitrary<byte[]> blocks() {
        return Arbitraries.integers().between(0, 21).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(16 * n));
    }
}

package io.sessionkeys.internal.engine.aes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sessionkeys.internal.engine.AeadOperation;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** The engine against SunJCE and Bouncy Castle on random keys, nonces, AAD, data and splits. */
class AesGcmDifferentialTest {

    private static final AesGcmEngine GCM = AesGcmEngine.INSTANCE;

    @Property(tries = 300)
    void encryptInRandomSplits_randomInputs_matchSunJceAndBouncyCastle(@ForAll("keys") byte[] key,
            @ForAll("nonces") byte[] nonce, @ForAll("aads") byte[] aad, @ForAll("plaintexts") byte[] plain,
            @ForAll long splitSeed) throws Exception {
        byte[] expected = sunJce(key, nonce, aad, plain);
        assertArrayEquals(expected, bouncyCastle(key, nonce, aad, plain));

        ByteBuffer keyData = Keys.precompute(GCM.precomputation(), key);
        Random split = new Random(splitSeed);
        AeadOperation op = GCM.start(keyData, nonce);
        for (int[] part : splits(aad.length, split)) {
            op.updateAad(keyData, aad, part[0], part[1]);
        }
        byte[] out = new byte[plain.length + 16];
        for (int[] part : splits(plain.length, split)) {
            op.encrypt(keyData, plain, part[0], part[1], out, part[0]);
        }
        op.computeTag(keyData, out, plain.length);
        op.wipe();
        assertArrayEquals(expected, out);
    }

    @Property(tries = 300)
    void twoPassDecryptInRandomSplits_sunJceCiphertext_returnsPlaintext(@ForAll("keys") byte[] key,
            @ForAll("nonces") byte[] nonce, @ForAll("aads") byte[] aad, @ForAll("plaintexts") byte[] plain,
            @ForAll long splitSeed) throws Exception {
        byte[] sealed = sunJce(key, nonce, aad, plain);
        ByteBuffer keyData = Keys.precompute(GCM.precomputation(), key);
        Random split = new Random(splitSeed);
        AeadOperation op = GCM.start(keyData, nonce);
        for (int[] part : splits(aad.length, split)) {
            op.updateAad(keyData, aad, part[0], part[1]);
        }
        for (int[] part : splits(plain.length, split)) {
            op.authenticate(keyData, sealed, part[0], part[1]);
        }
        byte[] tag = new byte[16];
        op.computeTag(keyData, tag, 0);
        assertArrayEquals(Arrays.copyOfRange(sealed, plain.length, sealed.length), tag);
        byte[] out = new byte[plain.length];
        for (int[] part : splits(plain.length, split)) {
            op.decryptVerified(keyData, sealed, part[0], part[1], out, part[0]);
        }
        op.wipe();
        assertArrayEquals(plain, out);
    }

    @Property(tries = 200)
    void encryptAndDecrypt_inPlaceOrShifted_matchSeparateBuffers(@ForAll("keys") byte[] key,
            @ForAll("nonces") byte[] nonce, @ForAll("plaintexts") byte[] plain,
            @ForAll @IntRange(min = -33, max = 33) int shift) throws Exception {
        byte[] expected = sunJce(key, nonce, new byte[0], plain);
        ByteBuffer keyData = Keys.precompute(GCM.precomputation(), key);
        byte[] buffer = new byte[plain.length + 100];
        System.arraycopy(plain, 0, buffer, 40, plain.length);
        AeadOperation op = GCM.start(keyData, nonce);
        op.encrypt(keyData, buffer, 40, plain.length, buffer, 40 + shift);
        op.computeTag(keyData, buffer, 40 + shift + plain.length);
        assertArrayEquals(expected, Arrays.copyOfRange(buffer, 40 + shift, 40 + shift + expected.length));

        AeadOperation back = GCM.start(keyData, nonce);
        back.authenticate(keyData, buffer, 40 + shift, plain.length);
        byte[] tag = new byte[16];
        back.computeTag(keyData, tag, 0);
        back.decryptVerified(keyData, buffer, 40 + shift, plain.length, buffer, 40);
        assertArrayEquals(plain, Arrays.copyOfRange(buffer, 40, 40 + plain.length));
    }

    @Property(tries = 100)
    void open_anySingleBitFlipped_isRefused(@ForAll("keys") byte[] key, @ForAll("nonces") byte[] nonce,
            @ForAll("aads") byte[] aad, @ForAll("plaintexts") byte[] plain, @ForAll int bitChoice) {
        ByteBuffer keyData = Keys.precompute(GCM.precomputation(), key);
        byte[] sealed = Gcm.seal(keyData, nonce, aad, plain);
        int bits = 8 * (sealed.length + aad.length);
        int bit = Math.floorMod(bitChoice, bits);
        if (bit < 8 * sealed.length) {
            sealed[bit >>> 3] ^= (byte) (1 << (bit & 7));
        } else {
            int a = bit - 8 * sealed.length;
            aad[a >>> 3] ^= (byte) (1 << (a & 7));
        }
        assertNull(Gcm.open(keyData, nonce, aad, sealed, 16));
    }

    /** Cuts {@code length} into random consecutive parts (offset, length), empty parts included. */
    private static List<int[]> splits(int length, Random random) {
        java.util.ArrayList<int[]> parts = new java.util.ArrayList<>();
        int at = 0;
        while (at < length) {
            int n = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(Math.min(length - at, random.nextBoolean() ? 40 : 3000));
            n = Math.min(n, length - at);
            parts.add(new int[] {at, n});
            at += n;
        }
        parts.add(new int[] {length, 0});
        return parts;
    }

    private static byte[] sunJce(byte[] key, byte[] nonce, byte[] aad, byte[] plain) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(aad);
        return c.doFinal(plain);
    }

    private static byte[] bouncyCastle(byte[] key, byte[] nonce, byte[] aad, byte[] plain) throws Exception {
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[gcm.getOutputSize(plain.length)];
        int n = gcm.processBytes(plain, 0, plain.length, out, 0);
        gcm.doFinal(out, n);
        return out;
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.of(16, 24, 32).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    @Provide
    Arbitrary<byte[]> nonces() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofSize(12)),
                net.jqwik.api.Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64)));
    }

    @Provide
    Arbitrary<byte[]> aads() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<byte[]> plaintexts() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(5000);
    }
}

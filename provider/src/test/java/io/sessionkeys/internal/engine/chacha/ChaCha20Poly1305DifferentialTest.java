package io.sessionkeys.internal.engine.chacha;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.AeadOperation;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The engine against SunJCE and Bouncy Castle on random keys, nonces, AAD and plaintexts, with
 * the input split at random points across calls, in place and out of place.
 */
class ChaCha20Poly1305DifferentialTest {

    private static final ChaCha20Poly1305Engine ENGINE = ChaCha20Poly1305Engine.INSTANCE;

    @Property(tries = 300)
    void encrypt_randomInputsAndSplits_matchesSunJceAndBouncyCastle(
            @ForAll @Size(32) byte[] key,
            @ForAll @Size(12) byte[] nonce,
            @ForAll @Size(max = 300) byte[] aad,
            @ForAll @Size(max = 5000) byte[] plaintext,
            @ForAll @Size(max = 8) List<@IntRange(max = 5000) Integer> cuts) throws Exception {
        byte[] ours = encrypt(direct(key), nonce, aad, plaintext, cuts);
        assertArrayEquals(sunJce(Cipher.ENCRYPT_MODE, key, nonce, aad, plaintext), ours, "SunJCE");
        assertArrayEquals(bouncyCastle(key, nonce, aad, plaintext), ours, "Bouncy Castle");
    }

    @Property(tries = 200)
    void decryptTwoPass_randomSplitsInPlace_givesTagAndPlaintext(
            @ForAll @Size(32) byte[] key,
            @ForAll @Size(12) byte[] nonce,
            @ForAll @Size(max = 300) byte[] aad,
            @ForAll @Size(max = 5000) byte[] plaintext,
            @ForAll @Size(max = 8) List<@IntRange(max = 5000) Integer> cuts,
            @ForAll @Size(max = 8) List<@IntRange(max = 5000) Integer> decryptCuts) throws Exception {
        byte[] sealed = sunJce(Cipher.ENCRYPT_MODE, key, nonce, aad, plaintext);
        int n = plaintext.length;
        ByteBuffer keyData = direct(key);
        AeadOperation op = ENGINE.start(keyData, nonce);
        op.updateAad(keyData, aad, 0, aad.length);
        int[] bounds = bounds(cuts, n);
        for (int i = 0; i + 1 < bounds.length; i++) {
            op.authenticate(keyData, sealed, bounds[i], bounds[i + 1] - bounds[i]);
        }
        byte[] tag = new byte[16];
        op.computeTag(keyData, tag, 0);
        assertArrayEquals(Arrays.copyOfRange(sealed, n, n + 16), tag);
        int[] decryptBounds = bounds(decryptCuts, n);
        for (int i = 0; i + 1 < decryptBounds.length; i++) {
            int from = decryptBounds[i];
            op.decryptVerified(keyData, sealed, from, decryptBounds[i + 1] - from, sealed, from);
        }
        assertArrayEquals(plaintext, Arrays.copyOf(sealed, n));
    }

    @Property(tries = 200)
    void encrypt_inPlaceAndShiftedOverlap_matchesOutOfPlace(
            @ForAll @Size(32) byte[] key,
            @ForAll @Size(12) byte[] nonce,
            @ForAll @Size(max = 2000) byte[] plaintext,
            @ForAll @IntRange(min = -100, max = 100) int shift,
            @ForAll @Size(max = 5) List<@IntRange(max = 2000) Integer> cuts) {
        ByteBuffer keyData = direct(key);
        byte[] expected = encrypt(keyData, nonce, new byte[0], plaintext, List.of());
        int base = 100;
        byte[] buffer = new byte[plaintext.length + 16 + 2 * base];
        System.arraycopy(plaintext, 0, buffer, base, plaintext.length);
        int outBase = base + shift;
        AeadOperation op = ENGINE.start(keyData, nonce);
        int[] bounds = bounds(cuts, plaintext.length);
        // Pieces must be processed in order and each piece's input must still be intact: with the
        // output ahead of the input, later pieces would be overwritten, so then go in one call.
        if (shift > 0) {
            bounds = new int[] {0, plaintext.length};
        }
        for (int i = 0; i + 1 < bounds.length; i++) {
            op.encrypt(keyData, buffer, base + bounds[i], bounds[i + 1] - bounds[i], buffer, outBase + bounds[i]);
        }
        op.computeTag(keyData, buffer, outBase + plaintext.length);
        assertArrayEquals(expected, Arrays.copyOfRange(buffer, outBase, outBase + plaintext.length + 16));
    }

    @Property(tries = 300)
    void computeTag_anySingleBitFlipped_givesDifferentTag(
            @ForAll @Size(32) byte[] key,
            @ForAll @Size(12) byte[] nonce,
            @ForAll @Size(max = 100) byte[] aad,
            @ForAll @Size(max = 300) byte[] plaintext,
            @ForAll @IntRange(min = 0, max = 1 << 20) int where) {
        ByteBuffer keyData = direct(key);
        byte[] sealed = encrypt(keyData, nonce, aad, plaintext, List.of());
        int n = plaintext.length;
        int bits = 8 * (sealed.length + aad.length);
        int bit = where % bits;
        byte[] ciphertext = Arrays.copyOf(sealed, n);
        byte[] expectedTag = Arrays.copyOfRange(sealed, n, n + 16);
        byte[] associated = aad.clone();
        int index = bit / 8;
        byte mask = (byte) (1 << (bit % 8));
        if (index < n) {
            ciphertext[index] ^= mask;
        } else if (index < n + 16) {
            expectedTag[index - n] ^= mask;
        } else {
            associated[index - n - 16] ^= mask;
        }
        AeadOperation op = ENGINE.start(keyData, nonce);
        op.updateAad(keyData, associated, 0, associated.length);
        op.authenticate(keyData, ciphertext, 0, n);
        byte[] tag = new byte[16];
        op.computeTag(keyData, tag, 0);
        assertFalse(Arrays.equals(expectedTag, tag), "a flipped bit went unnoticed");
    }

    @Property(tries = 50)
    void encrypt_keyFromSessionKeyGate_matchesSunJce(
            @ForAll @Size(32) byte[] key,
            @ForAll @Size(12) byte[] nonce,
            @ForAll @Size(max = 1000) byte[] plaintext) throws Exception {
        byte[] source = key.clone();
        ManagedSessionKey sessionKey = ManagedSessionKey.create("ChaCha20", 256, source, 0, 32,
                KeyPolicy.builtInDefaults(), null, Clock.systemUTC());
        Zeroing.wipe(source);
        try {
            AeadOperation op = sessionKey.withMaterial(KeyUse.PROTECT, ENGINE.precomputation(),
                    keyData -> ENGINE.start(keyData, nonce));
            byte[] out = new byte[plaintext.length + 16];
            sessionKey.withMaterial(KeyUse.PROTECT, ENGINE.precomputation(), keyData -> {
                op.encrypt(keyData, plaintext, 0, plaintext.length, out, 0);
                op.computeTag(keyData, out, plaintext.length);
                return null;
            });
            assertArrayEquals(sunJce(Cipher.ENCRYPT_MODE, key, nonce, new byte[0], plaintext), out);
        } finally {
            sessionKey.destroy();
        }
    }

    /** Ciphertext and tag from the engine, AAD and plaintext cut at {@code cuts}. */
    static byte[] encrypt(ByteBuffer keyData, byte[] nonce, byte[] aad, byte[] plaintext, List<Integer> cuts) {
        AeadOperation op = ENGINE.start(keyData, nonce);
        int[] aadBounds = bounds(cuts, aad.length);
        for (int i = 0; i + 1 < aadBounds.length; i++) {
            op.updateAad(keyData, aad, aadBounds[i], aadBounds[i + 1] - aadBounds[i]);
        }
        byte[] out = new byte[plaintext.length + 16];
        int[] bounds = bounds(cuts, plaintext.length);
        for (int i = 0; i + 1 < bounds.length; i++) {
            op.encrypt(keyData, plaintext, bounds[i], bounds[i + 1] - bounds[i], out, bounds[i]);
        }
        op.computeTag(keyData, out, plaintext.length);
        return out;
    }

    /** 0, the cuts that fall inside {@code length} in ascending order, and {@code length}. */
    static int[] bounds(List<Integer> cuts, int length) {
        int[] inner = cuts.stream().mapToInt(Integer::intValue).filter(c -> c <= length).sorted().toArray();
        int[] bounds = new int[inner.length + 2];
        System.arraycopy(inner, 0, bounds, 1, inner.length);
        bounds[bounds.length - 1] = length;
        return bounds;
    }

    static ByteBuffer direct(byte[] key) {
        return ByteBuffer.allocateDirect(key.length).put(0, key);
    }

    /** SunJCE refuses a repeated key and nonce on one Cipher object, so each call makes a new one. */
    static byte[] sunJce(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input) throws Exception {
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305", "SunJCE");
        cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(input);
    }

    static byte[] bouncyCastle(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) throws Exception {
        ChaCha20Poly1305 aead = new ChaCha20Poly1305();
        aead.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[aead.getOutputSize(plaintext.length)];
        int n = aead.processBytes(plaintext, 0, plaintext.length, out, 0);
        aead.doFinal(out, n);
        return out;
    }
}

package io.sessionkeys.tests.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Differential properties: SessionKeys against SunJCE and Bouncy Castle on random keys, nonces,
 * AAD and plaintext, with the input split at random across update calls, through byte arrays and
 * ByteBuffers; and every single-bit change to ciphertext, tag or AAD is rejected.
 */
class AeadDifferentialProperties {

    private static final Provider BC = new BouncyCastleProvider();

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    @Provide
    Arbitrary<byte[]> data() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300);
    }

    @Property(tries = 150)
    void encrypt_randomInputsAndSplits_matchesSunJceAndBouncyCastle(@ForAll Aead aead,
            @ForAll("keys") byte[] key, @ForAll @Size(12) List<Byte> nonceList, @ForAll("data") byte[] aad,
            @ForAll("data") byte[] plaintext, @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 300) Integer> cuts,
            @ForAll boolean byteBuffers, @ForAll boolean direct) throws Exception {
        byte[] nonce = toArray(nonceList);
        byte[] expected = reference(aead, "SunJCE", null, key, nonce, aad, plaintext);
        assertArrayEquals(expected, reference(aead, null, BC, key, nonce, aad, plaintext));

        SecretKey ours = aead.importKey(key);
        Cipher enc = aead.cipher();
        enc.init(Cipher.ENCRYPT_MODE, ours, aead.spec(nonce));
        enc.updateAAD(aad);
        assertArrayEquals(expected, run(enc, plaintext, cuts, byteBuffers, direct));

        Cipher dec = aead.cipher();
        dec.init(Cipher.DECRYPT_MODE, ours, aead.spec(nonce));
        dec.updateAAD(aad);
        assertArrayEquals(plaintext, run(dec, expected, cuts, byteBuffers, direct));
    }

    @Property(tries = 60)
    void decrypt_anySingleBitFlipped_badTagAndNoPlaintext(@ForAll Aead aead, @ForAll("keys") byte[] key,
            @ForAll("data") byte[] aad, @ForAll("data") byte[] plaintext, @ForAll @IntRange(min = 0, max = 100000) int where,
            @ForAll @IntRange(min = 0, max = 7) int bit, @ForAll boolean inAad) throws Exception {
        SecretKey ours = aead.importKey(key);
        Cipher enc = aead.cipher();
        enc.init(Cipher.ENCRYPT_MODE, ours);
        enc.updateAAD(aad);
        byte[] ct = enc.doFinal(plaintext);
        byte[] badAad = aad.clone();
        byte[] badCt = ct.clone();
        if (inAad && aad.length > 0) {
            badAad[where % aad.length] ^= (byte) (1 << bit);
        } else {
            badCt[where % ct.length] ^= (byte) (1 << bit);
        }
        Cipher dec = aead.cipher();
        dec.init(Cipher.DECRYPT_MODE, ours, enc.getParameters());
        dec.updateAAD(badAad);
        byte[] out = new byte[ct.length];
        assertThrows(AEADBadTagException.class, () -> dec.doFinal(badCt, 0, badCt.length, out, 0));
        assertArrayEquals(new byte[ct.length], out, "no plaintext may be released");
        ByteBuffer direct = ByteBuffer.allocateDirect(ct.length);
        dec.updateAAD(badAad);
        assertThrows(AEADBadTagException.class, () -> dec.doFinal(ByteBuffer.wrap(badCt), direct));
        direct.clear();
        for (int i = 0; i < ct.length; i++) {
            if (direct.get(i) != 0) {
                throw new AssertionError("plaintext released into a direct buffer");
            }
        }
    }

    @Property(tries = 40)
    void gcmEncrypt_truncatedTags_matchSunJce(@ForAll("keys") byte[] key, @ForAll @IntRange(min = 12, max = 16) int tagBytes,
            @ForAll @Size(min = 1, max = 20) List<Byte> ivList, @ForAll("data") byte[] plaintext) throws Exception {
        byte[] iv = toArray(ivList);
        Cipher sun = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        sun.init(Cipher.ENCRYPT_MODE, Aead.AES_GCM.foreignKey(key), new GCMParameterSpec(tagBytes * 8, iv));
        Cipher ours = Aead.AES_GCM.cipher();
        SecretKey k = Aead.AES_GCM.importKey(key);
        ours.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(tagBytes * 8, iv));
        byte[] ct = sun.doFinal(plaintext);
        assertArrayEquals(ct, ours.doFinal(plaintext));
        Cipher dec = Aead.AES_GCM.cipher();
        dec.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(tagBytes * 8, iv));
        assertArrayEquals(plaintext, dec.doFinal(ct));
    }

    private static byte[] reference(Aead aead, String name, Provider provider, byte[] key, byte[] nonce, byte[] aad,
            byte[] plaintext) throws Exception {
        Cipher c = provider != null ? Cipher.getInstance(aead.bouncyCastleTransformation(), provider)
                : Cipher.getInstance(aead.transformation, name);
        c.init(Cipher.ENCRYPT_MODE, aead.foreignKey(key), aead.spec(nonce));
        c.updateAAD(aad);
        return c.doFinal(plaintext);
    }

    /** Feeds {@code input} split at {@code cuts} through update calls, then doFinal. */
    private static byte[] run(Cipher c, byte[] input, List<Integer> cuts, boolean byteBuffers, boolean direct)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        for (int cut : cuts.stream().sorted().toList()) {
            int to = Math.min(cut, input.length);
            if (to > from) {
                write(out, step(c, input, from, to - from, byteBuffers, direct, false));
                from = to;
            }
        }
        write(out, step(c, input, from, input.length - from, byteBuffers, direct, true));
        return out.toByteArray();
    }

    private static byte[] step(Cipher c, byte[] input, int offset, int length, boolean byteBuffers, boolean direct,
            boolean last) throws Exception {
        if (!byteBuffers) {
            byte[] r = last ? c.doFinal(input, offset, length) : c.update(input, offset, length);
            return r == null ? new byte[0] : r;
        }
        ByteBuffer in = direct ? ByteBuffer.allocateDirect(length) : ByteBuffer.allocate(length);
        in.put(input, offset, length).flip();
        int size = c.getOutputSize(length);
        ByteBuffer outBuf = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        if (last) {
            c.doFinal(in, outBuf);
        } else {
            c.update(in, outBuf);
        }
        outBuf.flip();
        byte[] r = new byte[outBuf.remaining()];
        outBuf.get(r);
        return r;
    }

    private static void write(ByteArrayOutputStream out, byte[] b) {
        out.write(b, 0, b.length);
    }

    private static byte[] toArray(List<Byte> list) {
        byte[] b = new byte[list.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = list.get(i);
        }
        return b;
    }
}

package io.sessionkeys.tests.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every update/doFinal overload, ByteBuffer kinds, in-place and overlapping buffers, and streams. */
class AeadBuffersTest {

    private static final byte[] AAD = "header".getBytes();

    /** A key, nonce, plaintext and the ciphertext SunJCE makes of them. */
    private static final class Case {
        final Aead aead;
        final SecretKey key;
        final byte[] nonce = Nonces.random();
        final byte[] plaintext = Nonces.random(77);
        final byte[] expected;

        Case(Aead aead) throws Exception {
            this.aead = aead;
            byte[] keyBytes = Nonces.random(32);
            key = aead.importKey(keyBytes);
            Cipher sun = Cipher.getInstance(aead.transformation, "SunJCE");
            sun.init(Cipher.ENCRYPT_MODE, aead.foreignKey(keyBytes), aead.spec(nonce));
            sun.updateAAD(AAD);
            expected = sun.doFinal(plaintext);
        }

        /** Once per case: the key refuses to encrypt twice under one nonce. */
        Cipher encryptorWithCaseNonce() throws Exception {
            return init(Cipher.ENCRYPT_MODE, nonce);
        }

        Cipher decryptor() throws Exception {
            return init(Cipher.DECRYPT_MODE, nonce);
        }

        private Cipher init(int mode, byte[] n) throws Exception {
            Cipher c = aead.cipher();
            c.init(mode, key, aead.spec(n));
            c.updateAAD(AAD);
            return c;
        }
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void byteArrayOverloads_encryptAndDecrypt_matchSunJce(Aead aead) throws Exception {
        Case k = new Case(aead);
        byte[] p = k.plaintext;
        Cipher enc = k.encryptorWithCaseNonce();
        byte[] out = new byte[p.length + 16];
        int n = enc.update(p, 0, 10, out);
        n += enc.update(p, 10, 20, out, n);
        byte[] mid = enc.update(Arrays.copyOfRange(p, 30, 40));
        System.arraycopy(mid, 0, out, n, mid.length);
        n += mid.length;
        byte[] mid2 = enc.update(p, 40, 5);
        System.arraycopy(mid2, 0, out, n, mid2.length);
        n += mid2.length;
        n += enc.doFinal(p, 45, p.length - 45, out, n);
        assertArrayEquals(k.expected, Arrays.copyOf(out, n));

        Cipher dec = k.decryptor();
        assertArrayEquals(p, dec.doFinal(k.expected));
        byte[] plain = new byte[p.length];
        dec.updateAAD(AAD, 0, AAD.length);
        dec.update(k.expected, 0, 7);
        assertEquals(p.length, dec.doFinal(k.expected, 7, k.expected.length - 7, plain));
        assertArrayEquals(p, plain);
        dec.updateAAD(AAD);
        byte[] big = new byte[p.length + 9];
        assertEquals(p.length, dec.doFinal(k.expected, 0, k.expected.length, big, 9));
        assertArrayEquals(p, Arrays.copyOfRange(big, 9, big.length));
        dec.updateAAD(AAD);
        dec.update(k.expected);
        assertArrayEquals(p, dec.doFinal());
    }

    enum Kind { HEAP, DIRECT, HEAP_READ_ONLY, DIRECT_READ_ONLY }

    private static ByteBuffer input(Kind kind, byte[] data) {
        ByteBuffer b = kind == Kind.HEAP || kind == Kind.HEAP_READ_ONLY ? ByteBuffer.allocate(data.length + 8)
                : ByteBuffer.allocateDirect(data.length + 8);
        b.position(3);
        b.put(data);
        b.position(3).limit(3 + data.length);
        ByteBuffer slice = b.slice();
        return kind == Kind.HEAP_READ_ONLY || kind == Kind.DIRECT_READ_ONLY ? slice.asReadOnlyBuffer() : slice;
    }

    private static ByteBuffer output(Kind kind, int size) {
        ByteBuffer b = kind == Kind.HEAP || kind == Kind.HEAP_READ_ONLY ? ByteBuffer.allocate(size + 5)
                : ByteBuffer.allocateDirect(size + 5);
        b.position(5);
        return b;
    }

    private static byte[] written(ByteBuffer out) {
        out.flip();
        out.position(5);
        byte[] r = new byte[out.remaining()];
        out.get(r);
        return r;
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void byteBufferOverloads_everyKind_matchSunJce(Aead aead) throws Exception {
        for (Kind in : Kind.values()) {
            for (Kind out : new Kind[] {Kind.HEAP, Kind.DIRECT}) {
                Case k = new Case(aead); // a new key each time: a caller nonce encrypts once per key
                Cipher enc = k.aead.cipher();
                enc.init(Cipher.ENCRYPT_MODE, k.key, k.aead.spec(k.nonce));
                ByteBuffer aad = input(in, AAD);
                enc.updateAAD(aad);
                assertEquals(0, aad.remaining());
                ByteBuffer src = input(in, k.plaintext);
                ByteBuffer dst = output(out, k.expected.length);
                assertEquals(20, enc.update(src.duplicate().limit(20), dst));
                src.position(20);
                enc.doFinal(src, dst);
                assertEquals(src.limit(), src.position());
                assertArrayEquals(k.expected, written(dst), in + " -> " + out);

                Cipher dec = k.aead.cipher();
                dec.init(Cipher.DECRYPT_MODE, k.key, k.aead.spec(k.nonce));
                dec.updateAAD(input(in, AAD));
                ByteBuffer ct = input(in, k.expected);
                ByteBuffer pt = output(out, k.plaintext.length);
                assertEquals(0, dec.update(ct.duplicate().limit(30), pt));
                ct.position(30);
                assertEquals(k.plaintext.length, dec.doFinal(ct, pt));
                assertArrayEquals(k.plaintext, written(pt), in + " -> " + out);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void doFinal_inPlaceByteArray_encryptsAndDecrypts(Aead aead) throws Exception {
        Case k = new Case(aead);
        byte[] buf = Arrays.copyOf(k.plaintext, k.expected.length);
        assertEquals(k.expected.length, k.encryptorWithCaseNonce().doFinal(buf, 0, k.plaintext.length, buf, 0));
        assertArrayEquals(k.expected, buf);
        assertEquals(k.plaintext.length, k.decryptor().doFinal(buf, 0, buf.length, buf, 0));
        assertArrayEquals(k.plaintext, Arrays.copyOf(buf, k.plaintext.length));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void doFinal_overlappingByteArrayRanges_sameResultAsSeparateArrays(Aead aead) throws Exception {
        Case k = new Case(aead);
        for (int shift : new int[] {-9, -1, 1, 5, 16, 40}) {
            int inOff = 50;
            byte[] buf = new byte[300];
            System.arraycopy(k.plaintext, 0, buf, inOff, k.plaintext.length);
            Cipher enc = k.aead.cipher();
            byte[] n = Nonces.random();
            enc.init(Cipher.ENCRYPT_MODE, k.key, k.aead.spec(n));
            int written = enc.doFinal(buf, inOff, k.plaintext.length, buf, inOff + shift);
            byte[] ct = Arrays.copyOfRange(buf, inOff + shift, inOff + shift + written);
            Cipher dec = k.aead.cipher();
            dec.init(Cipher.DECRYPT_MODE, k.key, k.aead.spec(n));
            System.arraycopy(ct, 0, buf, inOff, ct.length);
            assertEquals(k.plaintext.length, dec.doFinal(buf, inOff, ct.length, buf, inOff + shift));
            assertArrayEquals(k.plaintext, Arrays.copyOfRange(buf, inOff + shift, inOff + shift + k.plaintext.length),
                    "shift " + shift);
        }
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void doFinal_overlappingHeapByteBuffers_sameResultAsSeparateArrays(Aead aead) throws Exception {
        Case k = new Case(aead);
        byte[] backing = new byte[300];
        System.arraycopy(k.plaintext, 0, backing, 20, k.plaintext.length);
        ByteBuffer in = ByteBuffer.wrap(backing, 20, k.plaintext.length);
        ByteBuffer out = ByteBuffer.wrap(backing, 27, 250);
        k.encryptorWithCaseNonce().doFinal(in, out);
        assertArrayEquals(k.expected, Arrays.copyOfRange(backing, 27, 27 + k.expected.length));
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void doFinal_overlappingViewsOfOneDirectBuffer_sameResultAsSeparateArrays(Aead aead) throws Exception {
        Case k = new Case(aead);
        ByteBuffer memory = ByteBuffer.allocateDirect(300);
        memory.position(20);
        memory.put(k.plaintext);
        ByteBuffer in = memory.duplicate();
        in.position(20).limit(20 + k.plaintext.length);
        ByteBuffer out = memory.duplicate();
        out.clear().position(11);
        assertEquals(k.expected.length, k.encryptorWithCaseNonce().doFinal(in, out));
        byte[] got = new byte[k.expected.length];
        memory.get(11, got);
        assertArrayEquals(k.expected, got);
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void doFinal_shortOutput_shortBufferStatingSizeAndStateKept(Aead aead) throws Exception {
        Case k = new Case(aead);
        Cipher enc = k.encryptorWithCaseNonce();
        enc.update(k.plaintext, 0, 10);
        ShortBufferException e = assertThrows(ShortBufferException.class,
                () -> enc.doFinal(k.plaintext, 10, k.plaintext.length - 10, new byte[k.plaintext.length]));
        assertTrue(e.getMessage().contains(Integer.toString(k.plaintext.length - 10 + 16)), e.getMessage());
        assertThrows(ShortBufferException.class, () -> enc.update(k.plaintext, 10, 5, new byte[4]));
        assertThrows(ShortBufferException.class,
                () -> enc.doFinal(ByteBuffer.wrap(k.plaintext, 10, k.plaintext.length - 10), ByteBuffer.allocate(3)));
        byte[] rest = enc.doFinal(k.plaintext, 10, k.plaintext.length - 10);
        assertArrayEquals(Arrays.copyOfRange(k.expected, 10, k.expected.length), rest);

        Cipher dec = k.decryptor();
        dec.update(k.expected, 0, 10);
        ShortBufferException d = assertThrows(ShortBufferException.class,
                () -> dec.doFinal(k.expected, 10, k.expected.length - 10, new byte[k.plaintext.length - 1]));
        assertTrue(d.getMessage().contains(Integer.toString(k.plaintext.length)), d.getMessage());
        byte[] plain = new byte[k.plaintext.length];
        assertEquals(plain.length, dec.doFinal(k.expected, 10, k.expected.length - 10, plain));
        assertArrayEquals(k.plaintext, plain);
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void cipherStreams_roundTrip_matchSunJce(Aead aead) throws Exception {
        Case k = new Case(aead);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (CipherOutputStream out = new CipherOutputStream(sink, k.encryptorWithCaseNonce())) {
            out.write(k.plaintext, 0, 30);
            out.write(k.plaintext[30]);
            out.write(k.plaintext, 31, k.plaintext.length - 31);
        }
        assertArrayEquals(k.expected, sink.toByteArray());
        try (InputStream in = new CipherInputStream(new ByteArrayInputStream(k.expected), k.decryptor())) {
            assertArrayEquals(k.plaintext, in.readAllBytes());
        }
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void cipherInputStream_tamperedCiphertext_failsWithoutPlaintext(Aead aead) throws Exception {
        Case k = new Case(aead);
        byte[] bad = k.expected.clone();
        bad[3] ^= 0x40;
        try (InputStream in = new CipherInputStream(new ByteArrayInputStream(bad), k.decryptor())) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getCause() instanceof AEADBadTagException || e.getClass().getName().contains("AEADBadTag"), e.toString());
        }
    }
}

package io.sessionkeys.tests.engine;

import static io.sessionkeys.tests.engine.DirectBuffers.between;
import static io.sessionkeys.tests.engine.DirectBuffers.bytes;
import static io.sessionkeys.tests.engine.DirectBuffers.untouched;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.engine.DirectBuffers.Form;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * AES-GCM and ChaCha20-Poly1305 {@code doFinal(ByteBuffer, ByteBuffer)}, which on the native
 * engine goes by address in one crossing when both buffers are direct and the message has had no
 * data yet (the Java engine, and the other cases, go through zeroed heap copies): against SunJCE
 * for every form of buffer, every split of a message between update and doFinal, two views of one
 * buffer in place and overlapping, short and read-only outputs, tampered messages that must leave
 * a direct output untouched with the array form's exception, usage budgets, and a probe that the
 * native engine copies nothing to the heap.
 */
class DirectBufferAeadTest {

    private static final Provider SESSION_KEYS = new SessionKeysProvider();
    private static final int[] SIZES = {0, 1, 15, 16, 17, 2047, 2048, 2049, 64 * 1024, 128 * 1024 + 17, 300_000};

    /** The algorithms, each with a way to make fresh parameters. */
    enum Aead {
        AES_128_GCM("AES/GCM/NoPadding", "AES", 16, 128),
        AES_192_GCM_96("AES/GCM/NoPadding", "AES", 24, 96),
        AES_256_GCM("AES/GCM/NoPadding", "AES", 32, 128),
        CHACHA20_POLY1305("ChaCha20-Poly1305", "ChaCha20", 32, 128);

        final String transformation;
        final String keyAlgorithm;
        final int keyLength;
        final int tagBits;

        Aead(String transformation, String keyAlgorithm, int keyLength, int tagBits) {
            this.transformation = transformation;
            this.keyAlgorithm = keyAlgorithm;
            this.keyLength = keyLength;
            this.tagBits = tagBits;
        }

        AlgorithmParameterSpec spec(byte[] nonce) {
            return keyAlgorithm.equals("AES") ? new GCMParameterSpec(tagBits, nonce) : new IvParameterSpec(nonce);
        }

        int tagLength() {
            return tagBits / 8;
        }
    }

    private final SplittableRandom random = new SplittableRandom(0xd1a2);

    /** One key, its bytes for SunJCE, and a fresh nonce per message (the ledger refuses a repeat). */
    private final class Setup {
        final Aead aead;
        final byte[] keyBytes;
        final SecretKey key;
        final byte[] aad = bytes(random, 13);

        Setup(Aead aead) throws Exception {
            this(aead, KeyPolicy.builtInDefaults());
        }

        Setup(Aead aead, KeyPolicy policy) throws Exception {
            this.aead = aead;
            this.keyBytes = bytes(random, aead.keyLength);
            this.key = SecretKeyFactory.getInstance(aead.keyAlgorithm, SESSION_KEYS).generateSecret(
                    SessionKeyImportSpec.builder().key(new SecretKeySpec(keyBytes, aead.keyAlgorithm)).policy(policy)
                            .build());
        }

        Cipher ours(int mode, byte[] nonce) throws Exception {
            Cipher c = Cipher.getInstance(aead.transformation, SESSION_KEYS);
            c.init(mode, key, aead.spec(nonce));
            c.updateAAD(aad);
            return c;
        }

        Cipher sunJce(int mode, byte[] nonce) throws Exception {
            Cipher c = Cipher.getInstance(aead.transformation, "SunJCE");
            c.init(mode, new SecretKeySpec(keyBytes, aead.keyAlgorithm), aead.spec(nonce));
            c.updateAAD(aad);
            return c;
        }
    }

    private byte[] nonce() {
        return bytes(random, 12);
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void everyFormOfBuffer_everySize_matchesSunJce(Aead aead) throws Exception {
        Setup s = new Setup(aead);
        for (Form form : Form.values()) {
            for (int size : SIZES) {
                String what = aead + " " + form + " size " + size;
                byte[] plain = bytes(random, size);
                byte[] nonce = nonce();
                byte[] expected = s.sunJce(Cipher.ENCRYPT_MODE, nonce).doFinal(plain);

                ByteBuffer in = form.input(plain);
                ByteBuffer out = form.output(expected.length);
                int start = out.position();
                assertEquals(expected.length, s.ours(Cipher.ENCRYPT_MODE, nonce).doFinal(in, out), what);
                assertEquals(in.limit(), in.position(), what + ": input consumed");
                assertEquals(start + expected.length, out.position(), what + ": output position");
                assertArrayEquals(expected, between(out, start, out.position()), what + ": encryption");
                assertTrue(DirectBuffers.untouchedOutside(out, start, out.position()), what + ": wrote outside its room");

                ByteBuffer cin = form.input(expected);
                ByteBuffer pout = form.output(size);
                assertEquals(size, s.ours(Cipher.DECRYPT_MODE, nonce).doFinal(cin, pout), what);
                assertEquals(cin.limit(), cin.position(), what);
                assertArrayEquals(plain, between(pout, pout.position() - size, pout.position()), what + ": decryption");
            }
        }
        s.key.destroy();
    }

    /** AAD from a direct buffer, then the data by address: AAD held for the one call. */
    @ParameterizedTest
    @EnumSource(Aead.class)
    void aadFromDirectBuffers_thenDataByAddress_matchesSunJce(Aead aead) throws Exception {
        Setup s = new Setup(aead);
        for (int aadLength : new int[] {0, 1, 255, 256, 257, 5000}) {
            byte[] aad = bytes(random, aadLength);
            byte[] plain = bytes(random, 3000);
            byte[] nonce = nonce();
            Cipher sun = Cipher.getInstance(aead.transformation, "SunJCE");
            sun.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(s.keyBytes, aead.keyAlgorithm), aead.spec(nonce));
            sun.updateAAD(aad);
            byte[] expected = sun.doFinal(plain);

            Cipher ours = Cipher.getInstance(aead.transformation, SESSION_KEYS);
            ours.init(Cipher.ENCRYPT_MODE, s.key, aead.spec(nonce));
            ByteBuffer aadBuffer = Form.DIRECT.input(aad);
            ours.updateAAD(aadBuffer.duplicate().limit(aadBuffer.position() + aadLength / 2));
            ours.updateAAD(aadBuffer.position(aadBuffer.position() + aadLength / 2));
            ByteBuffer out = Form.DIRECT.output(expected.length);
            ours.doFinal(Form.DIRECT.input(plain), out);
            assertArrayEquals(expected, between(out, 7, out.position()), "aad " + aadLength);

            ours.init(Cipher.DECRYPT_MODE, s.key, aead.spec(nonce));
            ours.updateAAD(Form.DIRECT.input(aad));
            ByteBuffer plainOut = Form.DIRECT.output(plain.length);
            ours.doFinal(Form.DIRECT.input(expected), plainOut);
            assertArrayEquals(plain, between(plainOut, 7, plainOut.position()), "aad " + aadLength);
        }
        s.key.destroy();
    }

    /**
     * Every split of a message between an update and a doFinal, the update by ByteBuffer or by
     * array (one message of mixed calls): after data has been given, doFinal must not lose it.
     */
    @ParameterizedTest
    @EnumSource(Aead.class)
    void everySplit_updateThenDoFinal_matchesSunJce(Aead aead) throws Exception {
        Setup s = new Setup(aead);
        byte[] plain = bytes(random, 40);
        for (boolean arrayUpdate : new boolean[] {false, true}) {
            for (int split = 0; split <= plain.length; split++) {
                String what = aead + " split " + split + (arrayUpdate ? " (array update)" : "");
                byte[] nonce = nonce();
                byte[] expected = s.sunJce(Cipher.ENCRYPT_MODE, nonce).doFinal(plain);
                assertArrayEquals(expected, twoCalls(s.ours(Cipher.ENCRYPT_MODE, nonce), plain, split, arrayUpdate,
                        expected.length), what + ": encryption");
            }
            byte[] nonce = nonce();
            byte[] ciphertext = s.sunJce(Cipher.ENCRYPT_MODE, nonce).doFinal(plain);
            for (int split = 0; split <= ciphertext.length; split++) {
                String what = aead + " split " + split + (arrayUpdate ? " (array update)" : "");
                assertArrayEquals(plain, twoCalls(s.ours(Cipher.DECRYPT_MODE, nonce), ciphertext, split, arrayUpdate,
                        plain.length), what + ": decryption");
            }
        }
        s.key.destroy();
    }

    /** update of {@code data[0, split)} and doFinal of the rest, direct buffers; what the output got. */
    private static byte[] twoCalls(Cipher c, byte[] data, int split, boolean arrayUpdate, int total) throws Exception {
        ByteBuffer out = Form.DIRECT.output(total);
        ByteBuffer in = Form.DIRECT.input(data);
        int end = in.limit();
        int n;
        if (arrayUpdate) {
            byte[] head = new byte[split];
            in.get(head);
            byte[] first = c.update(head);
            out.put(first == null ? new byte[0] : first);
            n = first == null ? 0 : first.length;
        } else {
            in.limit(in.position() + split);
            n = c.update(in, out);
            in.limit(end);
        }
        n += c.doFinal(in, out);
        assertEquals(total, n);
        return between(out, 7, out.position());
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void twoViewsOfOneBuffer_inPlaceOrOverlapping_matchSunJce(Aead aead) throws Exception {
        Setup s = new Setup(aead);
        for (int size : new int[] {1, 100, 5000, 200_000}) {
            for (int shift : new int[] {0, 5, -5, 16, -16, 4096, -4096}) {
                String what = aead + " size " + size + " shift " + shift;
                byte[] plain = bytes(random, size);
                byte[] nonce = nonce();
                byte[] expected = s.sunJce(Cipher.ENCRYPT_MODE, nonce).doFinal(plain);
                int base = 5000;
                ByteBuffer memory = ByteBuffer.allocateDirect(expected.length + 2 * base);
                memory.position(base).put(plain);
                ByteBuffer in = memory.duplicate().position(base).limit(base + size);
                ByteBuffer out = memory.duplicate().position(base + shift).limit(base + shift + expected.length);
                s.ours(Cipher.ENCRYPT_MODE, nonce).doFinal(in, out);
                assertArrayEquals(expected, between(memory, base + shift, base + shift + expected.length),
                        what + ": encryption");

                memory.clear().position(base);
                memory.put(expected);
                in = memory.duplicate().position(base).limit(base + expected.length);
                out = memory.duplicate().position(base + shift).limit(base + shift + size);
                s.ours(Cipher.DECRYPT_MODE, nonce).doFinal(in, out);
                assertArrayEquals(plain, between(memory, base + shift, base + shift + size), what + ": decryption");
            }
        }
        s.key.destroy();
    }

    /** A short output: ShortBufferException, nothing written or moved, and the same message goes on. */
    @ParameterizedTest
    @EnumSource(Aead.class)
    void shortOrReadOnlyOutput_refusedWithNothingMoved_thenTheMessageGoesOn(Aead aead) throws Exception {
        Setup s = new Setup(aead);
        byte[] plain = bytes(random, 3000);
        byte[] nonce = nonce();
        byte[] expected = s.sunJce(Cipher.ENCRYPT_MODE, nonce).doFinal(plain);
        for (int mode : new int[] {Cipher.ENCRYPT_MODE, Cipher.DECRYPT_MODE}) {
            byte[] input = mode == Cipher.ENCRYPT_MODE ? plain : expected;
            byte[] output = mode == Cipher.ENCRYPT_MODE ? expected : plain;
            Cipher c = s.ours(mode, nonce);
            ByteBuffer in = Form.DIRECT.input(input);
            ByteBuffer small = Form.DIRECT.output(output.length - 1);
            assertThrows(ShortBufferException.class, () -> c.doFinal(in, small));
            assertEquals(3, in.position());
            assertEquals(7, small.position());
            assertTrue(untouched(small));
            ByteBuffer readOnly = Form.DIRECT.output(output.length).asReadOnlyBuffer();
            assertThrows(ReadOnlyBufferException.class, () -> c.doFinal(in, readOnly));
            assertEquals(3, in.position());
            ByteBuffer out = Form.DIRECT.output(output.length);
            assertEquals(output.length, c.doFinal(in, out));
            assertArrayEquals(output, between(out, 7, out.position()), "mode " + mode);
        }
        s.key.destroy();
    }

    /**
     * A flipped bit anywhere (ciphertext, tag), other AAD, or a ciphertext shorter than the tag:
     * AEADBadTagException with the array form's message, the direct output untouched (filled with
     * a pattern first), no position moved; the same object then decrypts the real message.
     */
    @ParameterizedTest
    @EnumSource(Aead.class)
    void tamperedMessage_directOutputUntouched_sameExceptionAsArrays(Aead aead) throws Exception {
        Setup s = new Setup(aead);
        for (int size : new int[] {0, 1, 100, 2048, 5000, 200_000}) {
            byte[] plain = bytes(random, size);
            byte[] nonce = nonce();
            byte[] good = s.sunJce(Cipher.ENCRYPT_MODE, nonce).doFinal(plain);
            byte[][] bad = {flip(good, random.nextInt(good.length)), flip(good, good.length - 1),
                java.util.Arrays.copyOf(good, aead.tagLength() - 1)};
            for (byte[] tampered : bad) {
                String what = aead + " size " + size + " tampered length " + tampered.length;
                Cipher c = s.ours(Cipher.DECRYPT_MODE, nonce);
                String arrayMessage = assertThrows(AEADBadTagException.class,
                        () -> c.doFinal(tampered, 0, tampered.length, new byte[size], 0)).getMessage();
                c.updateAAD(s.aad);
                ByteBuffer in = Form.DIRECT.input(tampered);
                ByteBuffer out = Form.DIRECT.output(size);
                AEADBadTagException e = assertThrows(AEADBadTagException.class, () -> c.doFinal(in, out), what);
                assertEquals(arrayMessage, e.getMessage(), what);
                assertTrue(untouched(out), what + ": a refused decryption wrote to the output");
                assertEquals(3, in.position(), what);
                assertEquals(7, out.position(), what);
                c.updateAAD(s.aad);
                ByteBuffer goodOut = Form.DIRECT.output(size);
                c.doFinal(Form.DIRECT.input(good), goodOut);
                assertArrayEquals(plain, between(goodOut, 7, goodOut.position()), what + ": then the real message");
            }
            Cipher otherAad = Cipher.getInstance(aead.transformation, SESSION_KEYS);
            otherAad.init(Cipher.DECRYPT_MODE, s.key, aead.spec(nonce));
            otherAad.updateAAD(flip(s.aad, 0));
            ByteBuffer out = Form.DIRECT.output(size);
            assertThrows(AEADBadTagException.class, () -> otherAad.doFinal(Form.DIRECT.input(good), out));
            assertTrue(untouched(out), aead + " size " + size + ": other AAD wrote to the output");
        }
        s.key.destroy();
    }

    /** In place (one buffer), a bad tag leaves the ciphertext where it was. */
    @ParameterizedTest
    @EnumSource(Aead.class)
    void tamperedMessageInPlace_leavesTheCiphertextAsItWas(Aead aead) throws Exception {
        Setup s = new Setup(aead);
        byte[] nonce = nonce();
        byte[] tampered = flip(s.sunJce(Cipher.ENCRYPT_MODE, nonce).doFinal(bytes(random, 5000)), 17);
        ByteBuffer memory = ByteBuffer.allocateDirect(tampered.length).put(tampered).flip();
        assertThrows(AEADBadTagException.class,
                () -> s.ours(Cipher.DECRYPT_MODE, nonce).doFinal(memory, memory.duplicate()));
        assertArrayEquals(tampered, between(memory, 0, tampered.length));
        assertEquals(0, memory.position());
        s.key.destroy();
    }

    /** The byte budget is charged by the direct path too, and its refusal writes nothing. */
    @ParameterizedTest
    @EnumSource(Aead.class)
    void byteBudget_chargedByAddress_refusalWritesNothing(Aead aead) throws Exception {
        Setup s = new Setup(aead, KeyPolicy.builder().maxBytes(100).build());
        ByteBuffer out = Form.DIRECT.output(200);
        s.ours(Cipher.ENCRYPT_MODE, nonce()).doFinal(Form.DIRECT.input(new byte[60]), out);
        Cipher second = s.ours(Cipher.ENCRYPT_MODE, nonce());
        ByteBuffer in = Form.DIRECT.input(new byte[41]);
        ByteBuffer refused = Form.DIRECT.output(200);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> second.doFinal(in, refused));
        assertTrue(e.getMessage().contains("100 bytes"), e.getMessage());
        assertTrue(untouched(refused));
        assertEquals(3, in.position());
        s.key.destroy();
    }

    /** A finished encryption refuses a second doFinal; a destroyed key refuses with nothing written. */
    @ParameterizedTest
    @EnumSource(Aead.class)
    void finishedMessageOrDestroyedKey_refusedWithNothingWritten(Aead aead) throws Exception {
        Setup s = new Setup(aead);
        Cipher c = s.ours(Cipher.ENCRYPT_MODE, nonce());
        c.doFinal(Form.DIRECT.input(new byte[10]), Form.DIRECT.output(100));
        ByteBuffer again = Form.DIRECT.output(100);
        assertThrows(IllegalStateException.class, () -> c.doFinal(Form.DIRECT.input(new byte[10]), again));
        assertTrue(untouched(again));
        for (int mode : new int[] {Cipher.ENCRYPT_MODE, Cipher.DECRYPT_MODE}) {
            Setup t = new Setup(aead);
            Cipher d = t.ours(mode, nonce());
            t.key.destroy();
            ByteBuffer in = Form.DIRECT.input(new byte[100]);
            ByteBuffer out = Form.DIRECT.output(200);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.doFinal(in, out));
            assertTrue(e.getMessage().contains("destroyed"), e.getMessage());
            assertTrue(untouched(out));
            assertEquals(3, in.position());
        }
        s.key.destroy();
    }

    /**
     * The claim itself: on the native engine a direct-buffer doFinal of 1 MiB allocates almost
     * nothing on the heap (no copy of either buffer). On the Java engine the same probe must see
     * the copies, which shows that it can tell.
     */
    @ParameterizedTest
    @EnumSource(Aead.class)
    void directDoFinal_copiesNothingToTheHeap_onTheNativeEngine(Aead aead) throws Exception {
        Setup s = new Setup(aead);
        int size = 1 << 20;
        ByteBuffer in = ByteBuffer.allocateDirect(size);
        ByteBuffer sealed = ByteBuffer.allocateDirect(size + 16);
        ByteBuffer opened = ByteBuffer.allocateDirect(size);
        long most = 0;
        for (int round = 0; round < 4; round++) { // the first rounds load classes and warm up
            byte[] nonce = nonce();
            Cipher enc = s.ours(Cipher.ENCRYPT_MODE, nonce);
            Cipher dec = s.ours(Cipher.DECRYPT_MODE, nonce);
            in.clear();
            sealed.clear();
            opened.clear();
            long sealing = DirectBuffers.allocatedBy(() -> enc.doFinal(in, sealed));
            sealed.flip();
            long opening = DirectBuffers.allocatedBy(() -> dec.doFinal(sealed, opened));
            most = round == 0 ? 0 : Math.max(most, Math.max(sealing, opening));
        }
        if (AeadEngineDifferentialTest.expectNative()) {
            assertTrue(most < 64 * 1024, aead + ": a 1 MiB direct doFinal allocated " + most + " heap bytes");
        } else {
            assertTrue(most >= size, aead + ": the Java engine's copies were not seen (" + most + " bytes)");
        }
        s.key.destroy();
    }

    private static byte[] flip(byte[] data, int index) {
        byte[] copy = data.clone();
        copy[index] ^= 1;
        return copy;
    }
}

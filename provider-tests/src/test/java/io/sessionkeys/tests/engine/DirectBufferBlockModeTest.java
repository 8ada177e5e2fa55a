package io.sessionkeys.tests.engine;

import static io.sessionkeys.tests.engine.DirectBuffers.PATTERN;
import static io.sessionkeys.tests.engine.DirectBuffers.between;
import static io.sessionkeys.tests.engine.DirectBuffers.bytes;
import static io.sessionkeys.tests.engine.DirectBuffers.untouched;
import static io.sessionkeys.tests.engine.DirectBuffers.untouchedOutside;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.engine.DirectBuffers.Form;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.security.Provider;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AES-CBC and ECB (NoPadding, PKCS5Padding, ISO10126Padding) between {@code ByteBuffer}s. On the
 * native engine two direct buffers go by address (whole blocks; the block completing a buffered
 * partial one, the padding block and a decryption's held-back last block through Java); every
 * other form goes through zeroed heap copies. Checked against SunJCE and against the same
 * cipher's heap form: every buffer form, every split of a message into two and three calls of
 * mixed kinds (array and buffer), two views of one buffer, short and read-only outputs, bad
 * lengths and bad padding (the same exceptions, no position moved, no plaintext released), and a
 * probe that the native engine copies nothing to the heap.
 */
class DirectBufferBlockModeTest {

    private static final Provider SESSION_KEYS = new SessionKeysProvider();
    private static final int[] SIZES = {0, 1, 15, 16, 17, 31, 32, 33, 1000, 128 * 1024 + 17, 300_000};

    private final SplittableRandom random = new SplittableRandom(0xcbcecb);
    private final byte[] keyBytes = bytes(random, 32);
    private final byte[] iv = bytes(random, 16);

    private static boolean padded(String transformation) {
        return !transformation.endsWith("/NoPadding");
    }

    private static boolean randomPadding(String transformation) {
        return transformation.endsWith("/ISO10126Padding");
    }

    /** A length the transformation can take: whole blocks without padding. */
    private static int length(String transformation, int size) {
        return padded(transformation) ? size : size / 16 * 16;
    }

    private Cipher ours(String transformation, int mode, SecretKey key) throws Exception {
        Cipher c = Cipher.getInstance(transformation, SESSION_KEYS);
        c.init(mode, key, transformation.contains("/ECB/") ? null : new IvParameterSpec(iv));
        return c;
    }

    private Cipher sunJce(String transformation, int mode) throws Exception {
        Cipher c = Cipher.getInstance(transformation, "SunJCE");
        c.init(mode, new SecretKeySpec(keyBytes, "AES"), transformation.contains("/ECB/") ? null : new IvParameterSpec(iv));
        return c;
    }

    private SecretKey key() throws Exception {
        return AeadEngineDifferentialTest.importKey("AES", keyBytes);
    }

    /** Our encryption's output is right: SunJCE's bytes, or for random padding what SunJCE decrypts to the plaintext. */
    private void assertEncryption(String transformation, byte[] plain, byte[] ciphertext, String what) throws Exception {
        if (randomPadding(transformation)) {
            assertArrayEquals(plain, sunJce(transformation, Cipher.DECRYPT_MODE).doFinal(ciphertext), what);
        } else {
            assertArrayEquals(sunJce(transformation, Cipher.ENCRYPT_MODE).doFinal(plain), ciphertext, what);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES/CBC/NoPadding", "AES/CBC/PKCS5Padding", "AES/CBC/ISO10126Padding", "AES/ECB/NoPadding",
        "AES/ECB/PKCS5Padding", "AES/ECB/ISO10126Padding"})
    void everyFormOfBuffer_everySize_matchesSunJce(String transformation) throws Exception {
        SecretKey key = key();
        for (Form form : Form.values()) {
            for (int size : SIZES) {
                String what = transformation + " " + form + " size " + size;
                byte[] plain = bytes(random, length(transformation, size));
                int room = plain.length + 16;
                ByteBuffer in = form.input(plain);
                ByteBuffer out = form.output(room);
                int n = ours(transformation, Cipher.ENCRYPT_MODE, key).doFinal(in, out);
                assertEquals(in.limit(), in.position(), what);
                assertEquals(7 + n, out.position(), what);
                assertTrue(untouchedOutside(out, 7, 7 + n), what + ": wrote outside its output");
                byte[] ciphertext = between(out, 7, 7 + n);
                assertEncryption(transformation, plain, ciphertext, what + ": encryption");

                if (ciphertext.length == 0) {
                    continue; // an empty padded ciphertext is refused (the exceptions test)
                }
                ByteBuffer cin = form.input(ciphertext);
                ByteBuffer pout = form.output(ciphertext.length);
                int m = ours(transformation, Cipher.DECRYPT_MODE, key).doFinal(cin, pout);
                assertEquals(plain.length, m, what);
                assertEquals(cin.limit(), cin.position(), what);
                assertArrayEquals(plain, between(pout, 7, 7 + m), what + ": decryption");
                // within its room the heap form also leaves the padding behind the message
                assertTrue(untouchedOutside(pout, 7, 7 + ciphertext.length), what + ": decryption wrote outside its room");
            }
        }
        key.destroy();
    }

    /**
     * Every way to cut a message into three calls (update, update, doFinal), each call by direct
     * buffer or by array: the partial block and the held-back block pass between the two kinds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"AES/CBC/NoPadding", "AES/CBC/PKCS5Padding", "AES/CBC/ISO10126Padding", "AES/ECB/NoPadding",
        "AES/ECB/PKCS5Padding", "AES/ECB/ISO10126Padding"})
    void everySplit_intoThreeCallsOfMixedKinds_matchesSunJce(String transformation) throws Exception {
        SecretKey key = key();
        byte[] plain = bytes(random, length(transformation, 50));
        byte[] ciphertext = sunJce(transformation, Cipher.ENCRYPT_MODE).doFinal(plain);
        for (int kinds = 0; kinds < 3; kinds++) { // 0: all buffers; 1: first call by array; 2: second by array
            for (int i = 0; i <= plain.length; i++) {
                for (int j = i; j <= plain.length; j++) {
                    String what = transformation + " encryption split " + i + "/" + j + " kinds " + kinds;
                    byte[] got = threeCalls(ours(transformation, Cipher.ENCRYPT_MODE, key), plain, i, j, kinds);
                    assertEncryption(transformation, plain, got, what);
                }
            }
            for (int i = 0; i <= ciphertext.length; i++) {
                for (int j = i; j <= ciphertext.length; j++) {
                    String what = transformation + " decryption split " + i + "/" + j + " kinds " + kinds;
                    assertArrayEquals(plain, threeCalls(ours(transformation, Cipher.DECRYPT_MODE, key), ciphertext, i, j,
                            kinds), what);
                }
            }
        }
        key.destroy();
    }

    private static byte[] threeCalls(Cipher c, byte[] data, int i, int j, int kinds) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int call = 0; call < 2; call++) {
            int from = call == 0 ? 0 : i;
            int to = call == 0 ? i : j;
            if (kinds == call + 1) {
                byte[] part = c.update(data, from, to - from);
                all.writeBytes(part == null ? new byte[0] : part);
            } else {
                all.writeBytes(bufferCall(c, Arrays.copyOfRange(data, from, to), false));
            }
        }
        all.writeBytes(bufferCall(c, Arrays.copyOfRange(data, j, data.length), true));
        return all.toByteArray();
    }

    /** One update or doFinal between direct buffers; checks positions and returns what was written. */
    private static byte[] bufferCall(Cipher c, byte[] data, boolean last) throws Exception {
        ByteBuffer in = Form.DIRECT.input(data);
        ByteBuffer out = Form.DIRECT.output(data.length + 32);
        int n = last ? c.doFinal(in, out) : c.update(in, out);
        assertEquals(in.limit(), in.position());
        assertEquals(7 + n, out.position());
        assertTrue(untouchedOutside(out, 7, 7 + n), "wrote outside its output");
        return between(out, 7, 7 + n);
    }

    /**
     * Input and output as two views of one direct buffer: in one doFinal at any shift (also after
     * an update by array left a partial block), and in an update and a doFinal with the output
     * in place or behind the input.
     */
    @ParameterizedTest
    @ValueSource(strings = {"AES/CBC/NoPadding", "AES/CBC/PKCS5Padding", "AES/ECB/NoPadding", "AES/ECB/PKCS5Padding"})
    void twoViewsOfOneBuffer_inPlaceOrOverlapping_matchSunJce(String transformation) throws Exception {
        SecretKey key = key();
        for (int size : new int[] {16, 100, 4096, 200_000}) {
            byte[] plain = bytes(random, length(transformation, size));
            byte[] ciphertext = sunJce(transformation, Cipher.ENCRYPT_MODE).doFinal(plain);
            for (int shift : new int[] {0, 5, -5, 16, -16, 17, -17, 4096, -4096}) {
                for (int split : new int[] {-1, plain.length / 3 + 1}) {
                    if (split >= 0 && shift > 0) {
                        continue; // an earlier call's output ahead of its input overwrites what the next call reads
                    }
                    String what = transformation + " size " + size + " shift " + shift + " split " + split;
                    assertArrayEquals(ciphertext, overlapping(ours(transformation, Cipher.ENCRYPT_MODE, key), plain,
                            ciphertext.length, shift, split), what + ": encryption");
                    assertArrayEquals(plain, overlapping(ours(transformation, Cipher.DECRYPT_MODE, key), ciphertext,
                            plain.length, shift, split), what + ": decryption");
                }
                // 5 bytes by array first: the overlapping call then completes a buffered block
                String what = transformation + " size " + size + " shift " + shift + " after 5 bytes by array";
                Cipher enc = ours(transformation, Cipher.ENCRYPT_MODE, key);
                assertNothing(enc.update(plain, 0, 5));
                assertArrayEquals(ciphertext, overlapping(enc, Arrays.copyOfRange(plain, 5, plain.length),
                        ciphertext.length, shift, -1), what + ": encryption");
                Cipher dec = ours(transformation, Cipher.DECRYPT_MODE, key);
                assertNothing(dec.update(ciphertext, 0, 5));
                assertArrayEquals(plain, overlapping(dec, Arrays.copyOfRange(ciphertext, 5, ciphertext.length),
                        plain.length, shift, -1), what + ": decryption");
            }
        }
        key.destroy();
    }

    private static void assertNothing(byte[] output) {
        assertTrue(output == null || output.length == 0);
    }

    /** Runs {@code data} through {@code c} from one view of a direct buffer to another {@code shift} bytes away. */
    private static byte[] overlapping(Cipher c, byte[] data, int outLength, int shift, int split) throws Exception {
        int base = 5000;
        ByteBuffer memory = ByteBuffer.allocateDirect(Math.max(data.length, outLength) + 2 * base);
        memory.position(base).put(data);
        ByteBuffer in = memory.duplicate().position(base).limit(base + data.length);
        ByteBuffer out = memory.duplicate().position(base + shift).limit(base + shift + outLength);
        int n = 0;
        if (split >= 0) {
            in.limit(base + split);
            n = c.update(in, out);
            in.limit(base + data.length);
        }
        n += c.doFinal(in, out);
        assertEquals(outLength, n);
        return between(memory, base + shift, base + shift + outLength);
    }

    /**
     * Short and read-only outputs, bad lengths, an empty padded ciphertext, and a padded decryption
     * whose output has room for the message but not for its padding: each the heap form's result
     * or exception (class and message), nothing moved on an exception, and the message then goes on.
     */
    @ParameterizedTest
    @ValueSource(strings = {"AES/CBC/NoPadding", "AES/CBC/PKCS5Padding", "AES/ECB/NoPadding", "AES/ECB/PKCS5Padding"})
    void refusalsAndTightOutputs_sameAsTheHeapForm(String transformation) throws Exception {
        SecretKey key = key();
        byte[] plain = bytes(random, length(transformation, 40));
        byte[] ciphertext = sunJce(transformation, Cipher.ENCRYPT_MODE).doFinal(plain);
        for (int mode : new int[] {Cipher.ENCRYPT_MODE, Cipher.DECRYPT_MODE}) {
            byte[] input = mode == Cipher.ENCRYPT_MODE ? plain : ciphertext;
            for (int head : new int[] {0, 7, 16}) {
                for (int length = 0; length <= input.length - head; length += 3) {
                    for (int room = Math.max(0, length - 20); room <= length + 17; room++) {
                        for (boolean last : new boolean[] {false, true}) {
                            String what = transformation + " mode " + mode + " head " + head + " length " + length
                                    + " room " + room + (last ? " doFinal" : " update");
                            Outcome heap = attempt(ours(transformation, mode, key), input, head, length, room, last,
                                    Form.HEAP);
                            Outcome direct = attempt(ours(transformation, mode, key), input, head, length, room, last,
                                    Form.DIRECT);
                            assertEquals(heap, direct, what);
                        }
                    }
                }
            }
        }
        key.destroy();
    }

    /**
     * An update of {@code input[0, head)} by array, then an update or doFinal of the next
     * {@code length} bytes from a buffer of {@code form} into {@code room} bytes; then, if that
     * was refused with the output short, the same call again with room enough.
     */
    private static Outcome attempt(Cipher c, byte[] input, int head, int length, int room, boolean last, Form form)
            throws Exception {
        c.update(input, 0, head);
        ByteBuffer in = form.input(Arrays.copyOfRange(input, head, head + length));
        ByteBuffer out = form.output(room);
        Outcome outcome = new Outcome();
        try {
            int n = last ? c.doFinal(in, out) : c.update(in, out);
            outcome.result = n + ":" + Arrays.toString(between(out, 7, 7 + n));
        } catch (Exception e) {
            outcome.result = e.getClass().getName() + ": " + e.getMessage();
            // a bad padding may zero what the call wrote (the heap form does); anything else writes nothing
            outcome.untouched = e instanceof BadPaddingException ? patternOrZero(out) : untouched(out);
            if (e instanceof javax.crypto.ShortBufferException) {
                ByteBuffer roomy = form.output(length + 48);
                try {
                    int n = last ? c.doFinal(in, roomy) : c.update(in, roomy);
                    outcome.retried = n + ":" + Arrays.toString(between(roomy, 7, 7 + n));
                } catch (Exception again) {
                    outcome.retried = again.getClass().getName() + ": " + again.getMessage();
                }
            }
        }
        outcome.inPosition = in.position();
        outcome.outPosition = out.position();
        return outcome;
    }

    private static boolean patternOrZero(ByteBuffer b) {
        for (byte x : between(b, 0, b.capacity())) {
            if (x != PATTERN && x != 0) {
                return false;
            }
        }
        return true;
    }

    /** What a call did, compared between the heap and the direct form. */
    private static final class Outcome {
        String result;
        String retried;
        boolean untouched = true;
        int inPosition;
        int outPosition;

        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome && toString().equals(o.toString());
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }

        @Override
        public String toString() {
            return result + " / retried " + retried + " / untouched " + untouched + " / positions " + inPosition + ","
                    + outPosition;
        }
    }

    /**
     * A ciphertext whose last block decrypts to a bad padding (last byte 0; for PKCS #5 also a
     * wrong byte before a good count), by direct buffers after updates of several sizes: the heap
     * form's BadPaddingException, no position moved, no plaintext byte in the output (the
     * pattern, or zero where this call wrote), and the same object then decrypts a good message.
     */
    @ParameterizedTest
    @ValueSource(strings = {"AES/CBC/PKCS5Padding", "AES/CBC/ISO10126Padding", "AES/ECB/PKCS5Padding",
        "AES/ECB/ISO10126Padding"})
    void badPadding_byDirectBuffers_releasesNothing(String transformation) throws Exception {
        SecretKey key = key();
        String raw = transformation.replaceAll("/[A-Za-z0-9]*Padding$", "/NoPadding");
        for (int blocks : new int[] {1, 2, 5, 300}) {
            byte[] plainBlocks = bytes(random, blocks * 16);
            plainBlocks[plainBlocks.length - 1] = 0;
            byte[] bad = sunJce(raw, Cipher.ENCRYPT_MODE).doFinal(plainBlocks);
            byte[] good = sunJce(transformation, Cipher.ENCRYPT_MODE).doFinal(Arrays.copyOf(plainBlocks, 40));
            for (int head : new int[] {0, 5, 16, 17}) {
                if (head > bad.length) {
                    continue;
                }
                String what = transformation + " blocks " + blocks + " head " + head;
                Cipher c = ours(transformation, Cipher.DECRYPT_MODE, key);
                String heapMessage = assertThrows(BadPaddingException.class,
                        () -> c.doFinal(bad, 0, bad.length, new byte[bad.length], 0), what).getMessage();
                byte[] first = c.update(bad, 0, head);
                ByteBuffer in = Form.DIRECT.input(Arrays.copyOfRange(bad, head, bad.length));
                ByteBuffer out = Form.DIRECT.output(bad.length);
                BadPaddingException e = assertThrows(BadPaddingException.class, () -> c.doFinal(in, out), what);
                assertEquals(heapMessage, e.getMessage(), what);
                assertEquals(3, in.position(), what);
                assertEquals(7, out.position(), what);
                assertTrue(patternOrZero(out), what + ": plaintext released");
                assertTrue(first == null || first.length <= Math.max(0, head - 16) + 16, what);
                ByteBuffer goodOut = Form.DIRECT.output(good.length);
                int n = c.doFinal(Form.DIRECT.input(good), goodOut);
                assertArrayEquals(Arrays.copyOf(plainBlocks, 40), between(goodOut, 7, 7 + n), what + ": then a good one");
            }
        }
        key.destroy();
    }

    /**
     * The claim itself: on the native engine a 1 MiB update or doFinal between direct buffers
     * allocates almost nothing on the heap (no copy of either buffer). On the Java engine the
     * same probe must see the copies, which shows that it can tell.
     */
    @ParameterizedTest
    @ValueSource(strings = {"AES/CBC/NoPadding", "AES/CBC/PKCS5Padding", "AES/ECB/NoPadding", "AES/ECB/PKCS5Padding",
        "AES/CTR/NoPadding"})
    void directBuffers_copyNothingToTheHeap_onTheNativeEngine(String transformation) throws Exception {
        SecretKey key = key();
        int size = 1 << 20;
        ByteBuffer plain = ByteBuffer.allocateDirect(size + 16);
        ByteBuffer sealed = ByteBuffer.allocateDirect(size + 32);
        ByteBuffer opened = ByteBuffer.allocateDirect(size + 32);
        long most = 0;
        for (int round = 0; round < 4; round++) { // the first round loads classes and warms up
            Cipher enc = ours(transformation, Cipher.ENCRYPT_MODE, key);
            Cipher dec = ours(transformation, Cipher.DECRYPT_MODE, key);
            plain.clear().limit(size + 5); // with a partial block for the padded modes (trimmed below otherwise)
            if (!padded(transformation) && !transformation.contains("CTR")) {
                plain.limit(size);
            }
            sealed.clear();
            opened.clear();
            long sealing = DirectBuffers.allocatedBy(() -> {
                ByteBuffer first = plain.duplicate().limit(size / 2 + 3);
                enc.update(first, sealed);
                plain.position(first.position());
                enc.doFinal(plain, sealed);
            });
            sealed.flip();
            long opening = DirectBuffers.allocatedBy(() -> dec.doFinal(sealed, opened));
            most = round == 0 ? 0 : Math.max(most, Math.max(sealing, opening));
        }
        if (AeadEngineDifferentialTest.expectNative()) {
            assertTrue(most < 64 * 1024, transformation + ": 1 MiB between direct buffers allocated " + most
                    + " heap bytes");
        } else {
            assertTrue(most >= size, transformation + ": the Java engine's copies were not seen (" + most + " bytes)");
        }
        key.destroy();
    }
}

package io.sessionkeys.tests.blockmode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SessionKeys against SunJCE and Bouncy Castle on random keys (128/192/256), IVs and messages,
 * the message fed in random pieces through {@code byte[]}, heap or direct {@code ByteBuffer}s.
 */
class DifferentialProperties {

    private static final Provider SUN_JCE = Security.getProvider("SunJCE");

    /** How a message is fed to a Cipher: its pieces and the buffer kind for each call. */
    record Feed(byte[] message, List<Integer> cuts, Kind kind) {
    }

    enum Kind { ARRAY, HEAP_BUFFER, DIRECT_BUFFER, READ_ONLY_BUFFER, IN_PLACE }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.of(16, 24, 32).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    @Provide
    Arbitrary<byte[]> ivs() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16);
    }

    @Provide
    Arbitrary<Feed> feeds() {
        Arbitrary<byte[]> messages = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(80),
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(3000));
        Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(0, 3000).list().ofMaxSize(6);
        return Combinators.combine(messages, cuts, Arbitraries.of(Kind.class)).as(Feed::new);
    }

    @Provide
    Arbitrary<String> transformations() {
        return Arbitraries.of(BlockModes.TRANSFORMATIONS);
    }

    @Property(tries = 1000)
    void encrypt_randomInput_matchesSunJceAndBouncyCastle(@ForAll("transformations") String transformation,
            @ForAll("keys") byte[] key, @ForAll("ivs") byte[] iv, @ForAll("feeds") Feed feed) throws Exception {
        byte[] message = alignedIfUnpadded(transformation, feed.message());
        IvParameterSpec spec = BlockModes.usesIv(transformation) ? new IvParameterSpec(iv) : null;

        Cipher ours = BlockModes.cipher(transformation);
        ours.init(Cipher.ENCRYPT_MODE, BlockModes.sessionKey(key), spec);
        byte[] actual = run(ours, new Feed(message, feed.cuts(), feed.kind()));

        if (BlockModes.randomPadding(transformation)) { // random filler: SunJCE must read it back, at its length
            assertArrayEquals(message, reference(SUN_JCE, transformation, Cipher.DECRYPT_MODE, key, spec, actual));
            assertEquals(reference(SUN_JCE, transformation, Cipher.ENCRYPT_MODE, key, spec, message).length,
                    actual.length);
            return;
        }
        assertArrayEquals(reference(SUN_JCE, transformation, Cipher.ENCRYPT_MODE, key, spec, message), actual);
        if (BlockModes.bouncyCastleAgrees(transformation, message.length)) {
            assertArrayEquals(reference(BlockModes.BOUNCY_CASTLE, transformation, Cipher.ENCRYPT_MODE, key, spec,
                    message), actual);
        }
    }

    @Property(tries = 1000)
    void decrypt_randomCiphertext_matchesSunJceAndGivesTheMessageBack(@ForAll("transformations") String transformation,
            @ForAll("keys") byte[] key, @ForAll("ivs") byte[] iv, @ForAll("feeds") Feed feed) throws Exception {
        byte[] message = alignedIfUnpadded(transformation, feed.message());
        IvParameterSpec spec = BlockModes.usesIv(transformation) ? new IvParameterSpec(iv) : null;
        byte[] ciphertext = reference(SUN_JCE, transformation, Cipher.ENCRYPT_MODE, key, spec, message);

        Cipher ours = BlockModes.cipher(transformation);
        ours.init(Cipher.DECRYPT_MODE, BlockModes.sessionKey(key), spec);
        byte[] actual = run(ours, new Feed(ciphertext, feed.cuts(), feed.kind()));

        assertArrayEquals(message, actual);
        if (BlockModes.bouncyCastleAgrees(transformation, message.length)) {
            assertArrayEquals(reference(BlockModes.BOUNCY_CASTLE, transformation, Cipher.DECRYPT_MODE, key, spec,
                    ciphertext), actual);
        }
    }

    private static byte[] alignedIfUnpadded(String transformation, byte[] message) {
        return BlockModes.fitted(transformation, message);
    }

    private static byte[] reference(Provider provider, String transformation, int mode, byte[] key,
            IvParameterSpec spec, byte[] input) throws Exception {
        Cipher c = Cipher.getInstance(transformation, provider);
        c.init(mode, new SecretKeySpec(key, "AES"), spec);
        return c.doFinal(input);
    }

    /** Feeds the message in its pieces, each through the feed's kind of buffer, then doFinal. */
    static byte[] run(Cipher c, Feed feed) throws Exception {
        byte[] m = feed.message();
        if (feed.kind() == Kind.IN_PLACE) {
            return runInPlace(c, feed);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        for (int cut : feed.cuts()) {
            int end = Math.min(m.length, at + cut);
            out.write(call(c, feed.kind(), m, at, end - at, false));
            at = end;
        }
        out.write(call(c, feed.kind(), m, at, m.length - at, true));
        return out.toByteArray();
    }

    /**
     * Every piece is processed in one array, its output written at the end of the output so far,
     * which never lies after the input still to be read: ciphers must cope with output that
     * overlaps their input.
     */
    private static byte[] runInPlace(Cipher c, Feed feed) throws Exception {
        byte[] m = feed.message();
        byte[] buf = java.util.Arrays.copyOf(m, m.length + 32);
        int in = 0;
        int out = 0;
        for (int cut : feed.cuts()) {
            int end = Math.min(m.length, in + cut);
            out += c.update(buf, in, end - in, buf, out);
            in = end;
        }
        out += c.doFinal(buf, in, m.length - in, buf, out);
        return java.util.Arrays.copyOf(buf, out);
    }

    private static byte[] call(Cipher c, Kind kind, byte[] m, int off, int len, boolean last) throws Exception {
        if (kind == Kind.ARRAY) {
            byte[] r = last ? c.doFinal(m, off, len) : c.update(m, off, len);
            return r == null ? new byte[0] : r;
        }
        ByteBuffer in = kind == Kind.DIRECT_BUFFER ? ByteBuffer.allocateDirect(len) : ByteBuffer.allocate(len);
        in.put(m, off, len).flip();
        if (kind == Kind.READ_ONLY_BUFFER) {
            in = in.asReadOnlyBuffer();
        }
        int size = c.getOutputSize(len);
        ByteBuffer out = kind == Kind.DIRECT_BUFFER ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        int n = last ? c.doFinal(in, out) : c.update(in, out);
        byte[] r = new byte[n];
        out.flip().get(r);
        return r;
    }
}

package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Offsets, lengths and buffers out of range, too small, read-only, direct, overlapping: a bad call
 * gets the type the JCA contract names ({@code IllegalArgumentException} from {@code Cipher}'s own
 * checks, {@code ShortBufferException}, {@code ReadOnlyBufferException}) and changes nothing (output
 * untouched, positions unmoved, the message goes on); the good calls that follow give exactly
 * SunJCE's result for the same key, IV and message.
 */
class HostileBufferProperties {

    @Provide
    Arbitrary<String> encryptors() {
        return Arbitraries.of("AES/GCM/NoPadding", "ChaCha20-Poly1305", "AES/CTR/NoPadding", "AES/CBC/NoPadding",
                "AES/CBC/PKCS5Padding", "AES/ECB/NoPadding", "AES/ECB/PKCS5Padding");
    }

    private static int unit(String t) {
        return t.contains("NoPadding") && (t.contains("CBC") || t.contains("ECB")) ? 16 : 1;
    }

    private static AlgorithmParameterSpec spec(String t, byte[] iv) {
        return iv == null ? null : t.contains("GCM") ? new GCMParameterSpec(128, iv) : new IvParameterSpec(iv);
    }

    /** One hostile call on {@code chunk}: arguments out of range, or an output one byte short or more. */
    private static byte[] hostileCall(Cipher c, byte[] chunk, boolean last, SplittableRandom r, byte[][] secrets)
            throws Exception {
        int needed = c.getOutputSize(chunk.length);
        int kind = r.nextInt(7);
        int inOff = kind == 0 ? -1 - r.nextInt(5) : 0;
        int len = kind == 1 ? chunk.length + 1 + r.nextInt(5) : kind == 2 ? Integer.MAX_VALUE : chunk.length;
        int outLen = kind == 3 ? r.nextInt(Math.max(1, needed)) : needed + 8;
        int outOff = kind == 4 ? outLen + 1 + r.nextInt(5) : kind == 5 ? -1 - r.nextInt(5) : kind == 6
                ? outLen - r.nextInt(Math.max(1, needed)) : 0;
        byte[] out = Hostile.sentinelArray(Math.max(0, outLen));
        try {
            int n = last ? c.doFinal(chunk, inOff, len, out, outOff) : c.update(chunk, inOff, len, out, outOff);
            // The arguments were good after all; a call that writes nothing may take any offset.
            return n == 0 ? new byte[0] : Arrays.copyOfRange(out, outOff, outOff + n);
        } catch (IllegalArgumentException | ShortBufferException e) {
            Hostile.assertAllowed(e, secrets, IllegalArgumentException.class, ShortBufferException.class);
            Hostile.assertNoOutput(out, 0, out.length);
            return null;
        } catch (RuntimeException e) {
            Hostile.assertAllowed(e, secrets); // any other unchecked exception is a defect
            return null;
        }
    }

    /** One hostile ByteBuffer call: output too short, read-only, or the input buffer itself. */
    private static byte[] hostileBufferCall(Cipher c, byte[] chunk, boolean last, SplittableRandom r,
            byte[][] secrets) throws Exception {
        int needed = c.getOutputSize(chunk.length);
        ByteBuffer in = r.nextBoolean() ? ByteBuffer.wrap(chunk) : ByteBuffer.allocateDirect(chunk.length).put(chunk).flip();
        int kind = r.nextInt(3);
        ByteBuffer out = kind == 2 ? in : r.nextBoolean() ? ByteBuffer.allocateDirect(needed + 4)
                : ByteBuffer.wrap(Hostile.sentinelArray(needed + 4));
        if (kind == 0) {
            out.limit(r.nextInt(Math.max(1, needed)));
        } else if (kind == 1) {
            out = out.asReadOnlyBuffer();
        }
        int inPos = in.position();
        int outPos = out.position();
        try {
            int n = last ? c.doFinal(in, out) : c.update(in, out);
            byte[] result = new byte[n];
            out.flip().position(outPos);
            out.get(result);
            return result; // fit after all (an update that writes nothing)
        } catch (ShortBufferException | ReadOnlyBufferException | IllegalArgumentException e) {
            Hostile.assertAllowed(e, secrets, ShortBufferException.class, ReadOnlyBufferException.class,
                    IllegalArgumentException.class);
            assertEquals(inPos, in.position(), "a refused call moved the input");
            assertEquals(outPos, out.position(), "a refused call moved the output");
            return null;
        } catch (RuntimeException e) {
            Hostile.assertAllowed(e, secrets);
            return null;
        }
    }

    @Property(tries = 400)
    void updateAndDoFinal_hostileArgumentsBetweenGoodCalls_refusedWithoutEffectAndResultAsSunJce(
            @ForAll("encryptors") String t, @ForAll boolean buffers, @ForAll long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        String keyAlgorithm = t.startsWith("ChaCha20") ? "ChaCha20" : "AES";
        byte[] raw = new byte[keyAlgorithm.equals("AES") ? 16 + 8 * r.nextInt(3) : 32];
        r.nextBytes(raw);
        byte[][] secrets = {raw};
        Cipher c = Cipher.getInstance(t, Hostile.PROVIDER);
        c.init(Cipher.ENCRYPT_MODE, Hostile.importKey(keyAlgorithm, raw));
        byte[] message = new byte[r.nextInt(100) / unit(t) * unit(t)];
        r.nextBytes(message);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int chunks = 1 + r.nextInt(3);
        for (int i = 0, from = 0; i < chunks; i++) {
            boolean last = i == chunks - 1;
            int to = last ? message.length : from + r.nextInt(message.length - from + 1) / unit(t) * unit(t);
            byte[] chunk = Arrays.copyOfRange(message, from, to);
            from = to;
            byte[] early = buffers ? hostileBufferCall(c, chunk, last, r, secrets) : hostileCall(c, chunk, last, r, secrets);
            if (early != null) {
                got.writeBytes(early);
                continue;
            }
            byte[] out = last ? c.doFinal(chunk) : c.update(chunk);
            if (out != null) {
                got.writeBytes(out);
            }
        }
        Cipher sun = Cipher.getInstance(t, "SunJCE");
        sun.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(raw, keyAlgorithm), spec(t, c.getIV()));
        assertArrayEquals(sun.doFinal(message), got.toByteArray());
    }

    @Property(tries = 300)
    void update_overlappingBuffersOnOneArray_sameResultAsSunJce(@ForAll("encryptors") String t,
            @ForAll boolean arrays, @ForAll long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        String keyAlgorithm = t.startsWith("ChaCha20") ? "ChaCha20" : "AES";
        byte[] raw = new byte[keyAlgorithm.equals("AES") ? 16 : 32];
        r.nextBytes(raw);
        Cipher c = Cipher.getInstance(t, Hostile.PROVIDER);
        c.init(Cipher.ENCRYPT_MODE, Hostile.importKey(keyAlgorithm, raw));
        byte[] message = new byte[(1 + r.nextInt(80)) / unit(t) * unit(t) + unit(t)];
        r.nextBytes(message);
        int needed = c.getOutputSize(message.length);
        int inOff = r.nextInt(40);
        int outOff = Math.max(0, inOff + r.nextInt(33) - 16);
        byte[] shared = new byte[Math.max(inOff + message.length, outOff + needed) + 8];
        System.arraycopy(message, 0, shared, inOff, message.length);
        int n;
        if (arrays) {
            n = c.doFinal(shared, inOff, message.length, shared, outOff);
        } else {
            ByteBuffer in = ByteBuffer.wrap(shared, inOff, message.length).slice();
            ByteBuffer out = ByteBuffer.wrap(shared, outOff, needed).slice();
            n = c.doFinal(in, out);
        }
        Cipher sun = Cipher.getInstance(t, "SunJCE");
        sun.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(raw, keyAlgorithm), spec(t, c.getIV()));
        assertArrayEquals(sun.doFinal(message), Arrays.copyOfRange(shared, outOff, outOff + n));
    }

    @Property(tries = 200)
    void macUpdate_everyBufferKindAndRange_sameTagAsSunJce(@ForAll long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        String algorithm = new String[] {"HmacSHA256", "HmacSHA384", "HmacSHA512"}[r.nextInt(3)];
        byte[] raw = new byte[1 + r.nextInt(150)];
        r.nextBytes(raw);
        Mac mac = Mac.getInstance(algorithm, Hostile.PROVIDER);
        mac.init(Hostile.importKey(algorithm, raw));
        Mac sun = Mac.getInstance(algorithm, "SunJCE");
        sun.init(new SecretKeySpec(raw, algorithm));
        for (int i = r.nextInt(5); i >= 0; i--) {
            byte[] part = new byte[r.nextInt(300)];
            r.nextBytes(part);
            sun.update(part);
            int off = r.nextInt(9);
            byte[] backing = new byte[off + part.length + r.nextInt(9)];
            System.arraycopy(part, 0, backing, off, part.length);
            try {
                // one call in four asks for one byte past the array's end (always out of range, even
                // for an empty part at offset 0), which must be refused without effect
                mac.update(backing, off, r.nextInt(4) == 0 ? backing.length - off + 1 : part.length);
            } catch (IllegalArgumentException refused) {
                Hostile.assertAllowed(refused, new byte[][] {raw}, IllegalArgumentException.class);
                switch (r.nextInt(4)) {
                    case 0:
                        mac.update(part);
                        break;
                    case 1:
                        mac.update(ByteBuffer.allocateDirect(part.length).put(part).flip());
                        break;
                    case 2:
                        mac.update(ByteBuffer.wrap(part).asReadOnlyBuffer());
                        break;
                    default:
                        mac.update(ByteBuffer.wrap(backing, off, part.length).slice());
                        break;
                }
            }
        }
        byte[] out = Hostile.sentinelArray(mac.getMacLength() + 4);
        try {
            mac.doFinal(out, out.length - r.nextInt(mac.getMacLength()));
        } catch (ShortBufferException e) {
            Hostile.assertAllowed(e, new byte[][] {raw}, ShortBufferException.class);
            Hostile.assertNoOutput(out, 0, out.length);
        }
        mac.doFinal(out, 2);
        assertArrayEquals(sun.doFinal(), Arrays.copyOfRange(out, 2, 2 + mac.getMacLength()));
    }
}

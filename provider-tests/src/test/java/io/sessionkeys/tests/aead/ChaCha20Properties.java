package io.sessionkeys.tests.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Plain ChaCha20 against SunJCE on random keys, nonces, initial counters (near the 32-bit end
 * too) and messages, fed in random pieces through arrays, heap and direct buffers, and in place;
 * and SunJCE's parameter rules.
 */
class ChaCha20Properties {

    private static final Provider SUN_JCE = Security.getProvider("SunJCE");

    @Provide
    Arbitrary<Integer> counters() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 1000), Arbitraries.of(-1, -2, -3, 1));
    }

    @Property(tries = 300)
    void decryptAndEncrypt_randomInput_matchSunJce(@ForAll @Size(32) byte[] key, @ForAll @Size(12) byte[] nonce,
            @ForAll("counters") int counter, @ForAll @Size(max = 700) byte[] message,
            @ForAll @Size(max = 5) List<@net.jqwik.api.constraints.IntRange(max = 300) Integer> cuts,
            @ForAll @net.jqwik.api.constraints.IntRange(max = 3) int form) throws Exception {
        long blocksLeft = counter >= 0 ? (1L << 32) - counter : -(long) counter;
        byte[] m = message.length > blocksLeft * 64 ? java.util.Arrays.copyOf(message, (int) (blocksLeft * 64)) : message;
        Cipher sun = Cipher.getInstance("ChaCha20", SUN_JCE);
        sun.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(nonce, counter));
        byte[] expected = sun.doFinal(m);
        SecretKey session = SecretKeyFactory.getInstance("ChaCha20", Aead.PROVIDER)
                .generateSecret(new SecretKeySpec(key, "ChaCha20"));
        Cipher enc = Cipher.getInstance("ChaCha20", Aead.PROVIDER);
        enc.init(Cipher.ENCRYPT_MODE, session, new ChaCha20ParameterSpec(nonce, counter));
        assertArrayEquals(expected, run(enc, m, cuts, form));
        Cipher dec = Cipher.getInstance("ChaCha20", Aead.PROVIDER);
        dec.init(Cipher.DECRYPT_MODE, session, new ChaCha20ParameterSpec(nonce, counter));
        assertArrayEquals(m, run(dec, expected, cuts, form));
    }

    /** Form 0: arrays, 1: heap buffers, 2: direct buffers, 3: in place in one array. */
    private static byte[] run(Cipher c, byte[] m, List<Integer> cuts, int form) throws Exception {
        if (form == 3) {
            byte[] buf = m.clone();
            int at = 0;
            for (int cut : cuts) {
                int n = Math.min(cut, m.length - at);
                c.update(buf, at, n, buf, at);
                at += n;
            }
            c.doFinal(buf, at, m.length - at, buf, at);
            return buf;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        for (int i = 0; i <= cuts.size(); i++) {
            boolean last = i == cuts.size();
            int n = last ? m.length - at : Math.min(cuts.get(i), m.length - at);
            if (form == 0) {
                byte[] r = last ? c.doFinal(m, at, n) : c.update(m, at, n);
                out.write(r == null ? new byte[0] : r);
            } else {
                ByteBuffer in = form == 2 ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n);
                in.put(m, at, n).flip();
                ByteBuffer o = form == 2 ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n);
                int k = last ? c.doFinal(in, o) : c.update(in, o);
                byte[] r = new byte[k];
                o.flip().get(r);
                out.write(r);
            }
            at += n;
        }
        return out.toByteArray();
    }

    @Test
    void parameters_asSunJce() throws Exception {
        SecretKey session = SecretKeyFactory.getInstance("ChaCha20", Aead.PROVIDER)
                .generateSecret(new SecretKeySpec(new byte[32], "ChaCha20"));
        Cipher c = Cipher.getInstance("ChaCha20", Aead.PROVIDER);
        assertThrows(InvalidKeyException.class, () -> c.init(Cipher.DECRYPT_MODE, session));
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> c.init(Cipher.ENCRYPT_MODE, session, new IvParameterSpec(new byte[12])));
        c.init(Cipher.ENCRYPT_MODE, session);
        assertNull(c.getParameters());
        byte[] nonce = c.getIV();
        Cipher again = Cipher.getInstance("ChaCha20", Aead.PROVIDER);
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> again.init(Cipher.ENCRYPT_MODE, session, new ChaCha20ParameterSpec(nonce, 7)),
                "a nonce this key has encrypted under is refused, whatever the counter");
    }
}

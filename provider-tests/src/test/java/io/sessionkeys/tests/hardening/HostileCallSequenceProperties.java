package io.sessionkeys.tests.hardening;

import io.sessionkeys.SessionKey;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of {@code Cipher} calls in any order (before {@code init}, AAD after data, wrap in
 * decrypt mode, reuse after {@code doFinal}, the key destroyed half-way): every failure is a checked
 * {@code GeneralSecurityException} or the unchecked type the JCA contract names for misuse
 * ({@code IllegalStateException}, {@code UnsupportedOperationException},
 * {@code IllegalArgumentException}); never a {@code NullPointerException},
 * {@code ArrayIndexOutOfBoundsException}, {@code ClassCastException} or the like from the provider.
 */
class HostileCallSequenceProperties {

    enum Call { INIT_ENCRYPT, INIT_DECRYPT, INIT_WRAP, INIT_UNWRAP, AAD, UPDATE, DO_FINAL, GET_IV, GET_PARAMETERS,
        OUTPUT_SIZE, WRAP, UNWRAP, DESTROY_KEY }

    private static KeyPair rsa;

    private static synchronized KeyPair rsa() throws Exception {
        if (rsa == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            rsa = g.generateKeyPair();
        }
        return rsa;
    }

    @Provide
    Arbitrary<String> transformations() {
        return Arbitraries.of("AES/GCM/NoPadding", "ChaCha20-Poly1305", "AES/CTR/NoPadding", "AES/CBC/PKCS5Padding",
                "AES/CBC/NoPadding", "AES/ECB/PKCS5Padding", "AES/KW/NoPadding", "AES/KWP/NoPadding",
                "AES/KW/PKCS5Padding", "RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    }

    @Provide
    Arbitrary<List<Call>> sequences() {
        return Arbitraries.of(Call.class).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 500)
    void anyCallSequence_onlyCheckedOrContractExceptions(@ForAll("transformations") String t,
            @ForAll("sequences") List<Call> calls, @ForAll long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        boolean isRsa = t.startsWith("RSA");
        String keyAlgorithm = t.startsWith("ChaCha20") ? "ChaCha20" : "AES";
        byte[] raw = new byte[keyAlgorithm.equals("AES") ? 16 : 32];
        r.nextBytes(raw);
        byte[][] secrets = {raw};
        SessionKey key = Hostile.importKey(keyAlgorithm, raw);
        SessionKey other = Hostile.importKey("AES", raw.length == 16 ? raw : java.util.Arrays.copyOf(raw, 16));
        Cipher c = Cipher.getInstance(t, Hostile.PROVIDER);
        AlgorithmParameters last = null;
        for (Call call : calls) {
            byte[] data = new byte[r.nextInt(48)];
            r.nextBytes(data);
            try {
                switch (call) {
                    case INIT_ENCRYPT:
                        c.init(Cipher.ENCRYPT_MODE, isRsa ? rsa().getPublic() : key);
                        last = c.getParameters();
                        break;
                    case INIT_DECRYPT:
                        c.init(Cipher.DECRYPT_MODE, isRsa ? rsa().getPrivate() : key, last);
                        break;
                    case INIT_WRAP:
                        c.init(Cipher.WRAP_MODE, isRsa ? rsa().getPublic() : key);
                        break;
                    case INIT_UNWRAP:
                        c.init(Cipher.UNWRAP_MODE, isRsa ? rsa().getPrivate() : (Key) key, last);
                        break;
                    case AAD:
                        c.updateAAD(data);
                        break;
                    case UPDATE:
                        c.update(data);
                        break;
                    case DO_FINAL:
                        c.doFinal(data);
                        break;
                    case GET_IV:
                        c.getIV();
                        break;
                    case GET_PARAMETERS:
                        c.getParameters();
                        break;
                    case OUTPUT_SIZE:
                        c.getOutputSize(r.nextInt(3) == 0 ? -1 - r.nextInt(10) : r.nextInt(100));
                        break;
                    case WRAP:
                        c.wrap(other);
                        break;
                    case UNWRAP:
                        ((SessionKey) c.unwrap(data, "AES", Cipher.SECRET_KEY)).destroy();
                        break;
                    default:
                        key.destroy();
                        break;
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                Hostile.assertAllowed(e, secrets, GeneralSecurityException.class, IllegalStateException.class,
                        UnsupportedOperationException.class, IllegalArgumentException.class);
            }
        }
        key.destroy();
        other.destroy();
    }
}

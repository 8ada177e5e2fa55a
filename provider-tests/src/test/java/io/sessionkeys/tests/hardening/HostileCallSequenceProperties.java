package io.sessionkeys.tests.hardening;

import io.sessionkeys.SessionKey;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of {@code Cipher} calls in any order (before {@code init}, AAD after data, wrap in
 * decrypt mode, reuse after {@code doFinal}, the key destroyed half-way): every failure must be an
 * exception the {@code javax.crypto.Cipher} javadoc names for that very method (see
 * {@link #documented}), never a {@code NullPointerException}, {@code ArrayIndexOutOfBoundsException},
 * {@code ClassCastException}, a buffer exception or another method's exception type.
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

    /**
     * What the {@code Cipher} javadoc lets each call throw (Java SE 17 and 25 agree):
     * <ul>
     * <li>{@code init}: {@code InvalidKeyException}, {@code InvalidAlgorithmParameterException};
     *     {@code UnsupportedOperationException} only for WRAP_MODE and UNWRAP_MODE ("if opmode is
     *     WRAP_MODE or UNWRAP_MODE but the mode is not implemented by the underlying CipherSpi").
     * <li>{@code updateAAD}: {@code IllegalStateException} (not initialized, or AAD after data),
     *     {@code UnsupportedOperationException} (the cipher takes no AAD).
     * <li>{@code update}: {@code IllegalStateException} only.
     * <li>{@code doFinal}: {@code IllegalStateException}, {@code IllegalBlockSizeException},
     *     {@code BadPaddingException} (and so {@code AEADBadTagException}).
     * <li>{@code getIV}, {@code getParameters}, {@code SessionKey.destroy}: nothing.
     * <li>{@code getOutputSize}: {@code IllegalStateException}; {@code Cipher} itself refuses a
     *     negative length with {@code IllegalArgumentException} before the provider is asked.
     * <li>{@code wrap}: {@code IllegalStateException}, {@code IllegalBlockSizeException},
     *     {@code InvalidKeyException}, {@code UnsupportedOperationException}.
     * <li>{@code unwrap}: {@code IllegalStateException}, {@code InvalidKeyException},
     *     {@code NoSuchAlgorithmException}, {@code UnsupportedOperationException}.
     * </ul>
     * The provider's own refusals fit these: a destroyed or exhausted key is an
     * {@code InvalidKeyException} at {@code init} and an {@code IllegalStateException} afterwards.
     */
    @SuppressWarnings("unchecked")
    static Class<? extends Throwable>[] documented(Call call, int outputSizeArgument) {
        switch (call) {
            case INIT_ENCRYPT:
            case INIT_DECRYPT:
                return new Class[] {InvalidKeyException.class, InvalidAlgorithmParameterException.class};
            case INIT_WRAP:
            case INIT_UNWRAP:
                return new Class[] {InvalidKeyException.class, InvalidAlgorithmParameterException.class,
                    UnsupportedOperationException.class};
            case AAD:
                return new Class[] {IllegalStateException.class, UnsupportedOperationException.class};
            case UPDATE:
                return new Class[] {IllegalStateException.class};
            case DO_FINAL:
                return new Class[] {IllegalStateException.class, IllegalBlockSizeException.class,
                    BadPaddingException.class};
            case OUTPUT_SIZE:
                return outputSizeArgument < 0
                        ? new Class[] {IllegalStateException.class, IllegalArgumentException.class}
                        : new Class[] {IllegalStateException.class};
            case WRAP:
                return new Class[] {IllegalStateException.class, IllegalBlockSizeException.class,
                    InvalidKeyException.class, UnsupportedOperationException.class};
            case UNWRAP:
                return new Class[] {IllegalStateException.class, InvalidKeyException.class,
                    NoSuchAlgorithmException.class, UnsupportedOperationException.class};
            default: // GET_IV, GET_PARAMETERS, DESTROY_KEY
                return new Class[0];
        }
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
            int outputSizeArgument = r.nextInt(3) == 0 ? -1 - r.nextInt(10) : r.nextInt(100);
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
                        c.getOutputSize(outputSizeArgument);
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
                Hostile.assertAllowed(e, secrets, documented(call, outputSizeArgument));
            }
        }
        key.destroy();
        other.destroy();
    }
}

package io.sessionkeys.tests.hardening;

import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeyUnwrapSpec;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.RC2ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Wrong parameters for every service: spec types of other algorithms, IVs, nonces and tags of every
 * length, {@code null}, {@code AlgorithmParameters} of the wrong algorithm, key sizes and key specs
 * that do not fit. Allowed: success, or the checked exception the JCA method declares for bad
 * parameters or keys ({@code InvalidAlgorithmParameterException}, {@code InvalidKeyException},
 * {@code InvalidKeySpecException}), {@code InvalidParameterException} for a bad key size (the type
 * {@code KeyGenerator.init(int)} names), and {@code UnsupportedOperationException} only for
 * WRAP_MODE or UNWRAP_MODE on a cipher that does not offer them (the one case {@code Cipher.init}
 * names it for). Never another unchecked exception, never key material in a message.
 */
class HostileParameterProperties {

    private static final byte[] AES_RAW = bytes(32, 1);
    private static final byte[] CHACHA_RAW = bytes(32, 2);
    private static final byte[] HMAC_RAW = bytes(40, 3);
    private static KeyPair rsa;

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    private static synchronized KeyPair rsa() throws Exception {
        if (rsa == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            rsa = g.generateKeyPair();
        }
        return rsa;
    }

    @Provide
    Arbitrary<String> ciphers() {
        return Arbitraries.of("AES/GCM/NoPadding", "AES_128/GCM/NoPadding", "ChaCha20-Poly1305", "AES/CTR/NoPadding",
                "AES/CBC/NoPadding", "AES/CBC/PKCS5Padding", "AES/ECB/NoPadding", "AES", "AES_256/CBC/NoPadding",
                "AES/KW/NoPadding", "AES/KWP/NoPadding", "AES/KW/PKCS5Padding", "RSA/ECB/OAEPPadding",
                "RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    }

    /** A parameter spec of any kind, with lengths and values chosen to be wrong as often as right. */
    static AlgorithmParameterSpec spec(int kind, SplittableRandom r) throws Exception {
        int len = r.nextInt(34);
        byte[] iv = new byte[len];
        r.nextBytes(iv);
        switch (kind) {
            case 0:
                return null;
            case 1:
                return new IvParameterSpec(iv);
            case 2:
                return new GCMParameterSpec(new int[] {0, 8, 32, 64, 96, 104, 112, 120, 128, 136, 256}[r.nextInt(11)], iv);
            case 3:
                return new ChaCha20ParameterSpec(new byte[12], r.nextInt());
            case 4:
                return new OAEPParameterSpec(new String[] {"SHA-256", "SHA-1", "MD5", "SHA3-256"}[r.nextInt(4)], "MGF1",
                        r.nextBoolean() ? MGF1ParameterSpec.SHA1 : MGF1ParameterSpec.SHA512,
                        new PSource.PSpecified(iv));
            case 5:
                return new PBEParameterSpec(iv, r.nextInt(5000));
            case 6:
                return new RC2ParameterSpec(40);
            case 7:
                return new ECGenParameterSpec("secp256r1");
            case 8:
                return new RSAKeyGenParameterSpec(1024, RSAKeyGenParameterSpec.F4);
            case 9:
                return SessionKeyUnwrapSpec.builder()
                        .cipherParameters(r.nextBoolean() ? null : spec(1 + r.nextInt(4), r)).build();
            default:
                return SessionKeyGenParameterSpec.builder().keySize(8 * r.nextInt(70)).build();
        }
    }

    /** {@code AlgorithmParameters} of some algorithm, usually not the cipher's. */
    static AlgorithmParameters parameters(SplittableRandom r) throws Exception {
        switch (r.nextInt(4)) {
            case 0: {
                AlgorithmParameters p = AlgorithmParameters.getInstance("GCM");
                p.init(new GCMParameterSpec(128, new byte[12]));
                return p;
            }
            case 1: {
                AlgorithmParameters p = AlgorithmParameters.getInstance("AES");
                p.init(new IvParameterSpec(new byte[16]));
                return p;
            }
            case 2: {
                AlgorithmParameters p = AlgorithmParameters.getInstance("ChaCha20-Poly1305");
                p.init(new IvParameterSpec(new byte[12]));
                return p;
            }
            default: {
                AlgorithmParameters p = AlgorithmParameters.getInstance("OAEP");
                p.init(OAEPParameterSpec.DEFAULT);
                return p;
            }
        }
    }

    private static Key keyFor(String transformation, int mode) throws Exception {
        if (transformation.startsWith("RSA")) {
            boolean pub = mode == Cipher.ENCRYPT_MODE || mode == Cipher.WRAP_MODE;
            return pub ? rsa().getPublic() : rsa().getPrivate();
        }
        return transformation.startsWith("ChaCha20") ? Hostile.importKey("ChaCha20", CHACHA_RAW)
                : Hostile.importKey("AES", transformation.startsWith("AES_128") ? java.util.Arrays.copyOf(AES_RAW, 16)
                        : AES_RAW);
    }

    @Property(tries = 500)
    void cipherInit_wrongParameters_onlyDocumentedExceptions(@ForAll("ciphers") String transformation,
            @ForAll long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        int mode = 1 + r.nextInt(4);
        Key key = keyFor(transformation, mode);
        Cipher c = Cipher.getInstance(transformation, Hostile.PROVIDER);
        try {
            if (r.nextInt(4) == 0) {
                c.init(mode, key, parameters(r));
            } else {
                c.init(mode, key, spec(r.nextInt(11), r));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            boolean wrapMode = mode == Cipher.WRAP_MODE || mode == Cipher.UNWRAP_MODE;
            if (wrapMode) {
                Hostile.assertAllowed(e, new byte[][] {AES_RAW, CHACHA_RAW}, InvalidAlgorithmParameterException.class,
                        InvalidKeyException.class, UnsupportedOperationException.class);
            } else {
                Hostile.assertAllowed(e, new byte[][] {AES_RAW, CHACHA_RAW}, InvalidAlgorithmParameterException.class,
                        InvalidKeyException.class);
            }
        }
    }

    @Property(tries = 200)
    void macInit_wrongParameters_invalidAlgorithmParameterOnly(@ForAll long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        String algorithm = new String[] {"HmacSHA256", "HmacSHA384", "HmacSHA512"}[r.nextInt(3)];
        Mac mac = Mac.getInstance(algorithm, Hostile.PROVIDER);
        try {
            mac.init(Hostile.importKey(algorithm, HMAC_RAW), spec(r.nextInt(11), r));
        } catch (GeneralSecurityException | RuntimeException e) {
            Hostile.assertAllowed(e, new byte[][] {HMAC_RAW}, InvalidAlgorithmParameterException.class);
        }
    }

    @Property(tries = 300)
    void keyGeneratorInit_wrongSizesAndSpecs_onlyDocumentedExceptions(@ForAll long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        String algorithm = new String[] {"AES", "ChaCha20", "HmacSHA256", "HmacSHA512", "HKDF-SHA256"}[r.nextInt(5)];
        KeyGenerator g = KeyGenerator.getInstance(algorithm, Hostile.PROVIDER);
        int form = r.nextInt(3);
        try {
            switch (form) {
                case 0:
                    g.init(new int[] {-8, -1, 0, 1, 7, 64, 128, 129, 192, 256, 512, 4096, Integer.MAX_VALUE,
                            Integer.MIN_VALUE}[r.nextInt(14)]);
                    break;
                case 1:
                    g.init(spec(r.nextInt(11), r));
                    break;
                default:
                    g.init(SessionKeyGenParameterSpec.builder().keySize(r.nextInt(1100) - 50).build());
                    break;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // init(int) declares InvalidParameterException, init(AlgorithmParameterSpec) the checked
            // InvalidAlgorithmParameterException.
            Hostile.assertAllowed(e, new byte[0][], form == 0 ? InvalidParameterException.class
                    : InvalidAlgorithmParameterException.class);
        }
        try {
            g.generateKey();
        } catch (RuntimeException e) {
            // generateKey declares nothing. Every generator but HKDF has a default (a failed init
            // leaves it); HKDF cannot derive without a derivation spec and says so as a state error.
            if (algorithm.startsWith("HKDF")) {
                Hostile.assertAllowed(e, new byte[0][], IllegalStateException.class);
            } else {
                Hostile.assertAllowed(e, new byte[0][]);
            }
        }
    }

    @Property(tries = 300)
    void secretKeyFactory_wrongKeySpecs_invalidKeySpecOnly(@ForAll long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        String algorithm = new String[] {"AES", "ChaCha20", "HmacSHA256", "HmacSHA384"}[r.nextInt(4)];
        SecretKeyFactory f = SecretKeyFactory.getInstance(algorithm, Hostile.PROVIDER);
        byte[] raw = new byte[r.nextInt(70) + 1];
        r.nextBytes(raw);
        String specAlgorithm = new String[] {algorithm, "AES", "DES", "ChaCha20", "HmacSHA512", "RSA"}[r.nextInt(6)];
        KeySpec spec;
        switch (r.nextInt(4)) {
            case 0:
                spec = new SecretKeySpec(raw, specAlgorithm);
                break;
            case 1:
                spec = SessionKeyImportSpec.builder().key(new SecretKeySpec(raw, specAlgorithm)).build();
                break;
            case 2:
                spec = new PBEKeySpec("password".toCharArray(), raw, 1000, 128);
                break;
            default:
                spec = null;
                break;
        }
        try {
            f.generateSecret(spec);
        } catch (GeneralSecurityException | RuntimeException e) {
            Hostile.assertAllowed(e, new byte[][] {raw}, InvalidKeySpecException.class);
        }
        try {
            f.translateKey(r.nextBoolean() ? new SecretKeySpec(raw, specAlgorithm) : null);
        } catch (GeneralSecurityException | RuntimeException e) {
            Hostile.assertAllowed(e, new byte[][] {raw}, InvalidKeyException.class);
        }
    }
}

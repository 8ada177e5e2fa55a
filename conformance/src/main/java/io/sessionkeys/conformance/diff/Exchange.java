package io.sessionkeys.conformance.diff;

import io.sessionkeys.conformance.subject.KeyFingerprint;
import io.sessionkeys.conformance.subject.Subject;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Something one provider makes and another opens: a ciphertext, or a wrapped AES key. Opening
 * gives the plaintext, or the {@link KeyFingerprint} of the unwrapped key.
 */
abstract class Exchange {

    private static final int[] AES = {16, 24, 32};

    final String name;
    final String cipher;
    /** Names a provider may use instead (Bouncy Castle calls AES-KW "AESWrap"). */
    final String[] aliases;
    /** Why providers may legitimately fail to open each other's output here, or {@code null}. */
    String ambiguity;

    Exchange(String name, String cipher, String... aliases) {
        this.name = name;
        this.cipher = cipher;
        this.aliases = aliases;
    }

    /** The name {@code s} serves this exchange under, or {@code null}. */
    String nameIn(Subject s) {
        if (s.cipherName(cipher) != null) {
            return cipher;
        }
        return aliases.length == 0 ? null : s.cipherName(aliases);
    }

    abstract Sample sample(SecureRandom r);

    abstract byte[] seal(Subject producer, Sample in) throws Exception;

    abstract byte[] open(Subject consumer, Sample in, byte[] sealed) throws Exception;

    abstract byte[] expected(Sample in) throws Exception;

    String missing(Subject s) {
        return nameIn(s) == null ? cipher : null;
    }

    static List<Exchange> all() {
        KeyFingerprint fp = new KeyFingerprint();
        KeyPair rsa = rsaKeyPair();
        OAEPParameterSpec sha256 = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT);
        return List.of(
                encryption("AES/GCM/NoPadding", "AES", AES, 12, in -> new GCMParameterSpec(128, in.iv)),
                encryption("ChaCha20-Poly1305", "ChaCha20", new int[] {32}, 12, in -> new IvParameterSpec(in.iv)),
                encryption("AES/CBC/PKCS5Padding", "AES", AES, 16, in -> new IvParameterSpec(in.iv)),
                encryption("AES/CFB8/NoPadding", "AES", AES, 16, in -> new IvParameterSpec(in.iv)),
                encryption("AES/OFB/NoPadding", "AES", AES, 16, in -> new IvParameterSpec(in.iv)),
                encryption("AES/CTS/NoPadding", "AES", AES, 16, in -> new IvParameterSpec(in.iv)),
                encryption("AES/CBC/ISO10126Padding", "AES", AES, 16, in -> new IvParameterSpec(in.iv)),
                new KeyWrapExchange("AES/KW/NoPadding", "AESWrap", fp),
                new KeyWrapExchange("AES/KWP/NoPadding", "AESWrapPad", fp),
                new OaepExchange("RSA/ECB/OAEPPadding SHA-256/MGF1-SHA-256", "RSA/ECB/OAEPPadding", sha256, rsa, fp),
                new OaepExchange("RSA/ECB/OAEPWithSHA-256AndMGF1Padding (no parameters)",
                        "RSA/ECB/OAEPWithSHA-256AndMGF1Padding", null, rsa, fp).ambiguous(
                                "the name does not fix the MGF1 hash: SunJCE reads MGF1-SHA-1, Bouncy Castle MGF1-SHA-256"));
    }

    /** Marks the exchange as one whose cross-provider failures are expected, and says why. */
    Exchange ambiguous(String why) {
        this.ambiguity = why;
        return this;
    }

    /** How a sample becomes parameters. */
    interface Params {
        AlgorithmParameterSpec of(Sample in);
    }

    private static Exchange encryption(String cipher, String keyAlg, int[] keys, int iv, Params params) {
        return new Exchange(cipher, cipher) {
            @Override
            Sample sample(SecureRandom r) {
                return Sample.random(r, keys, iv, cipher.contains("GCM") || cipher.contains("Poly"), 1,
                        cipher.contains("/CTS/") ? 16 : 0); // CTS takes a block at least
            }

            @Override
            byte[] seal(Subject p, Sample in) throws Exception {
                return run(p, Cipher.ENCRYPT_MODE, in, in.msg);
            }

            @Override
            byte[] open(Subject c, Sample in, byte[] sealed) throws Exception {
                return run(c, Cipher.DECRYPT_MODE, in, sealed);
            }

            @Override
            byte[] expected(Sample in) {
                return in.msg;
            }

            @Override
            String missing(Subject s) {
                String own = super.missing(s);
                return own != null ? own : s.missingKeyService(keyAlg);
            }

            private byte[] run(Subject s, int mode, Sample in, byte[] data) throws Exception {
                Cipher c = Cipher.getInstance(cipher, s.provider());
                c.init(mode, s.key(keyAlg, in.key), params.of(in));
                if (in.aad.length > 0) {
                    c.updateAAD(in.aad);
                }
                return c.doFinal(data);
            }
        };
    }

    /** AES-KW or AES-KWP: wrap a random AES key under a random AES key-encryption key. */
    private static final class KeyWrapExchange extends Exchange {
        private final KeyFingerprint fp;

        KeyWrapExchange(String cipher, String alias, KeyFingerprint fp) {
            super(cipher, cipher, alias);
            this.fp = fp;
        }

        @Override
        Sample sample(SecureRandom r) {
            // key = the KEK, msg = the AES key to wrap
            return Sample.random(r, AES, 0, false, 1, 0).withMessage(Sample.bytes(r, AES[r.nextInt(3)]));
        }

        @Override
        byte[] seal(Subject p, Sample in) throws Exception {
            Cipher c = Cipher.getInstance(nameIn(p), p.provider());
            c.init(Cipher.WRAP_MODE, p.key("AES", in.key));
            return c.wrap(p.key("AES", in.msg));
        }

        @Override
        byte[] open(Subject consumer, Sample in, byte[] sealed) throws Exception {
            Cipher c = Cipher.getInstance(nameIn(consumer), consumer.provider());
            c.init(Cipher.UNWRAP_MODE, consumer.key("AES", in.key));
            return fp.of((SecretKey) c.unwrap(sealed, "AES", Cipher.SECRET_KEY), consumer);
        }

        @Override
        byte[] expected(Sample in) throws Exception {
            return fp.of(in.msg, "AES");
        }

        @Override
        String missing(Subject s) {
            String own = super.missing(s);
            if (own == null && s.isSessionKeys() && s.cipherName(KeyFingerprint.CIPHER) == null) {
                own = KeyFingerprint.CIPHER;
            }
            return own != null ? own : s.missingKeyService("AES");
        }
    }

    /** RSA-OAEP: wrap a random AES key (a session key for SessionKeys) with the public key. */
    private static final class OaepExchange extends Exchange {
        private final OAEPParameterSpec params;
        private final KeyPair rsa;
        private final KeyFingerprint fp;

        OaepExchange(String name, String cipher, OAEPParameterSpec params, KeyPair rsa, KeyFingerprint fp) {
            super(name, cipher);
            this.params = params;
            this.rsa = rsa;
            this.fp = fp;
        }

        @Override
        Sample sample(SecureRandom r) {
            return Sample.random(r, AES, 0, false, 1, 0);
        }

        @Override
        byte[] seal(Subject p, Sample in) throws Exception {
            Cipher c = init(p, Cipher.WRAP_MODE, rsa.getPublic());
            return c.wrap(p.key("AES", in.key));
        }

        @Override
        byte[] open(Subject consumer, Sample in, byte[] sealed) throws Exception {
            Cipher c = init(consumer, Cipher.UNWRAP_MODE, rsa.getPrivate());
            return fp.of((SecretKey) c.unwrap(sealed, "AES", Cipher.SECRET_KEY), consumer);
        }

        @Override
        byte[] expected(Sample in) throws Exception {
            return fp.of(in.key, "AES");
        }

        @Override
        String missing(Subject s) {
            String own = super.missing(s);
            if (own == null && s.isSessionKeys() && s.cipherName(KeyFingerprint.CIPHER) == null) {
                own = KeyFingerprint.CIPHER;
            }
            return own != null ? own : s.missingKeyService("AES");
        }

        private Cipher init(Subject s, int mode, Key key) throws Exception {
            Cipher c = Cipher.getInstance(cipher, s.provider());
            if (params == null) {
                c.init(mode, key);
            } else {
                c.init(mode, key, params);
            }
            return c;
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM cannot make RSA keys", e);
        }
    }
}

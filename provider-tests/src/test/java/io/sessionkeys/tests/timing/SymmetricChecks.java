package io.sessionkeys.tests.timing;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyImportSpec;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The timing experiments on AES, GHASH, Poly1305, the AEAD tag checks and PKCS5 unpadding. */
final class SymmetricChecks {

    private final Provider provider;
    private final int base;

    SymmetricChecks(Provider provider, int base) {
        this.provider = provider;
        this.base = base;
    }

    List<TimingCheck> all() throws GeneralSecurityException {
        return List.of(aesPlaintext(), aesKeySchedule(), aad("ghash-aad (AES-GCM)", "AES/GCM/NoPadding", "AES"),
                aad("poly1305-aad (ChaCha20-Poly1305)", "ChaCha20-Poly1305", "ChaCha20"),
                tagCheck("gcm-tag-first-vs-last-byte", "AES/GCM/NoPadding", "AES"),
                tagCheck("chacha20-poly1305-tag-first-vs-last-byte", "ChaCha20-Poly1305", "ChaCha20"),
                // Exempt: a valid padding returns, an invalid one throws (docs/timing.md says why
                // that is visible with or without a clock); the two checks after it are the real ones.
                padding("cbc-pkcs5-valid-vs-invalid", Padding.VALID_FULL_BLOCK, Padding.WRONG_FIRST_PAD_BYTE)
                        .exempt(),
                padding("cbc-pkcs5-invalid-kinds (pad byte 0 vs wrong inner byte)",
                        Padding.ZERO_PAD_BYTE, Padding.WRONG_FIRST_PAD_BYTE),
                padding("cbc-pkcs5-valid-lengths (1 vs 16 pad bytes)", Padding.VALID_ONE_BYTE,
                        Padding.VALID_FULL_BLOCK));
    }

    private SecretKey importKey(String algorithm, byte[] bytes) throws GeneralSecurityException {
        SecretKeyFactory f = SecretKeyFactory.getInstance(algorithm, provider);
        return f.generateSecret(SessionKeyImportSpec.builder()
                .key(new SecretKeySpec(bytes, algorithm))
                .policy(KeyPolicy.builtInDefaults()).build());
    }

    private static byte[] random(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** Fixed (all zero) versus random plaintext, 4 blocks, one key, AES/ECB/NoPadding. */
    private TimingCheck aesPlaintext() throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding", provider);
        c.init(Cipher.ENCRYPT_MODE, importKey("AES", random(new SplittableRandom(1), 16)));
        byte[] out = new byte[64];
        return new Check("aes-block-plaintext", base) {
            @Override
            public Object prepare(boolean classOne, SplittableRandom r) {
                return classOne ? random(r, 64) : new byte[64];
            }

            @Override
            public void measure(Object input) throws Exception {
                c.doFinal((byte[]) input, 0, 64, out, 0);
            }
        };
    }

    /**
     * Fixed versus random key bytes into the key schedule: each measurement imports a new key (not
     * timed) whose first use derives its round keys (timed, with one block).
     */
    private TimingCheck aesKeySchedule() throws GeneralSecurityException {
        byte[] fixed = random(new SplittableRandom(2), 16);
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding", provider);
        byte[] in = new byte[16];
        byte[] out = new byte[16];
        return new Check("aes-key-schedule", base / 2) {
            @Override
            public Object prepare(boolean classOne, SplittableRandom r) throws GeneralSecurityException {
                return importKey("AES", classOne ? random(r, 16) : fixed.clone());
            }

            @Override
            public void measure(Object input) throws Exception {
                c.init(Cipher.ENCRYPT_MODE, (SecretKey) input);
                c.doFinal(in, 0, 16, out, 0);
            }

            @Override
            public void release(Object input) {
                ((SessionKey) input).destroy();
            }
        };
    }

    /** Fixed (zero) versus random 256-byte AAD: the universal hash over data the attacker may know. */
    private TimingCheck aad(String name, String transformation, String keyAlgorithm) throws GeneralSecurityException {
        SecretKey key = importKey(keyAlgorithm, random(new SplittableRandom(3), 32));
        Cipher c = Cipher.getInstance(transformation, provider);
        byte[] out = new byte[16];
        return new Check(name, base) {
            @Override
            public Object prepare(boolean classOne, SplittableRandom r) {
                return classOne ? random(r, 256) : new byte[256];
            }

            @Override
            public void measure(Object input) throws Exception {
                c.init(Cipher.ENCRYPT_MODE, key);
                c.updateAAD((byte[]) input);
                c.doFinal(new byte[0], 0, 0, out, 0);
            }
        };
    }

    /** A forged tag wrong in its first byte versus its last: a short-circuit compare would differ. */
    private TimingCheck tagCheck(String name, String transformation, String keyAlgorithm) throws GeneralSecurityException {
        SecretKey key = importKey(keyAlgorithm, random(new SplittableRandom(4), 32));
        byte[] nonce = random(new SplittableRandom(5), 12);
        AlgorithmParameterSpec spec = keyAlgorithm.equals("AES") ? new GCMParameterSpec(128, nonce)
                : new IvParameterSpec(nonce);
        Cipher enc = Cipher.getInstance(transformation, provider);
        enc.init(Cipher.ENCRYPT_MODE, key, spec);
        byte[] ct = enc.doFinal(new byte[64]);
        Cipher dec = Cipher.getInstance(transformation, provider);
        byte[] out = new byte[ct.length];
        return new Check(name, base) {
            @Override
            public Object prepare(boolean classOne, SplittableRandom r) {
                byte[] forged = ct.clone();
                forged[classOne ? forged.length - 1 : forged.length - 16] ^= (byte) (1 + r.nextInt(255));
                return forged;
            }

            @Override
            public void measure(Object input) throws Exception {
                dec.init(Cipher.DECRYPT_MODE, key, spec);
                try {
                    dec.doFinal((byte[]) input, 0, ct.length, out, 0);
                    throw new IllegalStateException("a forged tag was accepted");
                } catch (AEADBadTagException expected) {
                    // both classes end here
                }
            }
        };
    }

    /** The last plaintext block of a CBC message, before encryption. */
    enum Padding {
        VALID_ONE_BYTE, VALID_FULL_BLOCK, ZERO_PAD_BYTE, WRONG_FIRST_PAD_BYTE;

        byte[] lastBlock(SplittableRandom r) {
            byte[] b = random(r, 16);
            switch (this) {
                case VALID_ONE_BYTE:
                    b[15] = 1;
                    break;
                case VALID_FULL_BLOCK:
                    java.util.Arrays.fill(b, (byte) 16);
                    break;
                case ZERO_PAD_BYTE:
                    b[15] = 0;
                    break;
                default: // a full-block pad whose first byte is wrong: only the last check fails
                    java.util.Arrays.fill(b, (byte) 16);
                    b[0] = 15;
                    break;
            }
            return b;
        }
    }

    /**
     * Two 2-block CBC ciphertexts whose plaintexts end in padding of the two kinds, made by SunJCE
     * with the same key bytes, decrypted by SessionKeys (AES/CBC/PKCS5Padding).
     */
    private Check padding(String name, Padding zero, Padding one) throws GeneralSecurityException {
        byte[] keyBytes = random(new SplittableRandom(6), 16);
        SecretKey key = importKey("AES", keyBytes.clone());
        Cipher sun = Cipher.getInstance("AES/CBC/NoPadding", "SunJCE");
        byte[] iv = random(new SplittableRandom(7), 16);
        Cipher dec = Cipher.getInstance("AES/CBC/PKCS5Padding", provider);
        IvParameterSpec ivSpec = new IvParameterSpec(iv);
        byte[] out = new byte[32];
        return new Check(name, base) {
            @Override
            public Object prepare(boolean classOne, SplittableRandom r) throws GeneralSecurityException {
                byte[] plain = new byte[32];
                System.arraycopy(random(r, 16), 0, plain, 0, 16);
                System.arraycopy((classOne ? one : zero).lastBlock(r), 0, plain, 16, 16);
                sun.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"), ivSpec);
                return sun.doFinal(plain);
            }

            @Override
            public void measure(Object input) throws Exception {
                dec.init(Cipher.DECRYPT_MODE, key, ivSpec);
                try {
                    dec.doFinal((byte[]) input, 0, 32, out, 0);
                } catch (BadPaddingException invalid) {
                    // the invalid class ends here
                }
            }
        };
    }

    /** Name, measurement count and role; subclasses give the operation. */
    abstract static class Check implements TimingCheck {
        private final String name;
        private final int measurements;
        private Role role = Role.CHECKED;

        Check(String name, int measurements) {
            this.name = name;
            this.measurements = measurements;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int measurements() {
            return measurements;
        }

        @Override
        public Role role() {
            return role;
        }

        Check exempt() {
            role = Role.EXEMPT;
            return this;
        }
    }
}

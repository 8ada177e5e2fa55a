package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Damaged ciphertexts, tags and key-wrap blobs, decrypted in every buffer form: only checked
 * exceptions ({@code AEADBadTagException}, {@code BadPaddingException},
 * {@code IllegalBlockSizeException}, {@code ShortBufferException}), no output from a failed call, an
 * authenticated mode never accepts a damaged message, an intact one decrypts to the plaintext, and
 * no exception message carries key material.
 */
class HostileCiphertextProperties {

    /** transformation, key algorithm, key sizes, whether it authenticates, plaintext unit. */
    enum Service {
        GCM("AES/GCM/NoPadding", "AES", true, 1, 16, 24, 32),
        GCM_128("AES_128/GCM/NoPadding", "AES", true, 1, 16),
        GCM_256("AES_256/GCM/NoPadding", "AES", true, 1, 32),
        CHACHA20_POLY1305("ChaCha20-Poly1305", "ChaCha20", true, 1, 32),
        CTR("AES/CTR/NoPadding", "AES", false, 1, 16, 32),
        CBC("AES/CBC/NoPadding", "AES", false, 16, 16, 24),
        CBC_PKCS5("AES/CBC/PKCS5Padding", "AES", false, 1, 16, 32),
        ECB("AES/ECB/NoPadding", "AES", false, 16, 16),
        ECB_PKCS5("AES/ECB/PKCS5Padding", "AES", false, 1, 24),
        AES("AES", "AES", false, 1, 32),
        KW("AES/KW/NoPadding", "AES", true, 8, 16, 32),
        KW_PKCS5("AES/KW/PKCS5Padding", "AES", true, 1, 16),
        KWP("AES/KWP/NoPadding", "AES", true, 1, 24, 32);

        final String transformation;
        final String keyAlgorithm;
        final boolean authenticates;
        final int unit;
        final int[] keySizes;

        Service(String transformation, String keyAlgorithm, boolean authenticates, int unit, int... keySizes) {
            this.transformation = transformation;
            this.keyAlgorithm = keyAlgorithm;
            this.authenticates = authenticates;
            this.unit = unit;
            this.keySizes = keySizes;
        }

        int plaintextLength(int wanted) {
            int n = wanted - wanted % unit;
            return this == KW ? Math.max(16, n) : this == KWP ? Math.max(1, n) : this == KW_PKCS5 ? Math.max(8, n) : n;
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 400)
    void decrypt_damagedCiphertext_onlyCheckedExceptionsNoOutputNoKeyInMessages(@ForAll Service service,
            @ForAll Mutation mutation, @ForAll CipherForm form, @ForAll @IntRange(max = 70) int wanted,
            @ForAll("seeds") long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] raw = new byte[service.keySizes[r.nextInt(service.keySizes.length)]];
        r.nextBytes(raw);
        byte[] plain = new byte[service.plaintextLength(wanted)];
        r.nextBytes(plain);
        Cipher enc = Cipher.getInstance(service.transformation, Hostile.PROVIDER);
        if (service.transformation.contains("GCM") && r.nextBoolean()) {
            // A caller's nonce of an unusual length and a short tag: the tag check must still hold.
            byte[] nonce = new byte[new int[] {1, 8, 12, 16, 60}[r.nextInt(5)]];
            r.nextBytes(nonce);
            enc.init(Cipher.ENCRYPT_MODE, Hostile.importKey(service.keyAlgorithm, raw),
                    new GCMParameterSpec(new int[] {96, 104, 112, 120, 128}[r.nextInt(5)], nonce));
        } else {
            enc.init(Cipher.ENCRYPT_MODE, Hostile.importKey(service.keyAlgorithm, raw));
        }
        byte[] ct = enc.doFinal(plain);
        AlgorithmParameters params = enc.getParameters();

        Cipher dec = Cipher.getInstance(service.transformation, Hostile.PROVIDER);
        SecretKey key = Hostile.importKey(service.keyAlgorithm, raw);
        dec.init(Cipher.DECRYPT_MODE, key, params);
        assertArrayEquals(plain, form.run(dec, ct, r), "an intact message did not decrypt");

        byte[] damaged = mutation.apply(ct, r);
        try {
            form.run(dec, damaged, r);
            if (service.authenticates) {
                fail(service.transformation + " accepted a damaged message (" + mutation + ")");
            }
        } catch (Exception | Error e) {
            if (e instanceof AssertionError) {
                throw e;
            }
            Hostile.assertAllowed(e, new byte[][] {raw}, GeneralSecurityException.class);
        }
        // After a failure the object may need a reset (Cipher's javadoc): init again, then it works.
        dec.init(Cipher.DECRYPT_MODE, key, params);
        assertArrayEquals(plain, form.run(dec, ct, r), "the cipher was left unusable by a failure");
        Arrays.fill(raw, (byte) 0);
    }
}

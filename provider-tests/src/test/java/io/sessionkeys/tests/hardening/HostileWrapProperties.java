package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyUnwrapSpec;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Damaged wrapped keys for every AES-KW, AES-KWP and RSA-OAEP variant, and unwrapping under the
 * wrong key: {@code unwrap} fails with {@code InvalidKeyException} (or
 * {@code NoSuchAlgorithmException} for a bad algorithm name) and nothing else, never returns a key
 * from a damaged blob, and names no byte of the KEK or of the wrapped key.
 */
class HostileWrapProperties {

    private static KeyPair rsa;
    private static KeyPair otherRsa;

    /** Two RSA-2048 pairs, made once: generation is slow on a loaded machine. */
    private static synchronized KeyPair[] rsaPairs() throws Exception {
        if (rsa == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            rsa = g.generateKeyPair();
            otherRsa = g.generateKeyPair();
        }
        return new KeyPair[] {rsa, otherRsa};
    }

    @Provide
    Arbitrary<String> aesWrappers() {
        return Arbitraries.of("AES/KW/NoPadding", "AES/KW/PKCS5Padding", "AES/KWP/NoPadding", "AESWrap", "AESWrapPad",
                "AES_128/KW/NoPadding", "AES_192/KW/PKCS5Padding", "AES_256/KWP/NoPadding", "AESWrap_256",
                "AESWrapPad_128");
    }

    @Provide
    Arbitrary<String> oaepWrappers() {
        return Arbitraries.of("RSA/ECB/OAEPPadding", "RSA/ECB/OAEPWithSHA-1AndMGF1Padding",
                "RSA/ECB/OAEPWithSHA1AndMGF1Padding", "RSA/ECB/OAEPWithSHA-256AndMGF1Padding",
                "RSA/ECB/OAEPWithSHA-384AndMGF1Padding", "RSA/ECB/OAEPWithSHA-512AndMGF1Padding");
    }

    @Provide
    Arbitrary<String> wrappedAlgorithms() {
        return Arbitraries.of("AES", "ChaCha20", "HmacSHA256", "HmacSHA512");
    }

    private static int kekBytes(String transformation, SplittableRandom r) {
        if (transformation.contains("128")) {
            return 16;
        }
        if (transformation.contains("192")) {
            return 24;
        }
        if (transformation.contains("256")) {
            return 32;
        }
        return new int[] {16, 24, 32}[r.nextInt(3)];
    }

    private static int wrappedBytes(String algorithm, SplittableRandom r) {
        return algorithm.equals("AES") ? new int[] {16, 24, 32}[r.nextInt(3)]
                : algorithm.equals("ChaCha20") ? 32 : 16 + r.nextInt(60);
    }

    @Property(tries = 300)
    void unwrap_damagedAesBlobOrWrongKek_invalidKeyOnlyAndNoMaterialInMessages(
            @ForAll("aesWrappers") String transformation, @ForAll("wrappedAlgorithms") String algorithm,
            @ForAll Mutation mutation, @ForAll boolean wrongKek, @ForAll long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] kek = new byte[kekBytes(transformation, r)];
        r.nextBytes(kek);
        byte[] raw = new byte[wrappedBytes(algorithm, r)];
        r.nextBytes(raw);
        if (algorithm.startsWith("Hmac") && transformation.contains("KW/NoPadding") || transformation.equals("AESWrap")
                || transformation.equals("AESWrap_256")) {
            raw = new byte[(raw.length / 8) * 8]; // KW without padding takes whole semiblocks
            r.nextBytes(raw);
        }
        byte[] other = kek.clone();
        other[r.nextInt(other.length)] ^= 1;
        byte[][] secrets = {kek, other, raw};
        attack(transformation, algorithm, new SecretKeySpec(kek, "AES"), Hostile.importKey("AES", kek),
                new SecretKeySpec(other, "AES"), raw, secrets, mutation, wrongKek, r);
    }

    @Property(tries = 60)
    void unwrap_damagedOaepBlobOrWrongPrivateKey_invalidKeyOnlyAndNoMaterialInMessages(
            @ForAll("oaepWrappers") String transformation, @ForAll("wrappedAlgorithms") String algorithm,
            @ForAll Mutation mutation, @ForAll boolean wrongKey, @ForAll long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        KeyPair[] pairs = rsaPairs();
        byte[] raw = new byte[wrappedBytes(algorithm, r)];
        r.nextBytes(raw);
        attack(transformation, algorithm, pairs[0].getPrivate(), pairs[0].getPublic(), pairs[1].getPrivate(), raw,
                new byte[][] {raw}, mutation, wrongKey, r);
    }

    /**
     * Wraps a session key made from {@code raw} under {@code wrapKey}, damages the blob (or keeps it
     * and unwraps with {@code wrongUnwrapKey}), and checks the unwrap fails as documented.
     */
    private static void attack(String transformation, String algorithm, Key unwrapKey, Key wrapKey, Key wrongUnwrapKey,
            byte[] raw, byte[][] secrets, Mutation mutation, boolean wrongKey, SplittableRandom r) throws Exception {
        SessionKey victim = Hostile.importKey(algorithm, raw);
        Cipher wrap = Cipher.getInstance(transformation, Hostile.PROVIDER);
        wrap.init(Cipher.WRAP_MODE, wrapKey);
        byte[] blob = wrap.wrap(victim);

        Cipher unwrap = Cipher.getInstance(transformation, Hostile.PROVIDER);
        SessionKeyUnwrapSpec spec = SessionKeyUnwrapSpec.builder()
                .policy(KeyPolicy.builder().plaintextExportable(true).build()).build();
        unwrap.init(Cipher.UNWRAP_MODE, unwrapKey, spec);
        SessionKey back = (SessionKey) unwrap.unwrap(blob, algorithm, Cipher.SECRET_KEY);
        assertEquals(java.util.HexFormat.of().formatHex(raw), java.util.HexFormat.of().formatHex(back.getEncoded()));
        back.destroy();

        byte[] damaged = wrongKey ? blob : mutation.apply(blob, r);
        unwrap.init(Cipher.UNWRAP_MODE, wrongKey ? wrongUnwrapKey : unwrapKey, spec);
        try {
            SessionKey k = (SessionKey) unwrap.unwrap(damaged, algorithm, Cipher.SECRET_KEY);
            k.destroy();
            fail(transformation + " unwrapped a " + (wrongKey ? "blob under the wrong key" : "damaged blob (" + mutation + ")"));
        } catch (InvalidKeyException | NoSuchAlgorithmException e) {
            Hostile.assertAllowed(e, secrets, InvalidKeyException.class, NoSuchAlgorithmException.class);
        } catch (RuntimeException e) {
            Hostile.assertAllowed(e, secrets); // no unchecked exception is allowed: this fails
        }
        victim.destroy();
    }
}

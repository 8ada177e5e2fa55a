package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyDerivationSpec;
import java.security.InvalidAlgorithmParameterException;
import java.util.SplittableRandom;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * HKDF derivation specs with every field wrong in turn (input keys of the wrong kind, destroyed or
 * foreign; empty or huge salts and infos; unknown algorithms; sizes negative, odd, or past
 * 255 × HashLen; extract-only and expand-only): {@code init} accepts and {@code generateKey} gives a
 * key of the size asked, or {@code init} refuses with {@code InvalidAlgorithmParameterException}
 * (docs/mac-kdf.md). Nothing else, and no byte of the input key in a message.
 */
class HostileDerivationProperties {

    private static final String[] ALGORITHMS = {"AES", "ChaCha20", "HmacSHA256", "HmacSHA512", "DES", "RSA", "",
        "aes", "HKDF-SHA256"};
    private static final int[] SIZES = {-8, 0, 1, 7, 8, 128, 192, 256, 257, 512, 1024, 8160, 8168, 16320,
        Integer.MAX_VALUE, Integer.MIN_VALUE};

    @Property(tries = 400)
    void hkdf_hostileSpecs_keyOfTheAskedSizeOrInvalidAlgorithmParameter(@ForAll long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        String kdf = new String[] {"HKDF-SHA256", "HKDF-SHA384", "HKDF-SHA512"}[r.nextInt(3)];
        byte[] raw = new byte[1 + r.nextInt(80)];
        r.nextBytes(raw);
        SessionKeyDerivationSpec.Builder b = SessionKeyDerivationSpec.builder();
        switch (r.nextInt(6)) {
            case 0:
                b.input(raw.clone());
                break;
            case 1:
                b.input(new byte[0]);
                break;
            case 2:
                b.input(new SecretKeySpec(raw, "HmacSHA256")); // a foreign key
                break;
            case 3: {
                SessionKey destroyed = Hostile.importKey("HmacSHA256", raw);
                destroyed.destroy();
                b.input(destroyed);
                break;
            }
            case 4:
                b.input(r.nextBoolean() ? Hostile.importKey("HmacSHA256", raw)
                        : Hostile.importKey("AES", java.util.Arrays.copyOf(raw, 16)));
                break;
            default:
                b.input(sessionKeyUnderPolicy(raw, KeyPolicy.builder().wrappable(r.nextBoolean()).build()));
                break;
        }
        if (r.nextBoolean()) {
            byte[] salt = new byte[r.nextInt(300)];
            r.nextBytes(salt);
            b.salt(salt);
        }
        if (r.nextBoolean()) {
            byte[] info = new byte[r.nextInt(3) == 0 ? 70_000 : r.nextInt(100)];
            r.nextBytes(info);
            b.info(info);
        }
        int mode = r.nextInt(4);
        if (mode == 1) {
            b.extractOnly();
        } else if (mode == 2) {
            b.expandOnly();
        }
        String algorithm = ALGORITHMS[r.nextInt(ALGORITHMS.length)];
        int size = SIZES[r.nextInt(SIZES.length)];
        b.key(algorithm, size);
        SessionKeyDerivationSpec spec;
        try {
            spec = b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Hostile.assertAllowed(e, new byte[][] {raw}, IllegalArgumentException.class, IllegalStateException.class);
            return;
        }
        KeyGenerator g = KeyGenerator.getInstance(kdf, Hostile.PROVIDER);
        try {
            g.init(spec);
        } catch (InvalidAlgorithmParameterException | RuntimeException e) {
            Hostile.assertAllowed(e, new byte[][] {raw}, InvalidAlgorithmParameterException.class);
            return;
        }
        SecretKey derived = g.generateKey();
        assertTrue(algorithm.equalsIgnoreCase(derived.getAlgorithm()), derived.getAlgorithm()); // names are canonical
        assertEquals(size, ((SessionKey) derived).keySizeBits());
        ((SessionKey) derived).destroy();
    }

    private static SessionKey sessionKeyUnderPolicy(byte[] raw, KeyPolicy policy) throws Exception {
        javax.crypto.SecretKeyFactory f = javax.crypto.SecretKeyFactory.getInstance("HmacSHA256", Hostile.PROVIDER);
        return (SessionKey) f.generateSecret(io.sessionkeys.SessionKeyImportSpec.builder()
                .key(new SecretKeySpec(raw, "HmacSHA256")).policy(policy).build());
    }
}

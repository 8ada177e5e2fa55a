package io.sessionkeys.tests.kdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyDerivationSpec;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.Test;

/** HKDF through {@code KeyGenerator.getInstance("HKDF-SHA256", "SessionKeys")}: the route on every JDK. */
class HkdfKeyGeneratorTest {

    private static final KeyPolicy EXPORTABLE = KeyPolicy.builder().plaintextExportable(true).build();
    private static final HexFormat HEX = HexFormat.of();

    private final SessionKeysProvider provider = new SessionKeysProvider();

    private SecretKey derive(String hkdf, SessionKeyDerivationSpec spec) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance(hkdf, provider);
        generator.init(spec);
        return generator.generateKey();
    }

    private SecretKey importSecret(byte[] raw, KeyPolicy policy) throws Exception {
        return SecretKeyFactory.getInstance("HmacSHA256", provider)
                .generateSecret(SessionKeyImportSpec.builder()
                        .key(new SecretKeySpec(raw, "HmacSHA256"))
                        .policy(policy).build());
    }

    private static byte[] bouncyCastle(String hkdf, byte[] ikm, byte[] salt, byte[] info, int length) {
        Digest digest = hkdf.endsWith("256") ? new SHA256Digest()
                : hkdf.endsWith("384") ? new SHA384Digest() : new SHA512Digest();
        HKDFBytesGenerator generator = new HKDFBytesGenerator(digest);
        generator.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }

    @Provide
    Arbitrary<String> hkdfs() {
        return Arbitraries.of("HKDF-SHA256", "HKDF-SHA384", "HKDF-SHA512");
    }

    @Property(tries = 60)
    void generateKey_sessionKeyInput_matchesBouncyCastle(@ForAll("hkdfs") String hkdf,
            @ForAll @Size(min = 1, max = 100) byte[] ikm, @ForAll @Size(max = 40) byte[] salt,
            @ForAll @Size(max = 40) byte[] info) throws Exception {
        SecretKey shared = importSecret(ikm, EXPORTABLE);
        SecretKey derived = derive(hkdf, SessionKeyDerivationSpec.builder().input(shared).salt(salt).info(info)
                .key("AES", 256).policy(EXPORTABLE).build());

        assertTrue(derived instanceof SessionKey);
        assertEquals("AES", derived.getAlgorithm());
        assertArrayEquals(bouncyCastle(hkdf, ikm, salt, info, 32), derived.getEncoded());
        derived.destroy();
        shared.destroy();
    }

    @Test
    void generateKey_derivedHmacKey_macsLikeTheBytesBouncyCastleDerives() throws Exception {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
        SecretKey derived = derive("HKDF-SHA256", SessionKeyDerivationSpec.builder().input(ikm).salt(salt).info(info)
                .key("HmacSHA256", 42 * 8).build());
        assertEquals(null, derived.getEncoded(), "the default policy keeps it unexportable");

        Mac ours = Mac.getInstance("HmacSHA256", provider);
        ours.init(derived);
        Mac sun = Mac.getInstance("HmacSHA256", "SunJCE");
        sun.init(new SecretKeySpec(HEX.parseHex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865"), "HmacSHA256")); // RFC 5869 A.1 OKM
        assertArrayEquals(sun.doFinal(info), ours.doFinal(info));
    }

    @Test
    void generateKey_extractOnlyThenExpandOnly_equalsExtractThenExpand() throws Exception {
        byte[] ikm = new byte[40];
        byte[] info = {1, 2, 3};
        SecretKey prk = derive("HKDF-SHA512", SessionKeyDerivationSpec.builder().input(ikm).extractOnly().policy(EXPORTABLE)
                .key("HmacSHA512", 512).build());
        SecretKey viaPrk = derive("HKDF-SHA512", SessionKeyDerivationSpec.builder().input(prk).expandOnly().info(info)
                .key("ChaCha20", 256).policy(EXPORTABLE).build());
        SecretKey direct = derive("HKDF-SHA512", SessionKeyDerivationSpec.builder().input(ikm).info(info)
                .key("ChaCha20", 256).policy(EXPORTABLE).build());
        assertArrayEquals(direct.getEncoded(), viaPrk.getEncoded());
        assertArrayEquals(bouncyCastle("HKDF-SHA512", ikm, new byte[0], info, 32), direct.getEncoded());
    }

    @Test
    void generateKey_givenPolicyAndScope_derivedKeyCarriesThem() throws Exception {
        KeyPolicy policy = KeyPolicy.builder().lifetime(Duration.ofMinutes(30)).maxEncryptions(1000).build();
        try (KeyScope scope = KeyScope.open()) {
            SessionKey derived = (SessionKey) derive("HKDF-SHA384", SessionKeyDerivationSpec.builder()
                    .input(new byte[32]).key("AES", 128).policy(policy).scope(scope).build());
            assertEquals(policy, derived.policy());
            assertEquals(128, derived.keySizeBits());
            scope.close();
            assertEquals(DestroyReason.SCOPE_CLOSED, derived.destroyReason().orElseThrow());
        }
    }

    @Test
    void generateKey_noPolicy_derivedKeyGetsTheConfiguredDefault() throws Exception {
        SessionKey derived = (SessionKey) derive("HKDF-SHA256", SessionKeyDerivationSpec.builder()
                .input(new byte[32]).key("AES", 256).build());
        assertEquals(provider.defaultPolicy(), derived.policy());
    }

    @Test
    void init_inputForbidsPlaintextExport_derivedPolicyAllowingItRefused() throws Exception {
        SecretKey shared = importSecret(new byte[32], KeyPolicy.builtInDefaults());
        KeyGenerator generator = KeyGenerator.getInstance("HKDF-SHA256", provider);
        InvalidAlgorithmParameterException refused = assertThrows(InvalidAlgorithmParameterException.class,
                () -> generator.init(SessionKeyDerivationSpec.builder().input(shared).key("AES", 256)
                        .policy(EXPORTABLE).build()));
        assertTrue(refused.getMessage().contains("plaintext export"), refused.getMessage());
    }

    @Test
    void init_inputKeyDestroyed_refusedNamingTheReason() throws Exception {
        SecretKey shared = importSecret(new byte[32], null);
        shared.destroy();
        KeyGenerator generator = KeyGenerator.getInstance("HKDF-SHA256", provider);
        InvalidAlgorithmParameterException refused = assertThrows(InvalidAlgorithmParameterException.class,
                () -> generator.init(SessionKeyDerivationSpec.builder().input(shared).key("AES", 256).build()));
        assertTrue(refused.getMessage().contains(DestroyReason.EXPLICIT.explanation()), refused.getMessage());
    }

    @Test
    void generateKey_inputDestroyedAfterInit_refused() throws Exception {
        SecretKey shared = importSecret(new byte[32], null);
        KeyGenerator generator = KeyGenerator.getInstance("HKDF-SHA256", provider);
        generator.init(SessionKeyDerivationSpec.builder().input(shared).key("AES", 256).build());
        shared.destroy();
        assertThrows(IllegalStateException.class, generator::generateKey);
    }

    @Test
    void init_badRequests_refusedWithTheReason() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("HKDF-SHA256", provider);
        assertThrows(InvalidParameterException.class, () -> generator.init(256));
        assertThrows(IllegalStateException.class, generator::generateKey);
        InvalidAlgorithmParameterException unknown = assertThrows(InvalidAlgorithmParameterException.class,
                () -> generator.init(SessionKeyDerivationSpec.builder().input(new byte[8]).key("DES", 64).build()));
        assertTrue(unknown.getMessage().contains("AES"), unknown.getMessage());
        assertThrows(InvalidAlgorithmParameterException.class,
                () -> generator.init(SessionKeyDerivationSpec.builder().input(new byte[8]).key("AES", 100).build()));
        assertThrows(InvalidAlgorithmParameterException.class, () -> generator.init(SessionKeyDerivationSpec.builder()
                .input(new byte[8]).key("HmacSHA256", 8 * (255 * 32 + 1)).build()));
        assertThrows(InvalidAlgorithmParameterException.class, () -> generator.init(SessionKeyDerivationSpec.builder()
                .input(new byte[8]).extractOnly().key("AES", 128).build()));
    }

    @Test
    void generateKey_foreignRawKeyInput_readsItsEncoding() throws Exception {
        byte[] ikm = new byte[24];
        SecretKey derived = derive("HKDF-SHA256", SessionKeyDerivationSpec.builder()
                .input(new SecretKeySpec(ikm, "Generic")).key("AES", 256).policy(EXPORTABLE).build());
        assertArrayEquals(bouncyCastle("HKDF-SHA256", ikm, new byte[0], new byte[0], 32), derived.getEncoded());
        assertSame(derived.getClass(), derive("HKDF-SHA256", SessionKeyDerivationSpec.builder().input(ikm)
                .key("AES", 256).build()).getClass());
    }
}

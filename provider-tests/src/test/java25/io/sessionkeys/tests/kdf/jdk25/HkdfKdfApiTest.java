package io.sessionkeys.tests.kdf.jdk25;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeyKdfParameters;
import io.sessionkeys.SessionKeysProvider;
import java.security.InvalidAlgorithmParameterException;
import java.security.Security;
import java.time.Duration;
import javax.crypto.KDF;
import javax.crypto.KDFParameters;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** HKDF through the standard JDK 25 {@code javax.crypto.KDF} API, checked against SunJCE's HKDF. */
class HkdfKdfApiTest {

    private static final KeyPolicy EXPORTABLE = KeyPolicy.builder().plaintextExportable(true).build();

    private final SessionKeysProvider provider = new SessionKeysProvider();

    @Provide
    Arbitrary<String> hkdfs() {
        return Arbitraries.of("HKDF-SHA256", "HKDF-SHA384", "HKDF-SHA512");
    }

    private SecretKey importSecret(byte[] raw, KeyPolicy policy) throws Exception {
        return SecretKeyFactory.getInstance("HmacSHA256", provider)
                .generateSecret(SessionKeyImportSpec.builder()
                        .key(new SecretKeySpec(raw, "HmacSHA256"))
                        .policy(policy).build());
    }

    @Property(tries = 60)
    void deriveKey_extractThenExpandFromASessionKey_matchesSunJce(@ForAll("hkdfs") String hkdf,
            @ForAll @Size(min = 1, max = 100) byte[] ikm, @ForAll @Size(max = 40) byte[] salt,
            @ForAll @Size(max = 40) byte[] info) throws Exception {
        SecretKey shared = importSecret(ikm, EXPORTABLE);
        KDF ours = KDF.getInstance(hkdf, SessionKeyKdfParameters.builder().policy(EXPORTABLE).build(), provider);
        SecretKey derived = ours.deriveKey("AES", HKDFParameterSpec.ofExtract().addIKM(shared).addSalt(salt)
                .thenExpand(info, 32));

        byte[] expected = KDF.getInstance(hkdf, "SunJCE").deriveData(HKDFParameterSpec.ofExtract()
                .addIKM(ikm).addSalt(salt).thenExpand(info, 32));
        assertTrue(derived instanceof SessionKey, derived.getClass().getName());
        assertEquals("AES", derived.getAlgorithm());
        assertArrayEquals(expected, derived.getEncoded());
        derived.destroy();
        shared.destroy();
    }

    @Property(tries = 60)
    void deriveData_allThreeModesFromBytes_matchSunJce(@ForAll("hkdfs") String hkdf,
            @ForAll @Size(min = 1, max = 100) byte[] ikm, @ForAll @Size(max = 40) byte[] salt,
            @ForAll @Size(max = 40) byte[] info, @ForAll @IntRange(min = 1, max = 600) int length) throws Exception {
        KDF ours = KDF.getInstance(hkdf, provider);
        KDF sun = KDF.getInstance(hkdf, "SunJCE");
        HKDFParameterSpec.Extract extract = HKDFParameterSpec.ofExtract().addIKM(ikm).addSalt(salt).extractOnly();
        byte[] prk = sun.deriveData(extract);
        assertArrayEquals(prk, ours.deriveData(extract));
        HKDFParameterSpec both = HKDFParameterSpec.ofExtract().addIKM(ikm).addIKM(salt).addSalt(salt).addSalt(ikm)
                .thenExpand(info, length);
        assertArrayEquals(sun.deriveData(both), ours.deriveData(both));
        HKDFParameterSpec expand = HKDFParameterSpec.expandOnly(new SecretKeySpec(prk, "Generic"), info, length);
        assertArrayEquals(sun.deriveData(expand), ours.deriveData(expand));
    }

    @Test
    void deriveKey_expandOnlyFromASessionKeyPrk_matchesSunJce() throws Exception {
        byte[] prk = new byte[32];
        prk[0] = 7;
        SecretKey sessionPrk = importSecret(prk, null);
        byte[] info = {1, 2, 3};
        SecretKey derived = KDF.getInstance("HKDF-SHA256", provider)
                .deriveKey("HmacSHA256", HKDFParameterSpec.expandOnly(sessionPrk, info, 48));
        byte[] expected = KDF.getInstance("HKDF-SHA256", "SunJCE")
                .deriveData(HKDFParameterSpec.expandOnly(new SecretKeySpec(prk, "Generic"), info, 48));

        Mac ours = Mac.getInstance("HmacSHA256", provider);
        ours.init(derived);
        Mac sun = Mac.getInstance("HmacSHA256", "SunJCE");
        sun.init(new SecretKeySpec(expected, "HmacSHA256"));
        assertArrayEquals(sun.doFinal(info), ours.doFinal(info));
    }

    @Test
    void deriveKey_withSessionKeyKdfParameters_derivedKeyCarriesThePolicy() throws Exception {
        KeyPolicy policy = KeyPolicy.builder().lifetime(Duration.ofMinutes(10)).wrappable(false).build();
        KDF kdf = KDF.getInstance("HKDF-SHA384", SessionKeyKdfParameters.builder().policy(policy).build(), provider);
        SessionKey derived = (SessionKey) kdf.deriveKey("ChaCha20",
                HKDFParameterSpec.ofExtract().addIKM(new byte[48]).thenExpand(new byte[0], 32));
        assertEquals(policy, derived.policy());
        assertEquals(256, derived.keySizeBits());
        assertSame(SessionKeyKdfParameters.class, kdf.getParameters().getClass());
    }

    @Test
    void deriveKey_fromASessionKeyWithoutParameters_derivedKeyGetsTheConfiguredDefault() throws Exception {
        SecretKey shared = importSecret(new byte[32], KeyPolicy.builtInDefaults());
        SessionKey derived = (SessionKey) KDF.getInstance("HKDF-SHA256", provider).deriveKey("AES",
                HKDFParameterSpec.ofExtract().addIKM(shared).thenExpand(new byte[0], 16));
        assertEquals(provider.defaultPolicy(), derived.policy());
        assertNull(derived.getEncoded());
    }

    @Test
    void deriveKeyAndData_noSessionKeyAmongTheInputs_passedOnToSunJceEvenWhenNamed() throws Exception {
        HKDFParameterSpec spec = HKDFParameterSpec.ofExtract().addIKM(new SecretKeySpec(new byte[16], "Generic"))
                .addSalt(new byte[5]).thenExpand(new byte[] {1}, 16);
        KDF ours = KDF.getInstance("HKDF-SHA256", provider);
        KDF sun = KDF.getInstance("HKDF-SHA256", "SunJCE");
        SecretKey key = ours.deriveKey("AES", spec);
        assertEquals(sun.deriveKey("AES", spec), key);
        assertEquals(SecretKeySpec.class, key.getClass());
        assertArrayEquals(sun.deriveData(spec), ours.deriveData(spec));
        assertEquals("SessionKeys", ours.getProviderName());
    }

    @Test
    void deriveData_fromASessionKeyThatForbidsPlaintextExport_refused() throws Exception {
        SecretKey shared = importSecret(new byte[32], KeyPolicy.builtInDefaults());
        KDF kdf = KDF.getInstance("HKDF-SHA256", provider);
        InvalidAlgorithmParameterException refused = assertThrows(InvalidAlgorithmParameterException.class,
                () -> kdf.deriveData(HKDFParameterSpec.ofExtract().addIKM(shared).thenExpand(new byte[0], 32)));
        assertTrue(String.valueOf(refused.getCause()).contains("deriveKey"), String.valueOf(refused.getCause()));
    }

    @Test
    void getInstance_foreignKdfParameters_refused() {
        KDFParameters foreign = new KDFParameters() { };
        assertThrows(InvalidAlgorithmParameterException.class, () -> KDF.getInstance("HKDF-SHA256", foreign, provider));
    }

    @Test
    void sessionKeysFirst_plainInputsGetSunJcesKey_sessionKeyInputGetsASessionKey() throws Exception {
        Security.insertProviderAt(provider, 1);
        try {
            HKDFParameterSpec plain = HKDFParameterSpec.ofExtract().addIKM(new byte[32]).thenExpand(new byte[0], 32);
            KDF first = KDF.getInstance("HKDF-SHA256");
            SecretKey theirs = first.deriveKey("AES", plain);
            assertEquals(KDF.getInstance("HKDF-SHA256", "SunJCE").deriveKey("AES", plain), theirs);
            assertEquals(SecretKeySpec.class, theirs.getClass());

            // the same KDF object, now holding SessionKeys, still derives from a session key
            HKDFParameterSpec fromSession = HKDFParameterSpec.ofExtract()
                    .addIKM(importSecret(new byte[32], KeyPolicy.builtInDefaults())).thenExpand(new byte[0], 32);
            assertTrue(first.deriveKey("AES", fromSession) instanceof SessionKey);
            assertEquals("SessionKeys", first.getProviderName());

            KDF other = KDF.getInstance("HKDF-SHA256");
            assertTrue(other.deriveKey("AES", fromSession) instanceof SessionKey);
        } finally {
            Security.removeProvider(provider.getName());
        }
    }

    @Test
    void deriveData_fromAReadableSessionKey_recordedAsAPlaintextExport() throws Exception {
        SecretKey shared = importSecret(new byte[32], KeyPolicy.builder().plaintextExportable(true).build());
        KDF.getInstance("HKDF-SHA256", provider).deriveData(
                HKDFParameterSpec.ofExtract().addIKM(shared).thenExpand(new byte[0], 12));
        assertEquals("HKDF deriveData", ((SessionKey) shared).exports().get(0).method());
    }
}

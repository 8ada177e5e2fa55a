package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.Attempt;
import io.sessionkeys.conformance.run.Checker;
import io.sessionkeys.conformance.run.DataPath;
import io.sessionkeys.conformance.run.Judge;
import io.sessionkeys.conformance.subject.KeyFingerprint;
import io.sessionkeys.conformance.subject.Subject;
import io.sessionkeys.conformance.vectors.VectorSource;
import io.sessionkeys.conformance.vectors.WycheproofFile;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * HKDF through {@code javax.crypto.KDF} (JDK 25): {@code deriveData} must give exactly
 * {@code okm}, and {@code deriveKey} a key with exactly those bytes (compared by
 * {@link KeyFingerprint}): an AES key where {@code okm} is 16, 24 or 32 bytes, for SessionKeys an
 * HMAC key of any other length. For SessionKeys the input keying material is also given as a
 * session key (imported through the route as an HMAC key of the same hash), with
 * {@code deriveKey} only: SessionKeys refuses {@code deriveData} from a session key whose policy
 * forbids plaintext export. Asking for more than 255 × HashLen bytes must be refused.
 */
final class HkdfChecker implements Checker<HkdfCase> {

    private final String kdfName;
    private final String ikmKeyAlgorithm;
    private final KeyFingerprint fingerprint = new KeyFingerprint();

    /** @param kdfName e.g. {@code HKDF-SHA256}; @param ikmKeyAlgorithm e.g. {@code HmacSHA256} */
    HkdfChecker(String kdfName, String ikmKeyAlgorithm) {
        this.kdfName = kdfName;
        this.ikmKeyAlgorithm = ikmKeyAlgorithm;
    }

    static List<HkdfCase> wycheproof(VectorSource source, String fileName) throws IOException {
        List<HkdfCase> cases = new ArrayList<>();
        for (WycheproofFile.Test t : WycheproofFile.load(source, fileName, "hkdf_test_schema_v1.json").tests()) {
            cases.add(new HkdfCase(t.describe(), t.expectation, t.test.hex("ikm"), t.test.hex("salt"),
                    t.test.hex("info"), t.test.integer("size"), t.test.hex("okm")));
        }
        return cases;
    }

    @Override
    public String missing(Subject s) {
        if (!s.has("KDF", kdfName)) {
            return "KDF " + kdfName;
        }
        return s.isSessionKeys() && s.cipherName(KeyFingerprint.CIPHER) == null
                ? "Cipher " + KeyFingerprint.CIPHER + " (to compare derived keys)" : null;
    }

    @Override
    public String missingOnThisJdk() {
        return KdfApi.available() ? null : "javax.crypto.KDF (JDK 25)";
    }

    @Override
    public String note(Subject s) {
        return "";
    }

    @Override
    public CaseResult check(HkdfCase c, Subject s, Set<DataPath> paths) {
        Judge judge = new Judge(c.id, c.expectation, false);
        byte[] expectedOkm = c.expectation == Expectation.INVALID ? null : c.okm;
        judge.check("deriveData", derive(c, s, false, null), expectedOkm);
        String keyAlgorithm = derivedKeyAlgorithm(c.size, s);
        if (keyAlgorithm == null) {
            return judge.result();
        }
        byte[] expected;
        try {
            expected = expectedOkm == null ? null : fingerprint.of(c.okm, keyAlgorithm);
        } catch (GeneralSecurityException e) {
            return judge.fail("SunJCE could not fingerprint the expected key: " + e).result();
        }
        judge.check("deriveKey(" + keyAlgorithm + ")", derive(c, s, false, keyAlgorithm), expected);
        if (s.isSessionKeys()) {
            judge.check("deriveKey(" + keyAlgorithm + ")/session-key-ikm", derive(c, s, true, keyAlgorithm), expected);
        }
        return judge.result();
    }

    /**
     * The kind of key to derive {@code size} bytes into: AES where the size fits, otherwise (for
     * SessionKeys, whose HMAC keys take any length) an HMAC key; {@code null} for peers then.
     */
    static String derivedKeyAlgorithm(int size, Subject s) {
        if (size == 16 || size == 24 || size == 32) {
            return "AES";
        }
        return s.isSessionKeys() && size > 0 ? "HmacSHA256" : null;
    }

    /** One derivation; {@code keyAlgorithm} null means deriveData. */
    private Attempt derive(HkdfCase c, Subject s, boolean ikmAsKey, String keyAlgorithm) {
        return Attempt.of(new Attempt.Operation<Object[]>() {
            @Override
            public Object[] init() throws Exception {
                Object kdf = KdfApi.kdf(kdfName, s.provider());
                AlgorithmParameterSpec spec = KdfApi.extractThenExpand(c.ikm,
                        ikmAsKey ? s.key(ikmKeyAlgorithm, c.ikm) : null, c.salt, c.info, c.size);
                return new Object[] {kdf, spec};
            }

            @Override
            public byte[] run(Object[] k) throws Exception {
                AlgorithmParameterSpec spec = (AlgorithmParameterSpec) k[1];
                if (keyAlgorithm == null) {
                    return KdfApi.deriveData(k[0], spec);
                }
                return fingerprint.of(KdfApi.deriveKey(k[0], keyAlgorithm, spec), s);
            }
        });
    }
}

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
import io.sessionkeys.json.JsonObject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSA/ECB/OAEPPadding with an explicit {@code OAEPParameterSpec}: {@code DECRYPT_MODE} on every
 * data path, and {@code UNWRAP_MODE} into an AES key where the message is 16, 24 or 32 bytes.
 * Invalid padding and malformed ciphertexts must be rejected.
 */
final class OaepChecker implements Checker<OaepCase> {

    static final String CIPHER = "RSA/ECB/OAEPPadding";
    /** The hashes SessionKeys names in its OAEP services; others (SHA-224, SHA-512/256) may be refused. */
    private static final Set<String> REQUIRED_HASHES = Set.of("SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private final KeyFingerprint fingerprint = new KeyFingerprint();

    static List<OaepCase> wycheproof(VectorSource source, String fileName) throws IOException {
        List<OaepCase> cases = new ArrayList<>();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            JsonObject lastGroup = null;
            PrivateKey key = null;
            for (WycheproofFile.Test t : WycheproofFile.load(source, fileName, "rsaes_oaep_decrypt_schema_v1.json").tests()) {
                if (t.group != lastGroup) {
                    key = rsa.generatePrivate(new PKCS8EncodedKeySpec(t.group.hex("privateKeyPkcs8")));
                    lastGroup = t.group;
                }
                String sha = t.group.string("sha");
                String mgfSha = t.group.string("mgfSha");
                OAEPParameterSpec params = new OAEPParameterSpec(sha, "MGF1", new MGF1ParameterSpec(mgfSha),
                        new PSource.PSpecified(t.test.hex("label")));
                cases.add(new OaepCase(t.describe(), t.expectation, key, t.group.integer("keySize"), sha, mgfSha, params,
                        t.test.hex("msg"), t.test.hex("ct")));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(fileName + ": the JDK cannot read a private key: " + e, e);
        }
        return cases;
    }

    @Override
    public String missing(Subject s) {
        if (s.cipherName(CIPHER) == null) {
            return "Cipher " + CIPHER;
        }
        return s.isSessionKeys() && s.cipherName(KeyFingerprint.CIPHER) == null
                ? "Cipher " + KeyFingerprint.CIPHER + " (to compare unwrapped keys)" : null;
    }

    @Override
    public String note(Subject s) {
        return "";
    }

    @Override
    public boolean usesKeyRoute() {
        return false;
    }

    @Override
    public CaseResult check(OaepCase c, Subject s, Set<DataPath> paths) {
        boolean mayBeUnsupported = !REQUIRED_HASHES.contains(c.sha) || !REQUIRED_HASHES.contains(c.mgfSha)
                || c.keyBits < 2048;
        Judge judge = new Judge(c.id, c.expectation, mayBeUnsupported);
        for (DataPath p : paths) {
            judge.check("decrypt/" + p.label(), Attempt.of(new Attempt.Operation<Cipher>() {
                @Override
                public Cipher init() throws Exception {
                    Cipher d = Cipher.getInstance(CIPHER, s.provider());
                    d.init(Cipher.DECRYPT_MODE, c.privateKey, c.params);
                    return d;
                }

                @Override
                public byte[] run(Cipher d) throws Exception {
                    return p.run(d, new byte[0], c.ct);
                }
            }), c.msg);
        }
        int n = c.msg.length;
        if (n != 16 && n != 24 && n != 32) {
            return judge.result();
        }
        byte[] expected;
        try {
            expected = c.expectation == Expectation.INVALID ? null : fingerprint.of(c.msg, "AES");
        } catch (GeneralSecurityException e) {
            return judge.fail("SunJCE could not fingerprint the expected key: " + e).result();
        }
        judge.check("unwrap", Attempt.of(new Attempt.Operation<Cipher>() {
            @Override
            public Cipher init() throws Exception {
                Cipher u = Cipher.getInstance(CIPHER, s.provider());
                s.initUnwrap(u, c.privateKey, c.params);
                return u;
            }

            @Override
            public byte[] run(Cipher u) throws Exception {
                return fingerprint.of(s.unwrapped(u.unwrap(c.ct, "AES", Cipher.SECRET_KEY)), s);
            }
        }), expected);
        return judge.result();
    }
}

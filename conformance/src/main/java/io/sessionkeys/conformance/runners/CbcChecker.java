package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.CipherAttempts;
import io.sessionkeys.conformance.run.Checker;
import io.sessionkeys.conformance.run.DataPath;
import io.sessionkeys.conformance.run.Judge;
import io.sessionkeys.conformance.subject.Subject;
import io.sessionkeys.conformance.vectors.WycheproofFile;
import io.sessionkeys.conformance.vectors.VectorSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES/CBC/PKCS5Padding: encryption gives exactly {@code ct}; decryption gives {@code msg};
 * bad padding and an empty ciphertext must be rejected. Every parameter here (16-byte IV,
 * AES-128/192/256) must be supported.
 */
final class CbcChecker implements Checker<CbcCase> {

    static final String CIPHER = "AES/CBC/PKCS5Padding";

    static List<CbcCase> wycheproof(VectorSource source, String fileName) throws IOException {
        List<CbcCase> cases = new ArrayList<>();
        for (WycheproofFile.Test t : WycheproofFile.load(source, fileName, "ind_cpa_test_schema_v1.json").tests()) {
            cases.add(new CbcCase(t.describe(), t.expectation, t.test.hex("key"), t.test.hex("iv"), t.test.hex("msg"),
                    t.test.hex("ct")));
        }
        return cases;
    }

    @Override
    public String missing(Subject s) {
        return s.cipherName(CIPHER) == null ? "Cipher " + CIPHER : s.missingKeyService("AES");
    }

    @Override
    public String note(Subject s) {
        return "";
    }

    @Override
    public CaseResult check(CbcCase c, Subject s, Set<DataPath> paths) {
        Judge judge = new Judge(c.id, c.expectation, false);
        IvParameterSpec iv = new IvParameterSpec(c.iv);
        byte[] none = new byte[0];
        for (DataPath p : paths) {
            if (c.expectation != Expectation.INVALID) {
                judge.check("encrypt/" + p.label(),
                        CipherAttempts.run(s, CIPHER, Cipher.ENCRYPT_MODE, "AES", c.key, iv, none, c.msg, p), c.ct);
            }
            judge.check("decrypt/" + p.label(),
                    CipherAttempts.run(s, CIPHER, Cipher.DECRYPT_MODE, "AES", c.key, iv, none, c.ct, p), c.msg);
        }
        return judge.result();
    }
}

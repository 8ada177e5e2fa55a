package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.vectors.RspFile;
import io.sessionkeys.conformance.vectors.VectorSource;
import io.sessionkeys.conformance.vectors.WycheproofFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads AEAD cases from Wycheproof {@code AeadTest} files and NIST GCMVS response files. */
final class AeadVectors {

    private AeadVectors() {
    }

    static List<AeadCase> wycheproof(VectorSource source, String fileName) throws IOException {
        List<AeadCase> cases = new ArrayList<>();
        for (WycheproofFile.Test t : WycheproofFile.load(source, fileName, "aead_test_schema_v1.json").tests()) {
            cases.add(new AeadCase(t.describe(), t.expectation, t.test.hex("key"), t.test.hex("iv"), t.test.hex("aad"),
                    t.test.hex("msg"), concat(t.test.hex("ct"), t.test.hex("tag")), t.group.integer("tagSize"), true));
        }
        return cases;
    }

    /** GCMVS: encrypt files give the ciphertext; decrypt files give the plaintext or FAIL. */
    static List<AeadCase> nistGcm(VectorSource source, String path) throws IOException {
        List<AeadCase> cases = new ArrayList<>();
        boolean encryptFile = path.contains("Encrypt");
        for (RspFile.Record r : RspFile.load(source, path)) {
            boolean fail = r.isFail();
            cases.add(new AeadCase(r.id, fail ? Expectation.INVALID : Expectation.VALID, r.hex("Key"), r.hex("IV"),
                    r.hex("AAD"), fail ? null : r.hex("PT"), concat(r.hex("CT"), r.hex("Tag")), r.sectionInt("Taglen"),
                    encryptFile));
        }
        return cases;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

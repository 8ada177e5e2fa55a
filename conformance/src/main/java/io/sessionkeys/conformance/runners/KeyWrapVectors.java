package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.vectors.RspFile;
import io.sessionkeys.conformance.vectors.VectorSource;
import io.sessionkeys.conformance.vectors.WycheproofFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads key-wrap cases from Wycheproof {@code KeywrapTest} files and NIST KWVS files. */
final class KeyWrapVectors {

    private KeyWrapVectors() {
    }

    static List<KeyWrapCase> wycheproof(VectorSource source, String fileName) throws IOException {
        List<KeyWrapCase> cases = new ArrayList<>();
        for (WycheproofFile.Test t : WycheproofFile.load(source, fileName, "keywrap_test_schema_v1.json").tests()) {
            byte[] msg = t.test.hex("msg");
            // Key data that cannot be wrapped: its ct is empty or a dummy, and wrapping must fail too.
            boolean unwrappable = t.flags.contains("WrongDataSize") || t.flags.contains("EmptyKey");
            cases.add(new KeyWrapCase(t.describe(), t.expectation, t.test.hex("key"), msg, t.test.hex("ct"),
                    msg.length, true, unwrappable && t.expectation == Expectation.INVALID));
        }
        return cases;
    }

    /** KWVS: encrypt files give P and C; decrypt files give C and then P or FAIL. */
    static List<KeyWrapCase> nist(VectorSource source, String path) throws IOException {
        List<KeyWrapCase> cases = new ArrayList<>();
        boolean encryptFile = path.contains("Encrypt");
        for (RspFile.Record r : RspFile.load(source, path)) {
            boolean fail = r.isFail();
            int keyLength = r.sectionInt("PLAINTEXT LENGTH") / 8;
            cases.add(new KeyWrapCase(r.id, fail ? Expectation.INVALID : Expectation.VALID, r.hex("K"),
                    fail ? null : r.hex("P"), r.hex("C"), keyLength, encryptFile, false));
        }
        return cases;
    }
}

package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.vectors.RspFile;
import io.sessionkeys.conformance.vectors.VectorSource;
import io.sessionkeys.conformance.vectors.WycheproofFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads MAC cases from Wycheproof {@code MacTest} files and the NIST HMACVS file. */
final class MacVectors {

    private MacVectors() {
    }

    static List<MacCase> wycheproof(VectorSource source, String fileName) throws IOException {
        List<MacCase> cases = new ArrayList<>();
        for (WycheproofFile.Test t : WycheproofFile.load(source, fileName, "mac_test_schema_v1.json").tests()) {
            cases.add(new MacCase(t.describe(), t.expectation, t.test.hex("key"), t.test.hex("msg"), t.test.hex("tag")));
        }
        return cases;
    }

    /** The records of the {@code [L=hashLength]} sections of HMAC.rsp; all are valid. */
    static List<MacCase> nist(VectorSource source, String hashLength) throws IOException {
        List<MacCase> cases = new ArrayList<>();
        for (RspFile.Record r : RspFile.load(source, "nist/hmac/HMAC.rsp")) {
            if (hashLength.equals(r.section.get("L"))) {
                cases.add(new MacCase(r.id, Expectation.VALID, r.hex("Key"), r.hex("Msg"), r.hex("Mac")));
            }
        }
        return cases;
    }
}

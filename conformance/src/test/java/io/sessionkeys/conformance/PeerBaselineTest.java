package io.sessionkeys.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.model.Row;
import io.sessionkeys.conformance.run.DataPath;
import io.sessionkeys.conformance.run.Runner;
import io.sessionkeys.conformance.runners.Catalog;
import io.sessionkeys.conformance.subject.Providers;
import io.sessionkeys.conformance.subject.Subject;
import io.sessionkeys.conformance.vectors.VectorSource;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The runners against the peers, to show they catch what they must: known peer deviations are
 * reported as failures with the right case ids, and correct behaviour passes.
 */
class PeerBaselineTest {

    private static final Subject SUN_JCE = Subject.peer("SunJCE", Providers.sunJce());
    private static final Subject BC = Subject.peer("BC", Providers.bouncyCastle());

    @Test
    void cbcRunner_sunJceAcceptsEmptyCiphertext_reportsExactlyTheEmptyCiphertextCases() throws Exception {
        Row row = run("aes_cbc_pkcs5_test.json", SUN_JCE, EnumSet.of(DataPath.BYTES));
        List<String> failed = row.failures().stream().map(CaseResult::id).collect(Collectors.toList());
        assertEquals(3, failed.size(), failed::toString);
        assertTrue(failed.stream().allMatch(id -> id.contains("empty ciphertext")), failed::toString);
    }

    @Test
    void keyWrapRunner_bouncyCastleUnwrapsEightByteInputs_reportsTheShortKeyCases() throws Exception {
        Row row = run("aes_wrap_test.json", BC, EnumSet.of(DataPath.BYTES));
        List<String> failed = row.failures().stream().map(CaseResult::id).collect(Collectors.toList());
        assertTrue(!failed.isEmpty() && failed.stream().allMatch(id -> id.contains("ShortKey")), failed::toString);
    }

    @Test
    void gcmRunner_correctProviders_passEveryWycheproofCase() throws Exception {
        for (Subject peer : List.of(SUN_JCE, BC)) {
            Row row = run("aes_gcm_test.json", peer, DataPath.all());
            assertEquals(316, row.passed(), () -> peer + ": " + row.notPassed());
        }
    }

    @Test
    void gcmRunner_sunJceShortTags_countedAsRefusedNotFailed() throws Exception {
        Row row = run("NIST gcmEncryptExtIV", SUN_JCE, EnumSet.of(DataPath.BYTES));
        assertEquals(0, row.failed(), () -> row.failures().toString());
        assertTrue(row.refused() > 0, "SunJCE refuses GCM tags under 96 bits; the runner must count them");
        assertEquals(31_500, row.cases());
    }

    private static Row run(String sourcePart, Subject peer, java.util.Set<DataPath> paths) throws Exception {
        for (Runner r : Catalog.all()) {
            if (r.source().contains(sourcePart)) {
                List<Row> rows = r.run(VectorSource.standard(), List.of(peer), paths);
                assertEquals(Row.Status.RUN, rows.get(0).status(), rows.get(0).note());
                return rows.get(0);
            }
        }
        throw new AssertionError("no runner reads " + sourcePart);
    }
}

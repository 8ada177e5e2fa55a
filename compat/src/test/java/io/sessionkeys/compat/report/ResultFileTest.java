package io.sessionkeys.compat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.compat.Refusal;
import io.sessionkeys.compat.Row;
import io.sessionkeys.compat.scenario.Outcome;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result file reads back what was written, pipes included, and the table shows each verdict. */
class ResultFileTest {

    @TempDir
    Path dir;

    @Test
    void writeThenRead_givesTheSameRows() throws Exception {
        Outcome works = Outcome.worked("aes128-cbc: sent | received");
        Outcome fails = Outcome.failed(new IllegalStateException("sender failed",
                new java.security.InvalidKeyException("No installed provider supports this key")));
        Refusal refusal = new Refusal("b", "volatile", "provider supports", null);
        List<Row> rows = List.of(
                Row.judge("a", "Santuario", "aes128-cbc | shared key", works, fails, null, null),
                Row.judge("b", "Santuario", "refused", works, fails, null, refusal));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("jdk", "17");
        Path file = dir.resolve("results-jdk17.md");

        new ResultFile(facts, rows).write(file);
        ResultFile read = ResultFile.read(file);

        assertEquals(facts, read.facts());
        assertEquals(rows, read.rows());
    }

    @Test
    void table_labelsEachVerdict() throws Exception {
        Outcome works = Outcome.worked("ok");
        Outcome fails = Outcome.failed(new IllegalStateException("sender failed",
                new java.security.InvalidKeyException("Could not obtain encoded key")));
        Row breaks = Row.judge("a", "Santuario", "rsa-1_5", works, fails, null, null);
        Row same = Row.judge("c", "Santuario", "kw-aes128", works, works, null, null);

        assertEquals("**breaks**: sender: InvalidKeyException: Could not obtain encoded key",
                CompatibilityTable.cell(breaks));
        assertEquals("works", CompatibilityTable.cell(same));
        String table = CompatibilityTable.table(List.of(new ResultFile(Map.of("jdk", "17"), List.of(breaks, same))));
        assertTrue(table.startsWith("| Library | Version | Case | JDK 17 |"), table);
        assertTrue(table.contains("| Santuario | the JDK's | rsa-1_5 | **breaks**: sender:"), table);
    }

    @Test
    void notable_listsOnlyCasesThatDoNotSimplyWork_onAnyJdk() {
        Outcome works = Outcome.worked("ok");
        Outcome fails = Outcome.failed(new java.io.NotSerializableException("cannot be serialized or stored"));
        Refusal refusal = new Refusal("b", "volatile", "cannot be serialized", null);
        Row same = Row.judge("a", "KeyStore", "PKCS12", works, works, null, null);
        Row refused = Row.judge("b", "KeyStore", "JCEKS", works, fails, null, refusal);
        Row sameOn25 = Row.judge("b", "KeyStore", "JCEKS", works, works, null, null);
        List<ResultFile> runs = List.of(new ResultFile(Map.of("jdk", "17"), List.of(same, refused)),
                new ResultFile(Map.of("jdk", "25"), List.of(same, sameOn25)));

        String notable = CompatibilityTable.notable(runs);

        assertTrue(notable.contains("| KeyStore | the JDK's | JCEKS | refused by design: volatile;"), notable);
        assertTrue(!notable.contains("| PKCS12 |"), notable);
        assertEquals("Every case works as it does without SessionKeys.\n",
                CompatibilityTable.notable(List.of(new ResultFile(Map.of("jdk", "17"), List.of(same)))));
    }
}

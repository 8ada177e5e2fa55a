package io.sessionkeys.conformance.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.model.Comparison;
import io.sessionkeys.conformance.model.Report;
import io.sessionkeys.conformance.model.Row;
import io.sessionkeys.json.Json;
import io.sessionkeys.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPrinterTest {

    @Test
    void print_reportWithFailure_isValidJsonWithTheCounts() {
        Report report = new Report("17 \"test\"");
        Row row = new Row("AES/GCM/NoPadding", "wycheproof x", "SessionKeys/factory", true, Row.Status.RUN, "");
        row.add(CaseResult.passed("tcId 1"));
        row.add(CaseResult.failed("tcId 2", "decrypt/bytes: wrong output", List.of("decrypt/bytes: wrong output")));
        row.add(CaseResult.refused("tcId 3", "encrypt/bytes: IAPE"));
        report.addRows(List.of(row));
        report.addComparison(new Comparison(Comparison.Kind.INTEROP, "AES/KW/NoPadding", "BC", "SunJCE", false, null));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JsonPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(report);

        JsonObject root = new JsonObject(Json.parse(bytes.toString(StandardCharsets.UTF_8)));
        assertEquals("17 \"test\"", root.string("jdk"));
        JsonObject r = root.objects("rows").get(0);
        assertEquals(3, r.integer("cases"));
        assertEquals(1, r.integer("failed"));
        assertEquals(1, r.integer("refusedAsUnsupported"));
        assertEquals(2, r.objects("notPassed").size());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("\"sessionKeysFailed\":true"));
    }
}

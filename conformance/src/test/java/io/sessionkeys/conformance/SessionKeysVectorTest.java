package io.sessionkeys.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.model.Row;
import io.sessionkeys.conformance.run.DataPath;
import io.sessionkeys.conformance.run.Runner;
import io.sessionkeys.conformance.runners.Catalog;
import io.sessionkeys.conformance.subject.KeyRoute;
import io.sessionkeys.conformance.subject.Providers;
import io.sessionkeys.conformance.subject.Subject;
import io.sessionkeys.conformance.vectors.VectorSource;
import java.security.Provider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector source against SessionKeys, through both key routes and every data path. A test
 * collects every failing case of its source, then asserts once (so one run lists them all). A
 * service SessionKeys does not register yet makes its test abort (skipped, with the missing
 * service named), never pass silently and never fail: it runs as soon as the service exists.
 */
class SessionKeysVectorTest {

    private static final Provider SESSION_KEYS = Providers.sessionKeys();

    @TestFactory
    Stream<DynamicTest> vectors_sessionKeys_noFailures() {
        VectorSource vectors = VectorSource.standard();
        List<Subject> subjects = Providers.subjects(SESSION_KEYS, EnumSet.allOf(KeyRoute.class), false);
        return Catalog.all().stream().map(runner -> DynamicTest.dynamicTest(
                runner.algorithm() + " — " + runner.source(), () -> runAndAssert(runner, vectors, subjects)));
    }

    private static void runAndAssert(Runner runner, VectorSource vectors, List<Subject> subjects) throws Exception {
        List<Row> rows = runner.run(vectors, subjects, DataPath.all());
        List<String> failures = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        int cases = 0;
        for (Row row : rows) {
            if (row.status() != Row.Status.RUN) {
                notRun.add(row.subject() + ": " + row.status() + " (" + row.note() + ")");
                continue;
            }
            cases += row.cases();
            for (CaseResult r : row.failures()) {
                failures.add(row.subject() + " " + r.id() + ": " + r.detail());
            }
        }
        assumeTrue(cases > 0, () -> "not run: " + notRun);
        assertTrue(failures.isEmpty(), () -> failures.size() + " failing case(s) in " + runner.source() + ":\n"
                + String.join("\n", failures));
    }
}

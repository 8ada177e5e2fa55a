package io.sessionkeys.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector source against SessionKeys, through both key routes and every data path. Each row
 * (source and key route) must have run with no failure and exactly the passed and refused counts
 * of {@link ExpectedCounts}; a row not run (a service missing, a route skipped) fails unless
 * {@link ExpectedCounts#NOT_RUN} names it with the status it must have. A test collects every
 * problem of its source, then asserts once (so one run lists them all).
 */
class SessionKeysVectorTest {

    private static final Provider SESSION_KEYS = Providers.sessionKeys();
    private static final Set<String> SEEN = new HashSet<>();

    @TestFactory
    Stream<DynamicTest> vectors_sessionKeys_exactCountsNoFailures() {
        VectorSource vectors = VectorSource.standard();
        List<Subject> subjects = Providers.subjects(SESSION_KEYS, EnumSet.allOf(KeyRoute.class), false);
        return Catalog.all().stream().map(runner -> DynamicTest.dynamicTest(
                runner.algorithm() + " — " + runner.source(), () -> runAndAssert(runner, vectors, subjects)));
    }

    private static void runAndAssert(Runner runner, VectorSource vectors, List<Subject> subjects) throws Exception {
        List<Row> rows = runner.run(vectors, subjects, DataPath.all());
        List<String> problems = new ArrayList<>();
        List<String> suggested = new ArrayList<>();
        assertTrue(!rows.isEmpty(), "no row at all for " + runner.source());
        for (Row row : rows) {
            String key = ExpectedCounts.key(row.algorithm(), row.source(), row.subject());
            synchronized (SEEN) {
                SEEN.add(key);
            }
            if (row.status() != Row.Status.RUN) {
                Row.Status allowed = ExpectedCounts.NOT_RUN.get(key);
                if (allowed != row.status()) {
                    problems.add(row.subject() + ": " + row.status() + " (" + row.note() + "), not allowed by"
                            + " ExpectedCounts.NOT_RUN" + (allowed == null ? "" : " (allowed: " + allowed + ")"));
                }
                continue;
            }
            for (CaseResult r : row.failures()) {
                problems.add(row.subject() + " " + r.id() + ": " + r.detail());
            }
            ExpectedCounts.Counts expected = ExpectedCounts.PINNED.get(key);
            ExpectedCounts.Counts actual = new ExpectedCounts.Counts(row.passed(), row.refused());
            if (!actual.equals(expected)) {
                problems.add(row.subject() + ": passed " + row.passed() + ", refused " + row.refused()
                        + (expected == null ? ", no line in ExpectedCounts" : ", pinned " + expected.passed()
                                + " passed and " + expected.refused() + " refused"));
                suggested.add(ExpectedCounts.line(row));
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s) in " + runner.source() + ":\n"
                + String.join("\n", problems)
                + (suggested.isEmpty() ? "" : "\nthe counts seen, as ExpectedCounts lines (check before pasting):\n"
                        + String.join("\n", suggested)));
    }

    /** A line of the table that no row used is stale: a source dropped or renamed, a route gone. */
    @AfterAll
    static void everyTableLineWasUsed() {
        Set<String> unused = new TreeSet<>(ExpectedCounts.PINNED.keySet());
        unused.addAll(ExpectedCounts.NOT_RUN.keySet());
        unused.removeAll(SEEN);
        assertEquals(Set.of(), unused, "ExpectedCounts lines no row used");
    }
}

package io.sessionkeys.conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.conformance.model.Row;
import io.sessionkeys.conformance.runners.Catalog;
import io.sessionkeys.conformance.subject.KeyRoute;
import io.sessionkeys.conformance.subject.Subject;
import io.sessionkeys.conformance.vectors.VectorSource;
import java.security.Provider;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorRunnerTest {

    /** A provider with no services: stands for a SessionKeys whose service has not landed yet. */
    private static final class EmptyProvider extends Provider {
        private static final long serialVersionUID = 1L;

        EmptyProvider() {
            super("Empty", "1", "no services");
        }
    }

    @Test
    void run_serviceNotRegistered_rowSaysNotProvidedAndNamesTheService() throws Exception {
        Subject empty = Subject.sessionKeys(new EmptyProvider(), KeyRoute.FACTORY);
        for (Runner r : Catalog.select(List.of("AES/GCM", "HmacSHA256", "AES/KW/"))) {
            Row row = r.run(VectorSource.standard(), List.of(empty), DataPath.all()).get(0);
            assertTrue(row.status() == Row.Status.NOT_PROVIDED || row.status() == Row.Status.NOT_APPLICABLE,
                    r.source() + ": " + row.status());
            assertEquals(0, row.cases());
            if (row.status() == Row.Status.NOT_PROVIDED) {
                assertTrue(row.note().contains("not registered"), row.note());
            }
        }
    }

    @Test
    void run_unwrapRouteOnEmptyProvider_rowNamesTheMissingMac() throws Exception {
        Subject empty = Subject.sessionKeys(new EmptyProvider(), KeyRoute.UNWRAP);
        Row row = Catalog.select(List.of("HmacSHA512")).get(0)
                .run(VectorSource.standard(), List.of(empty), DataPath.all()).get(0);
        assertEquals(Row.Status.NOT_PROVIDED, row.status());
        assertTrue(row.note().startsWith("Mac HmacSHA512"), row.note());
    }

    @Test
    void run_notApplicableFile_isListedNotRun() throws Exception {
        Runner siv = Catalog.select(List.of("AES-GCM-SIV")).get(0);
        Row row = siv.run(VectorSource.standard(), List.of(), DataPath.all()).get(0);
        assertEquals(Row.Status.NOT_APPLICABLE, row.status());
        assertEquals(0, row.failed());
    }
}

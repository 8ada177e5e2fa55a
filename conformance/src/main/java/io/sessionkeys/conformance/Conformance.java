package io.sessionkeys.conformance;

import io.sessionkeys.conformance.diff.Differential;
import io.sessionkeys.conformance.diff.Interop;
import io.sessionkeys.conformance.model.Report;
import io.sessionkeys.conformance.run.DataPath;
import io.sessionkeys.conformance.run.Runner;
import io.sessionkeys.conformance.runners.Catalog;
import io.sessionkeys.conformance.subject.KeyRoute;
import io.sessionkeys.conformance.subject.Providers;
import io.sessionkeys.conformance.subject.Subject;
import io.sessionkeys.conformance.vectors.VectorSource;
import java.io.IOException;
import java.nio.file.Path;
import java.security.Provider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** One conformance run: the vector table, then the cross-provider checks. */
final class Conformance {

    private Conformance() {
    }

    static Report run(Options o) throws IOException {
        VectorSource vectors = o.vectors == null ? VectorSource.standard() : VectorSource.directory(Path.of(o.vectors));
        Provider sessionKeys = Providers.sessionKeys();
        List<Subject> subjects = Providers.subjects(sessionKeys, o.routes, o.peers);
        Report report = new Report(Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        for (Runner r : Catalog.select(o.algorithms)) {
            report.addRows(r.run(vectors, subjects, DataPath.all()));
        }
        if (o.cross && o.peers) {
            Subject factory = Subject.sessionKeys(sessionKeys, KeyRoute.FACTORY);
            List<Subject> peers = new ArrayList<>(Providers.subjects(sessionKeys, EnumSet.noneOf(KeyRoute.class), true));
            Differential.run(factory, peers, o.trials, report);
            List<Subject> all = new ArrayList<>();
            all.add(factory);
            all.addAll(peers);
            Interop.run(all, o.trials, report);
        }
        return report;
    }
}

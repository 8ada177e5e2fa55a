package io.sessionkeys.conformance.run;

import io.sessionkeys.conformance.model.Row;
import io.sessionkeys.conformance.subject.Subject;
import io.sessionkeys.conformance.vectors.VectorSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One vector file (or set of files) and the checker that runs its cases: one block of the table. */
public final class VectorRunner<C extends VectorCase> implements Runner {

    /** Reads the cases of a source. */
    public interface Loader<C> {
        List<C> load(VectorSource source) throws IOException;
    }

    private final String algorithm;
    private final String source;
    private final Loader<C> loader;
    private final Checker<C> checker;
    private final String notForSessionKeys;
    private String notForPeers;

    public VectorRunner(String algorithm, String source, Loader<C> loader, Checker<C> checker) {
        this(algorithm, source, loader, checker, null);
    }

    private VectorRunner(String algorithm, String source, Loader<C> loader, Checker<C> checker,
            String notForSessionKeys) {
        this.algorithm = algorithm;
        this.source = source;
        this.loader = loader;
        this.checker = checker;
        this.notForSessionKeys = notForSessionKeys;
    }

    /**
     * A runner for a route only SessionKeys has (its own API): the peers get a "not applicable"
     * row saying why.
     */
    public static <C extends VectorCase> VectorRunner<C> sessionKeysOnly(String algorithm, String source,
            Loader<C> loader, Checker<C> checker, String reason) {
        VectorRunner<C> r = new VectorRunner<>(algorithm, source, loader, checker, null);
        r.notForPeers = reason;
        return r;
    }

    /**
     * A runner for vectors of an algorithm SessionKeys does not offer by design (such as HMAC
     * with SHA-1): the peers run it as a baseline, SessionKeys gets a "not applicable" row.
     */
    public static <C extends VectorCase> VectorRunner<C> peersOnly(String algorithm, String source, Loader<C> loader,
            Checker<C> checker, String reason) {
        return new VectorRunner<>(algorithm, source, loader, checker, reason);
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<Row> run(VectorSource vectors, List<Subject> subjects, Set<DataPath> paths) throws IOException {
        List<C> cases = null;
        List<Row> rows = new ArrayList<>();
        String jdkLacks = checker.missingOnThisJdk();
        if (jdkLacks != null) {
            return List.of(new Row(algorithm, source, "all", false, Row.Status.NOT_ON_THIS_JDK,
                    "needs " + jdkLacks + ", this is Java " + Runtime.version().feature()));
        }
        boolean sessionKeysListed = false;
        for (Subject s : subjects) {
            if (s.isSessionKeys() && notForSessionKeys != null) {
                if (!sessionKeysListed) {
                    rows.add(new Row(algorithm, source, "SessionKeys", true, Row.Status.NOT_APPLICABLE, notForSessionKeys));
                    sessionKeysListed = true;
                }
                continue;
            }
            if (!s.isSessionKeys() && notForPeers != null) {
                rows.add(new Row(algorithm, source, s.name(), false, Row.Status.NOT_APPLICABLE, notForPeers));
                continue;
            }
            if (s.isSessionKeys() && !checker.usesKeyRoute()) {
                if (sessionKeysListed) {
                    continue;
                }
                sessionKeysListed = true;
            }
            String name = s.isSessionKeys() && !checker.usesKeyRoute() ? "SessionKeys" : s.name();
            String missing = checker.missing(s);
            if (missing != null) {
                rows.add(new Row(algorithm, source, name, s.isSessionKeys(), Row.Status.NOT_PROVIDED,
                        missing + " not registered"));
                continue;
            }
            if (cases == null) {
                cases = loader.load(vectors);
            }
            Row row = new Row(algorithm, source, name, s.isSessionKeys(), Row.Status.RUN, checker.note(s));
            for (C c : cases) {
                row.add(checker.check(c, s, paths));
            }
            rows.add(row);
        }
        return rows;
    }
}

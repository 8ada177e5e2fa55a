package io.sessionkeys.conformance.run;

import io.sessionkeys.conformance.model.Row;
import io.sessionkeys.conformance.subject.Subject;
import io.sessionkeys.conformance.vectors.VectorSource;
import java.util.List;
import java.util.Set;

/**
 * A vector file in the directory whose algorithm SessionKeys does not offer by design: listed
 * in the table with the reason, not run, never counted as a failure.
 */
public final class NotApplicable implements Runner {

    private final String algorithm;
    private final String source;
    private final String reason;

    public NotApplicable(String algorithm, String source, String reason) {
        this.algorithm = algorithm;
        this.source = source;
        this.reason = reason;
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
    public List<Row> run(VectorSource vectors, List<Subject> subjects, Set<DataPath> paths) {
        return List.of(new Row(algorithm, source, "SessionKeys", true, Row.Status.NOT_APPLICABLE, reason));
    }
}

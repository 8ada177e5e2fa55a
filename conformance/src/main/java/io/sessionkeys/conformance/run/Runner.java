package io.sessionkeys.conformance.run;

import io.sessionkeys.conformance.model.Row;
import io.sessionkeys.conformance.subject.Subject;
import io.sessionkeys.conformance.vectors.VectorSource;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Something that contributes rows to the table: a vector source for one algorithm. */
public interface Runner {
    String algorithm();

    String source();

    List<Row> run(VectorSource vectors, List<Subject> subjects, Set<DataPath> paths) throws IOException;
}

package io.sessionkeys.conformance.run;

import io.sessionkeys.conformance.model.Expectation;

/** One vector, read from any source, ready for a checker. */
public interface VectorCase {
    /** Identifies the case in the report: {@code tcId 12 (comment) [flags]} or {@code file:line}. */
    String id();

    Expectation expectation();
}

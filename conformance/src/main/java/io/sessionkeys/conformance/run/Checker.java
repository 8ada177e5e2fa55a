package io.sessionkeys.conformance.run;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.subject.Subject;
import java.util.Set;

/** Runs cases of one kind (AEAD, MAC, key wrap, ...) against one subject, through JCA. */
public interface Checker<C extends VectorCase> {

    /** The services the subject lacks for these cases, or {@code null} if it has them all. */
    String missing(Subject s);

    /** What the table should say about how the subject was driven (e.g. the cipher name found), or "". */
    String note(Subject s);

    CaseResult check(C c, Subject s, Set<DataPath> paths);

    /**
     * Whether the cases use keys made through the subject's key route. If not (RSA keys are
     * never session keys), SessionKeys runs once, not once per route.
     */
    default boolean usesKeyRoute() {
        return true;
    }

    /** The API this JDK lacks for these cases, or {@code null} if it has it. */
    default String missingOnThisJdk() {
        return null;
    }
}

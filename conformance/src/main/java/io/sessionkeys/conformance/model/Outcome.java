package io.sessionkeys.conformance.model;

/** How one case ended for one provider. */
public enum Outcome {
    PASSED,
    FAILED,
    /** A valid case whose parameters the provider does not support, refused at init as the JCA contract asks. */
    REFUSED
}

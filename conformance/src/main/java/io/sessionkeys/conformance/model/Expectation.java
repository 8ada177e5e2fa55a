package io.sessionkeys.conformance.model;

/** What a vector says must happen, mapped explicitly from the file's own word. */
public enum Expectation {
    /** The operation must succeed with exactly the given output. */
    VALID,
    /** The input must be rejected (or its parameters refused); no output may be returned. */
    INVALID,
    /** Either outcome is allowed; if the operation succeeds, its output must still be right. */
    ACCEPTABLE;

    /** Wycheproof's {@code result}: {@code valid}, {@code invalid} or {@code acceptable}. */
    public static Expectation fromWycheproof(String result) {
        switch (result) {
            case "valid":
                return VALID;
            case "invalid":
                return INVALID;
            case "acceptable":
                return ACCEPTABLE;
            default:
                throw new IllegalArgumentException("unknown Wycheproof result \"" + result + "\"");
        }
    }
}

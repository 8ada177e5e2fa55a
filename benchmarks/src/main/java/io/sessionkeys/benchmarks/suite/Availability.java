package io.sessionkeys.benchmarks.suite;

/**
 * What the suite learnt about one cell of the table before or while measuring it; written to
 * {@code availability.tsv} beside the JMH JSON, so the report can tell "not provided" from an
 * error.
 */
public final class Availability {

    /** The state of a cell. */
    public enum Status {
        /** Measured; the JMH JSON has the number. */
        MEASURED,
        /** The provider does not offer this (algorithm, key type, or the provider itself here). */
        NOT_PROVIDED,
        /** It should have run but failed: the details are in jmh.log. */
        ERROR
    }

    /** The header of availability.tsv. */
    public static final String HEADER = "benchmark\tparams\tprovider\tstatus\tdetail";

    private Availability() {
    }

    /** One line of availability.tsv; tabs and newlines in the detail are flattened. */
    public static String line(String benchmark, String params, String provider, Status status, String detail) {
        return String.join("\t", benchmark, params, provider, status.name(),
                detail.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
    }
}

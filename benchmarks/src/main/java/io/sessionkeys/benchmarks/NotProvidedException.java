package io.sessionkeys.benchmarks;

/**
 * A provider does not offer what a benchmark needs (an algorithm, a key type, or the provider
 * itself could not be loaded here). The suite reports such a cell as "not provided"; every other
 * exception is a real failure and is reported as an error.
 */
public final class NotProvidedException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotProvidedException(String reason) {
        super(reason);
    }

    public NotProvidedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

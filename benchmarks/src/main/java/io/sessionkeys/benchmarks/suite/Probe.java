package io.sessionkeys.benchmarks.suite;

import java.util.Map;

/**
 * Opens a benchmark's fixture in the suite's own JVM, with the same {@code @Setup} code the
 * benchmark runs in its fork, to learn before forking whether the provider offers what the
 * benchmark needs.
 */
@FunctionalInterface
interface Probe {

    /**
     * Returns a note for the table (empty when there is none).
     *
     * @param provider the provider label, as the JMH {@code provider} parameter
     * @throws io.sessionkeys.benchmarks.NotProvidedException if the provider does not offer it
     * @throws Exception on any other failure: the cell becomes an error
     */
    String open(String provider, Map<String, String> params) throws Exception;
}

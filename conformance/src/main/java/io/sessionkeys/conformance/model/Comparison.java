package io.sessionkeys.conformance.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One cell of the cross-provider checks: a differential run (same random inputs through
 * several providers, outputs compared) or an interop pair (made by one provider, opened by
 * another).
 */
public final class Comparison {

    /** Which of the two checks. */
    public enum Kind { DIFFERENTIAL, INTEROP }

    private final Kind kind;
    private final String algorithm;
    private final String producer;
    private final String consumer;
    private final boolean involvesSessionKeys;
    private final String notRun;
    private String informational;
    private final List<String> failures = new ArrayList<>();
    private int trials;
    private int failedCount;

    /**
     * @param producer for a differential run, the providers compared ("SessionKeys, SunJCE, BC");
     *     for interop, the provider that encrypted or wrapped
     * @param consumer for interop, the provider that decrypted or unwrapped; "" otherwise
     * @param notRun why the cell was not run (a service not provided), or {@code null}
     */
    public Comparison(Kind kind, String algorithm, String producer, String consumer, boolean involvesSessionKeys,
            String notRun) {
        this.kind = kind;
        this.algorithm = algorithm;
        this.producer = producer;
        this.consumer = consumer;
        this.involvesSessionKeys = involvesSessionKeys;
        this.notRun = notRun;
    }

    /**
     * Marks a check whose failures are expected and not counted against anybody: for example a
     * transformation name that providers are free to read differently.
     */
    public Comparison informational(String why) {
        this.informational = why;
        return this;
    }

    /** Why this check's failures are not counted, or {@code null} if they are. */
    public String informationalReason() {
        return informational;
    }

    public void passed() {
        trials++;
    }

    public void failed(String why) {
        trials++;
        if (failures.size() < 20) {
            failures.add(why);
        } else if (failures.size() == 20) {
            failures.add("(more failures not listed)");
        }
        failedCount++;
    }

    public Kind kind() {
        return kind;
    }

    public String algorithm() {
        return algorithm;
    }

    public String producer() {
        return producer;
    }

    public String consumer() {
        return consumer;
    }

    public boolean involvesSessionKeys() {
        return involvesSessionKeys;
    }

    /** Why the cell did not run, or {@code null} if it ran. */
    public String notRun() {
        return notRun;
    }

    public int trials() {
        return trials;
    }

    public int failed() {
        return failedCount;
    }

    public List<String> failures() {
        return Collections.unmodifiableList(failures);
    }
}

package io.sessionkeys.compat;

/** What the comparison of one case concludes. */
public enum Verdict {
    /** Same outcome as without SessionKeys. */
    WORKS("works"),
    /** Refused as listed in {@link Refusal#ALL}, with the expected message (and, if named, works with its setting). */
    REFUSED_BY_DESIGN("refused by design"),
    /** Any other difference from the run without SessionKeys. */
    BREAKS("breaks"),
    /** Listed as a refusal but works: the list is out of date. */
    STALE_REFUSAL("works, but listed as refused"),
    /** Fails even without SessionKeys: the scenario itself is wrong. */
    SCENARIO_FAILS_WITHOUT_SESSIONKEYS("fails without SessionKeys");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean acceptable() {
        return this == WORKS || this == REFUSED_BY_DESIGN;
    }
}

package io.sessionkeys.tests.timing;

import java.util.SplittableRandom;

/**
 * One fixed-versus-random (or kind-A-versus-kind-B) timing experiment: inputs of both classes are
 * made before the clock starts, and only {@link #measure} is timed.
 */
interface TimingCheck {

    /** What a check's verdict means for the run. */
    enum Role {
        /** Must stay below the threshold, or the run fails. */
        CHECKED,
        /** Leaks by design: must cross the threshold, or the run had no power and fails. */
        CONTROL,
        /** Differs by construction (documented why); reported, never a verdict. */
        EXEMPT
    }

    /** This check's role; most checks are {@link Role#CHECKED}. */
    default Role role() {
        return Role.CHECKED;
    }

    /** A short name for the report. */
    String name();

    /** How many measurements to take (after the warm-up, which takes a tenth as many more). */
    int measurements();

    /** An input of class 0 ({@code classOne == false}) or class 1. Not timed. */
    Object prepare(boolean classOne, SplittableRandom random) throws Exception;

    /** The operation under test. Timed. */
    void measure(Object input) throws Exception;

    /** Releases what {@link #prepare} made (a key to destroy). Not timed. */
    default void release(Object input) {
    }
}

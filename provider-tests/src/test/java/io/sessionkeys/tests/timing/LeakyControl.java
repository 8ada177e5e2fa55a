package io.sessionkeys.tests.timing;

import java.util.SplittableRandom;

/**
 * A positive control: a comparison that stops at the first differing byte, of 256-byte arrays that
 * differ in their first byte (class 0) or their last (class 1). It leaks by design (a few hundred
 * nanoseconds at most); a run in which it stays below the threshold could not have seen a leak of
 * that size anywhere.
 */
final class LeakyControl extends SymmetricChecks.Check {

    private static final byte[] REFERENCE = new byte[256];
    private volatile boolean sink;

    LeakyControl(int measurements) {
        super("control: early-exit compare (leaks by design)", measurements);
    }

    @Override
    public Role role() {
        return Role.CONTROL;
    }

    @Override
    public Object prepare(boolean classOne, SplittableRandom random) {
        byte[] b = REFERENCE.clone();
        b[classOne ? b.length - 1 : 0] = (byte) (1 + random.nextInt(255));
        return b;
    }

    @Override
    public void measure(Object input) {
        byte[] b = (byte[]) input;
        boolean equal = true;
        for (int i = 0; i < b.length; i++) {
            if (b[i] != REFERENCE[i]) {
                equal = false;
                break;
            }
        }
        sink = equal;
    }
}

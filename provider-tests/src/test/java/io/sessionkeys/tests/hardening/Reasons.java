package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

/** Checks that a refusal names why the key cannot be used. */
final class Reasons {

    private static final List<String> WORDS = List.of("destroyed", "expired", "lifetime", "limit");

    private Reasons() {
    }

    /** As {@link #assertNamesReason(Exception)}, and no 4-byte window of {@code key} is in the message. */
    static void assertNamesReason(Exception e, byte[] key) {
        assertNamesReason(e);
        Hostile.assertNoKeyMaterial(e.getMessage(), key);
    }

    /** The exception's message names destruction, expiry, a lifetime or a limit. */
    static void assertNamesReason(Exception e) {
        String m = e.getMessage();
        assertNotNull(m, () -> e.getClass().getName() + " without a message");
        String lower = m.toLowerCase(Locale.ROOT);
        assertTrue(WORDS.stream().anyMatch(lower::contains), () -> "no reason named: " + m);
    }
}

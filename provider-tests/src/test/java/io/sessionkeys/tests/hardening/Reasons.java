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

    /** The exception's message names destruction, expiry, a lifetime or a limit. */
    static void assertNamesReason(Exception e) {
        String m = e.getMessage();
        assertNotNull(m, () -> e.getClass().getName() + " without a message");
        String lower = m.toLowerCase(Locale.ROOT);
        assertTrue(WORDS.stream().anyMatch(lower::contains), () -> "no reason named: " + m);
    }

    /** Whether the refusal is a usage limit (never charged) rather than the key going away. */
    static boolean isLimit(Exception e) {
        return e.getMessage() != null && e.getMessage().contains("limit of");
    }
}

package io.sessionkeys;

import java.time.Instant;
import java.util.Objects;

/**
 * A record that a session key left the provider: how, and when.
 *
 * @param method how it left, for example {@code "AES/KW/NoPadding"} or {@code "plaintext"}
 * @param at when, by the provider's clock
 */
public record KeyExport(String method, Instant at) {
    public KeyExport {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(at, "at");
    }
}

package io.sessionkeys.internal.service;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SpecAccess;
import io.sessionkeys.internal.config.Settings;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * What every service of one provider instance shares: its settings, its clock and its randomness.
 * Services get it at construction, so two differently configured providers in one JVM never mix.
 * Services make keys with {@code ManagedSessionKey.create}, passing {@link #policyOrDefault} and
 * {@link #clock()}; this class sits below the key core and does not name it.
 */
public final class ProviderContext {

    private final Settings settings;
    private final Clock clock;
    private final SpecAccess specAccess;
    private volatile SecureRandom random;

    /** A context whose services cannot read specs' secrets (for tests of the other services). */
    public ProviderContext(Settings settings, Clock clock) {
        this(settings, clock, null);
    }

    /** @param specAccess the provider's reader of specs' secrets, which the import and derivation services need */
    public ProviderContext(Settings settings, Clock clock, SpecAccess specAccess) {
        this.settings = settings;
        this.clock = clock;
        this.specAccess = specAccess;
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /** The reader of specs' secrets (import bytes, derivation input). */
    public SpecAccess specAccess() {
        if (specAccess == null) {
            throw new IllegalStateException("this provider context was made without SpecAccess");
        }
        return specAccess;
    }

    /** The policy to use when the caller gave none. */
    public KeyPolicy policyOrDefault(KeyPolicy policy) {
        return policy != null ? policy : settings.defaultPolicy();
    }

    /**
     * The randomness for keys and IVs when the caller gave none: one {@link SecureRandom} per
     * provider, made on first use (not in the constructor, which runs while the JDK is still
     * loading its providers).
     */
    public SecureRandom random() {
        SecureRandom r = random;
        if (r == null) {
            synchronized (this) {
                r = random;
                if (r == null) {
                    r = new SecureRandom();
                    random = r;
                }
            }
        }
        return r;
    }
}

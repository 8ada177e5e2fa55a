package io.sessionkeys.internal.service;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SpecAccess;
import io.sessionkeys.internal.config.Settings;
import java.security.Provider;
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
    private final Provider provider;
    private final KeyPolicy defaultPolicy;
    /** The context for services reached without naming SessionKeys; this one if it is the same. */
    private final ProviderContext unnamed;
    private volatile SecureRandom random;

    /** A context outside any provider (white-box tests, self-tests): no spec secrets, no provider. */
    public ProviderContext(Settings settings, Clock clock) {
        this(settings, clock, null, null);
    }

    /**
     * The context of {@code provider}, whose services may use one another through JCA.
     *
     * @param specAccess the provider's reader of specs' secrets, which the import and derivation services need
     */
    public ProviderContext(Settings settings, Clock clock, SpecAccess specAccess, Provider provider) {
        this.settings = settings;
        this.clock = clock;
        this.specAccess = specAccess;
        this.provider = provider;
        this.defaultPolicy = settings.defaultPolicy();
        this.unnamed = settings.dropInReadable() && !defaultPolicy.plaintextExportable()
                ? new ProviderContext(this, defaultPolicy.toBuilder().plaintextExportable(true).build()) : this;
    }

    private ProviderContext(ProviderContext named, KeyPolicy defaultPolicy) {
        this.settings = named.settings;
        this.clock = named.clock;
        this.specAccess = named.specAccess;
        this.provider = named.provider;
        this.defaultPolicy = defaultPolicy;
        this.unnamed = this;
    }

    /**
     * The context for an SPI that code reached without naming SessionKeys ({@code getInstance(alg)},
     * or JCA's choice at {@code init}): the same, except that with {@code sessionkeys.dropIn.keyBytes
     * = readable} (the shipped snippet's setting) the keys it makes without a policy reveal their
     * bytes, so that applications written for the JDK's keys keep working.
     */
    public ProviderContext forUnnamedRequests() {
        return unnamed;
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

    /**
     * The provider these services belong to, for a service that builds on another family's
     * service through JCA ({@code Cipher.getInstance(name, context.provider())}) rather than
     * importing it: families never import one another.
     *
     * @throws IllegalStateException for a context made outside a provider
     */
    public Provider provider() {
        if (provider == null) {
            throw new IllegalStateException("this ProviderContext belongs to no provider");
        }
        return provider;
    }

    /** The policy to use when the caller gave none. */
    public KeyPolicy policyOrDefault(KeyPolicy policy) {
        return policy != null ? policy : defaultPolicy;
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

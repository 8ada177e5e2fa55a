package io.sessionkeys.internal.service;

import java.security.Provider;

/**
 * An SPI that needs to know which provider instance made it, to find the providers after it (a
 * {@code KDF} passing a derivation without session keys on). {@link Routing} tells it once, right
 * after it is made.
 */
public interface ProviderAware {

    /**
     * @param provider the provider instance whose service made this SPI
     * @param readiness its checks, to run before the SPI's first operation of its own
     */
    void servedBy(Provider provider, Readiness readiness);
}

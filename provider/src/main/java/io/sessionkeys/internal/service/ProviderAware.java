package io.sessionkeys.internal.service;

import java.security.Provider;

/**
 * An SPI that needs to know which provider instance made it, to find the providers after it (a
 * {@code KDF} passing a derivation without session keys on). {@link Routing} tells it once, right
 * after it is made.
 */
public interface ProviderAware {

    void servedBy(Provider provider);
}

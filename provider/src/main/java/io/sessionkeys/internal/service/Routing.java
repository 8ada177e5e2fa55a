package io.sessionkeys.internal.service;

import java.security.Provider;

/**
 * Puts the routing layer in front of a newly made SPI: SessionKeys' {@code Cipher} and {@code Mac}
 * SPIs serve session keys and pass foreign keys to the provider that would have served them without
 * SessionKeys ({@link RoutingCipherSpi}, {@link RoutingMacSpi}). A {@link ProviderAware} SPI (the
 * JDK 25 {@code KDF}, which passes derivations on itself) learns its provider. Other SPIs are
 * returned as they are.
 */
public final class Routing {

    private Routing() {
    }

    /**
     * @param spi the SPI just made from {@code definition} for {@code context}
     * @param self the provider whose service made it (skipped when looking for the next provider)
     */
    public static Object front(Object spi, ServiceDefinition definition, ProviderContext context, Provider self) {
        if (spi instanceof SessionKeysCipherSpi) {
            return new RoutingCipherSpi((SessionKeysCipherSpi) spi, self, definition.algorithm());
        }
        if (spi instanceof SessionKeysMacSpi) {
            return new RoutingMacSpi((SessionKeysMacSpi) spi,
                    () -> (SessionKeysMacSpi) definition.newInstance(context), self, definition.algorithm());
        }
        if (spi instanceof ProviderAware) {
            ((ProviderAware) spi).servedBy(self);
        }
        return spi;
    }
}

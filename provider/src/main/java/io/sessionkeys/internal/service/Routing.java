package io.sessionkeys.internal.service;

import java.security.Provider;

/**
 * Puts the routing layer in front of a newly made SPI: SessionKeys' {@code Cipher} and {@code Mac}
 * SPIs serve session keys and pass foreign keys to the provider that would have served them without
 * SessionKeys ({@link RoutingCipherSpi}, {@link RoutingMacSpi}). A {@link ProviderAware} SPI (the
 * JDK 25 {@code KDF}, which passes derivations on itself) learns its provider. These three run the
 * provider's {@link Readiness} checks only when an operation becomes SessionKeys' own; other SPIs
 * are returned as they are, and their service runs the checks when it makes them.
 */
public final class Routing {

    private Routing() {
    }

    /** Whether {@link #front} puts {@code spi} behind a layer that runs the readiness checks itself. */
    public static boolean checksOnOwnUse(Object spi) {
        return spi instanceof SessionKeysCipherSpi || spi instanceof SessionKeysMacSpi || spi instanceof ProviderAware;
    }

    /**
     * @param spi the SPI just made from {@code definition} for {@code context}
     * @param self the provider whose service made it (skipped when looking for the next provider)
     * @param readiness the provider's checks, run before the SPI's first operation of its own
     */
    public static Object front(Object spi, ServiceDefinition definition, ProviderContext context, Provider self,
            Readiness readiness) {
        if (spi instanceof SessionKeysCipherSpi) {
            return new RoutingCipherSpi((SessionKeysCipherSpi) spi, self, definition.algorithm(), readiness);
        }
        if (spi instanceof SessionKeysMacSpi) {
            return new RoutingMacSpi((SessionKeysMacSpi) spi,
                    () -> (SessionKeysMacSpi) definition.newInstance(context), self, definition.algorithm(), readiness);
        }
        if (spi instanceof ProviderAware) {
            ((ProviderAware) spi).servedBy(self, readiness);
        }
        return spi;
    }
}

package io.sessionkeys;

import io.sessionkeys.internal.config.Settings;
import io.sessionkeys.internal.engine.openssl.DeferredEngines;
import io.sessionkeys.internal.key.ArenaMemory;
import io.sessionkeys.internal.service.ProviderContext;
import io.sessionkeys.internal.service.Readiness;
import io.sessionkeys.internal.service.RequestRoute;
import io.sessionkeys.internal.service.Routing;
import io.sessionkeys.internal.provider.ServiceCatalog;
import io.sessionkeys.internal.service.ServiceDefinition;
import io.sessionkeys.internal.provider.SelfTest;
import java.security.InvalidParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.ProviderException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SessionKeys JCA/JCE provider: volatile session keys, through the standard
 * {@code javax.crypto} API.
 *
 * <p>Three ways in: list it in {@code java.security} ({@code security.provider.1=SessionKeys
 * /path/sessionkeys.conf}); add it in code ({@code Security.addProvider(new SessionKeysProvider())});
 * or ask for it by name ({@code KeyGenerator.getInstance("AES", "SessionKeys")}).
 *
 * <p>Construction is cheap and does no cryptography: the known-answer self-tests run once, the
 * first time any service is instantiated, and a provider whose self-test failed serves nothing.
 */
public final class SessionKeysProvider extends Provider {

    private static final long serialVersionUID = 1L;

    /** The provider's name, as used in {@code getInstance(algorithm, "SessionKeys")}. */
    public static final String NAME = "SessionKeys";

    /** The version, from the jar's manifest, or "dev" when run from classes. */
    public static final String VERSION = versionFromManifest();

    /** The one reader of specs' secrets, handed to the services through their context. */
    private static final SpecAccess SPEC_ACCESS = SpecAccess.issue();

    private final transient ProviderContext context;
    private final transient DeferredEngines engines;
    private final transient Readiness readiness;

    /**
     * A provider with the built-in defaults, overridden by {@code sessionkeys.policy.*} system
     * properties.
     *
     * @throws ConfigurationException if a system property is unknown or has a bad value
     */
    public SessionKeysProvider() {
        this(Settings.fromSystemProperties(), Clock.systemUTC());
    }

    /**
     * A provider whose keys measure their lifetimes by {@code clock}: for tests and simulations
     * that move time without sleeping. With a clock other than the system clock, lifetimes are
     * applied whenever a key is used or inspected; the background timer that zeroizes untouched
     * keys on time follows the wall clock.
     */
    public SessionKeysProvider(Clock clock) {
        this(Settings.fromSystemProperties(), clock);
    }

    private SessionKeysProvider(Settings settings, Clock clock) {
        super(NAME, VERSION.equals("dev") ? "0" : VERSION.replaceAll("[^0-9.].*$", ""),
                "SessionKeys " + VERSION + ": volatile session keys (off-heap, limited, destroyed for real)");
        this.context = new ProviderContext(settings, clock, SPEC_ACCESS, this);
        this.engines = new DeferredEngines(settings.engine(), settings.libcrypto(), settings.aesKernel());
        this.readiness = new ProviderReadiness(engines, ArenaMemory.Mode.parse(settings.memory()));
        registerServices();
    }

    /**
     * Returns a new provider configured from the file at {@code configArg} (then system
     * properties). This is what the JDK calls for {@code security.provider.N=SessionKeys <file>}.
     *
     * @throws ConfigurationException naming the file, line and setting, if the file is bad
     */
    @Override
    public Provider configure(String configArg) {
        if (configArg == null || configArg.isBlank()) {
            throw new InvalidParameterException("SessionKeys.configure needs the path of a configuration file");
        }
        return new SessionKeysProvider(Settings.fromFile(configArg.strip()), context.clock());
    }

    @Override
    public boolean isConfigured() {
        return true;
    }

    /** Where this provider's settings came from. */
    public String configurationSource() {
        return context.settings().source();
    }

    /** The policy keys get when made without one, from this provider's configuration. */
    public KeyPolicy defaultPolicy() {
        return context.settings().defaultPolicy();
    }

    private void registerServices() {
        List<ServiceDefinition> table = ServiceCatalog.all(engines);
        requireUniqueNames(table);
        for (ServiceDefinition d : table) {
            putService(new SessionKeysService(this, d));
        }
    }

    /** Fails fast if two rows claim the same type and name (algorithm or alias). */
    static void requireUniqueNames(List<ServiceDefinition> table) {
        Set<String> taken = new HashSet<>();
        for (ServiceDefinition d : table) {
            claim(taken, d.type(), d.algorithm());
            for (String alias : d.aliases()) {
                claim(taken, d.type(), alias);
            }
        }
    }

    private static void claim(Set<String> taken, String type, String name) {
        // JCA matches algorithm names case-insensitively, so duplicates do too.
        if (!taken.add(type + "." + name.toUpperCase(Locale.ROOT))) {
            throw new IllegalStateException("SessionKeys registers " + type + "." + name + " twice");
        }
    }

    /** A service whose SPI is made by a factory from the service table, after the self-test. */
    private static final class SessionKeysService extends Provider.Service {
        private final ServiceDefinition definition;
        private final ProviderContext context;
        private final Readiness readiness;

        SessionKeysService(SessionKeysProvider provider, ServiceDefinition d) {
            super(provider, d.type(), d.algorithm(), d.implementationName(), d.aliases(), d.attributes());
            this.definition = d;
            this.context = provider.context;
            this.readiness = provider.readiness;
        }

        @Override
        public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
            if (constructorParameter != null && !definition.takesParameter()) {
                throw new InvalidParameterException(getType() + "." + getAlgorithm() + " takes no constructor"
                        + " parameter");
            }
            // Keys made for code that did not name SessionKeys follow sessionkeys.dropIn.keyBytes.
            // A Mac makes no keys: it is spared the look at the stack.
            boolean mayMakeKeys = !"Mac".equals(getType());
            ProviderContext forThis = context.forUnnamedRequests() == context || !mayMakeKeys
                    || RequestRoute.providerNamed() ? context : context.forUnnamedRequests();
            Object spi = definition.newInstance(forThis, constructorParameter);
            if (!Routing.checksOnOwnUse(spi)) {
                readiness.ensure();
            }
            return Routing.front(spi, definition, forThis, getProvider(), readiness);
        }
    }

    /**
     * The checks before SessionKeys' first work of its own, run once per provider: for a key
     * generator or factory when it is made, for a Cipher, Mac or KDF when it first gets a session key
     * (one that only passes foreign keys on never runs them).
     */
    private static final class ProviderReadiness implements Readiness {
        private final DeferredEngines engines;
        private final ArenaMemory.Mode memory;
        private volatile boolean passed;

        ProviderReadiness(DeferredEngines engines, ArenaMemory.Mode memory) {
            this.engines = engines;
            this.memory = memory;
        }

        @Override
        public void ensure() {
            if (passed) {
                return;
            }
            // Before the self-test makes its keys: sessionkeys.memory=secret that cannot be had fails here.
            ArenaMemory.select(memory);
            SelfTest.Result selfTest = SelfTest.result();
            if (!selfTest.passed()) {
                throw new ProviderException("SessionKeys refuses to serve: its self-test failed: "
                        + selfTest.failures());
            }
            engines.resolve(); // sessionkeys.engine=native that cannot run: ConfigurationException here
            passed = true;
        }
    }

    private static String versionFromManifest() {
        String v = SessionKeysProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}

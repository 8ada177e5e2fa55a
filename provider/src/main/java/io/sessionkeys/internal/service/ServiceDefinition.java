package io.sessionkeys.internal.service;

import io.sessionkeys.SessionKey;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One row of the service table: a JCA type and algorithm, its aliases and attributes, and a
 * factory that makes the SPI. The factory is a constructor reference, checked by the compiler;
 * no class name is ever resolved by reflection.
 */
public final class ServiceDefinition {

    /** The attribute value that makes JCA route only session keys to a service. */
    public static final String SESSION_KEY_CLASSES = SessionKey.class.getName();

    private final String type;
    private final String algorithm;
    private final Class<?> implementation;
    private final Function<ProviderContext, Object> factory;
    /** For services that take a constructor parameter (such as a KDF's KDFParameters), else null. */
    private final ParameterizedFactory<?> parameterized;
    private final List<String> aliases = new ArrayList<>();
    private final Map<String, String> attributes = new HashMap<>();

    private ServiceDefinition(String type, String algorithm, Class<?> implementation,
            Function<ProviderContext, Object> factory) {
        this.type = type;
        this.algorithm = algorithm;
        this.implementation = implementation;
        this.factory = factory;
        this.parameterized = null;
    }

    private ServiceDefinition(String type, String algorithm, Class<?> implementation,
            ParameterizedFactory<?> parameterized) {
        this.type = type;
        this.algorithm = algorithm;
        this.implementation = implementation;
        this.factory = null;
        this.parameterized = parameterized;
    }

    /**
     * @param implementation the SPI class, named in the service for diagnostics only
     * @param factory makes a new SPI instance for the provider's context
     */
    public static <T> ServiceDefinition of(String type, String algorithm, Class<T> implementation,
            Function<ProviderContext, ? extends T> factory) {
        return new ServiceDefinition(type, algorithm, implementation, factory::apply);
    }

    /**
     * A service whose SPI takes the parameter JCA passes to {@code Provider.Service.newInstance}
     * (for {@code KDF}: the {@code KDFParameters}, possibly {@code null}).
     */
    public static <T> ServiceDefinition withParameter(String type, String algorithm, Class<T> implementation,
            ParameterizedFactory<? extends T> factory) {
        return new ServiceDefinition(type, algorithm, implementation, factory);
    }

    /** Makes an SPI from the provider's context and a constructor parameter. */
    @FunctionalInterface
    public interface ParameterizedFactory<T> {
        T create(ProviderContext context, Object parameter) throws InvalidAlgorithmParameterException;
    }

    public ServiceDefinition alias(String... names) {
        aliases.addAll(List.of(names));
        return this;
    }

    public ServiceDefinition attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    /**
     * Declares that this service takes only session keys, so that JCA's delayed provider
     * selection hands any other key to the next provider.
     */
    public ServiceDefinition sessionKeysOnly() {
        return attribute("SupportedKeyClasses", SESSION_KEY_CLASSES);
    }

    /**
     * Declares the key classes this service takes, by class: for wrap and unwrap ciphers, whose
     * key-encryption keys may be foreign (a KEK from a KeyStore).
     */
    public ServiceDefinition keyClasses(Class<?>... classes) {
        StringBuilder names = new StringBuilder();
        for (Class<?> c : classes) {
            names.append(names.length() == 0 ? "" : "|").append(c.getName());
        }
        return attribute("SupportedKeyClasses", names.toString());
    }

    public String type() {
        return type;
    }

    public String algorithm() {
        return algorithm;
    }

    public List<String> aliases() {
        return List.copyOf(aliases);
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    public String implementationName() {
        return implementation.getName();
    }

    public Object newInstance(ProviderContext context) {
        if (factory != null) {
            return factory.apply(context);
        }
        try {
            return newInstance(context, null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Whether {@link #newInstance(ProviderContext, Object)} accepts a non-null parameter. */
    public boolean takesParameter() {
        return parameterized != null;
    }

    /**
     * Makes the SPI with a constructor parameter. A parameter the SPI refuses gives
     * {@link NoSuchAlgorithmException} caused by its {@link InvalidAlgorithmParameterException}, as
     * JCA's {@code KDF.getInstance} expects (it moves on to the next provider, or rethrows the
     * cause).
     */
    public Object newInstance(ProviderContext context, Object parameter) throws NoSuchAlgorithmException {
        if (parameterized == null) {
            return factory.apply(context);
        }
        try {
            return parameterized.create(context, parameter);
        } catch (InvalidAlgorithmParameterException e) {
            NoSuchAlgorithmException refused = new NoSuchAlgorithmException(type + "." + algorithm
                    + " cannot use these parameters: " + e.getMessage());
            refused.initCause(e);
            throw refused;
        }
    }
}

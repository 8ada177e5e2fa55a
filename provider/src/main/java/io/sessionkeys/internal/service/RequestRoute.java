package io.sessionkeys.internal.service;

/**
 * Whether the code that asked for a service named the provider ({@code getInstance(algorithm,
 * "SessionKeys")} or {@code getInstance(algorithm, provider)}), or left the choice to JCA
 * ({@code getInstance(algorithm)}, delayed selection at {@code init}).
 *
 * <p>JCA does not tell an SPI how it was asked for, but the public {@code getInstance} overload
 * the application called is on the stack while the SPI is made: every JCA engine class
 * ({@code javax.crypto.KeyGenerator}, {@code Cipher}, {@code KDF}, {@code java.security.*}) has
 * overloads whose last parameter is the provider, by name ({@code String}) or as a
 * {@code Provider}. Only method names and descriptors are read, which needs no permission.
 */
public final class RequestRoute {

    private static final StackWalker WALKER = StackWalker.getInstance();

    private RequestRoute() {
    }

    /** Whether the SPI being made now was asked for with a provider named by the caller. */
    public static boolean providerNamed() {
        return WALKER.walk(frames -> frames.anyMatch(f -> f.getMethodName().equals("getInstance")
                && isJcaEngine(f.getClassName()) && lastParameterIsProvider(f.getDescriptor())));
    }

    private static boolean isJcaEngine(String className) {
        return className.startsWith("javax.crypto.") || className.startsWith("java.security.");
    }

    /** "(Ljava/lang/String;Ljava/lang/String;)L...;" or "(...Ljava/security/Provider;)L...;", with two or more parameters. */
    private static boolean lastParameterIsProvider(String descriptor) {
        String parameters = descriptor.substring(1, descriptor.indexOf(')'));
        boolean several = parameters.indexOf(';') < parameters.length() - 1;
        return several && (parameters.endsWith("Ljava/lang/String;") || parameters.endsWith("Ljava/security/Provider;"));
    }
}

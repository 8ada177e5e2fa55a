package io.sessionkeys.internal.service;

import java.lang.invoke.MethodType;
import java.security.Provider;

/**
 * Whether the code that asked for a service named the provider ({@code getInstance(algorithm,
 * "SessionKeys")} or {@code getInstance(algorithm, provider)}), or left the choice to JCA
 * ({@code getInstance(algorithm)}, delayed selection at {@code init}).
 *
 * <p>JCA does not tell an SPI how it was asked for, but the public {@code getInstance} overload
 * the application called is on the stack while the SPI is made: every JCA engine class
 * ({@code javax.crypto.KeyGenerator}, {@code Cipher}, {@code KDF}, {@code java.security.*}) has
 * overloads whose last parameter is the provider, by name ({@code String}) or as a
 * {@code Provider}. Where a security manager forbids reading the stack's classes, the answer is
 * "named": the provider's configured policy then applies, the stricter choice.
 */
public final class RequestRoute {

    /** Null where a security manager withholds class references from stack walking. */
    private static final StackWalker WALKER = walker();

    private RequestRoute() {
    }

    private static StackWalker walker() {
        try {
            return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
        } catch (SecurityException e) {
            return null;
        }
    }

    /** Whether the SPI being made now was asked for with a provider named by the caller. */
    public static boolean providerNamed() {
        return WALKER == null || WALKER.walk(frames -> frames.anyMatch(f -> f.getMethodName().equals("getInstance")
                && isJcaEngine(f.getClassName()) && lastParameterIsProvider(f.getMethodType())));
    }

    private static boolean isJcaEngine(String className) {
        return className.startsWith("javax.crypto.") || className.startsWith("java.security.");
    }

    private static boolean lastParameterIsProvider(MethodType type) {
        int n = type.parameterCount();
        return n >= 2 && (type.parameterType(n - 1) == String.class || type.parameterType(n - 1) == Provider.class);
    }
}

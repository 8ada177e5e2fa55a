package io.sessionkeys.internal.key;

import java.security.KeyStoreSpi;

/**
 * Whether a {@code KeyStore} implementation is asking for a key's bytes right now: the JDK's
 * PKCS12 store calls {@code getEncoded()} and, given the {@code null} the JCA contract prescribes
 * for a key without an encoding, fails deep inside with {@code NullPointerException}. Knowing the
 * caller lets a sealed session key refuse with a message that says what is wrong instead.
 */
final class KeyStoreReads {

    /** Null where a security manager withholds class references from stack walking. */
    private static final StackWalker WALKER = walker();

    private KeyStoreReads() {
    }

    private static StackWalker walker() {
        try {
            return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
        } catch (SecurityException e) {
            return null;
        }
    }

    static boolean inProgress() {
        return WALKER != null
                && WALKER.walk(frames -> frames.anyMatch(f -> KeyStoreSpi.class.isAssignableFrom(f.getDeclaringClass())));
    }
}

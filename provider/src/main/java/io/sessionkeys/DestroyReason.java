package io.sessionkeys;

/**
 * Why a session key was destroyed. It is part of the message of every exception thrown for a
 * destroyed key, so that "this key was destroyed" also says what destroyed it.
 *
 * <p>A usage limit is deliberately not a reason: reaching a limit ends a key's encryption
 * period, not its decryption period, so it moves the key to {@link KeyState#DECRYPT_ONLY}. The
 * key is later destroyed for one of the reasons below.
 */
public enum DestroyReason {
    /** {@link javax.security.auth.Destroyable#destroy()} was called. */
    EXPLICIT("destroy() was called"),
    /** The policy's decryption lifetime ran out. */
    EXPIRED("its lifetime expired"),
    /** The {@link KeyScope} the key was bound to was closed. */
    SCOPE_CLOSED("its scope was closed"),
    /** The key became unreachable and the cleaner zeroized it. */
    UNREACHABLE("it became unreachable"),
    /** The JVM was shutting down. */
    SHUTDOWN("the JVM was shutting down");

    private final String explanation;

    DestroyReason(String explanation) {
        this.explanation = explanation;
    }

    /** A short phrase for messages, such as "its lifetime expired". */
    public String explanation() {
        return explanation;
    }
}

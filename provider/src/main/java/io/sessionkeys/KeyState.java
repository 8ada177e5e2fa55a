package io.sessionkeys;

/**
 * Where a session key is in its life. A key only ever moves forward through these states.
 *
 * <p>The split between {@link #ACTIVE} and {@link #DECRYPT_ONLY} follows NIST SP 800-57 Part 1,
 * §5.3: a key's originator-usage period (it may protect new data) ends before its recipient-usage
 * period (it may still process data it protected).
 */
public enum KeyState {
    /** The key may encrypt, decrypt, wrap and unwrap. */
    ACTIVE,
    /**
     * The key's encryption period or an encryption limit is over: it may still decrypt, verify
     * and unwrap, but it protects nothing new.
     */
    DECRYPT_ONLY,
    /** The key material has been zeroized; every use fails. */
    DESTROYED
}

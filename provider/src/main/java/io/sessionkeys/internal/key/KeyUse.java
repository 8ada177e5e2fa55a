package io.sessionkeys.internal.key;

/**
 * What an operation is about to do with a key, which decides the states that allow it.
 */
public enum KeyUse {
    /** Protect new data: encrypt, wrap, sign, derive. Needs {@code ACTIVE}. */
    PROTECT,
    /** Process protected data: decrypt, unwrap, verify; or leave the provider. Needs a live key. */
    PROCESS
}

package io.sessionkeys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * A volatile session key: a handle on key material that lives off the Java heap, is limited by
 * a {@link KeyPolicy}, and is zeroized when destroyed.
 *
 * <p>Instances come only from SessionKeys services ({@code KeyGenerator}, {@code
 * SecretKeyFactory}, unwrapping {@code Cipher}s, key derivation). Equality is identity: two
 * handles on the same bytes are different keys. {@link #toString()} shows the algorithm, size,
 * id and state, and never anything derived from the material. {@link #getEncoded()} returns
 * {@code null} unless the policy allows plaintext export. Serialization is refused.
 *
 * <p>After {@link #destroy()} (or any other {@link DestroyReason}), the material accessors
 * ({@link #getEncoded()}, {@link #getFormat()}) throw {@link IllegalStateException}, and every
 * SessionKeys service refuses the key with an {@link java.security.InvalidKeyException} that
 * names the reason. The descriptive accessors below keep working, so a destroyed key can still
 * be logged and inspected.
 */
public interface SessionKey extends SecretKey {

    /** A random identifier, fixed for the key's life, unrelated to the material. */
    String keyId();

    /** The key size in bits. */
    int keySizeBits();

    /** The key's current state; reading it also applies any lifetime that has run out. */
    KeyState state();

    /** Why the key was destroyed, or empty while it is not destroyed. */
    Optional<DestroyReason> destroyReason();

    /** The policy the key was made with. */
    KeyPolicy policy();

    /** When the key was made (by the provider's clock). */
    Instant createdAt();

    /** How many encryptions have been charged to this key, across every {@code Cipher}. */
    long encryptionCount();

    /** How many plaintext bytes have been charged to this key, across every {@code Cipher}. */
    long bytesEncrypted();

    /** Every time the key left the provider (wrapped, or in plaintext), oldest first. */
    List<KeyExport> exports();

    /**
     * Zeroizes the key material now ({@link DestroyReason#EXPLICIT}). Idempotent and thread-safe;
     * an operation already reading the key finishes first, on intact material. Never fails, so,
     * unlike {@link javax.security.auth.Destroyable#destroy()}, it declares no exception.
     */
    @Override
    void destroy();
}

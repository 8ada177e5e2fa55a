package io.sessionkeys.internal.engine;

import java.nio.ByteBuffer;

/**
 * Where a new session key's bytes come from when its generator was given no source of randomness
 * of the caller's own. The native engine implements it with OpenSSL's private DRBG, writing
 * straight into the key's off-heap slot; where that does not run, the generator draws from a
 * {@code SecureRandom} into a transient array, as it always did.
 */
public interface KeyBytesEngine {

    /** For the engine report, for example "OpenSSL 3.0.19 DRBG (RAND_priv_bytes)". */
    String name();

    /**
     * Fills {@code slot} from index 0 to its limit with fresh random bytes.
     *
     * @throws java.security.ProviderException if the generator fails; no key must then be made
     */
    void fill(ByteBuffer slot);
}

package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.KeyBytesEngine;
import java.nio.ByteBuffer;
import java.security.ProviderException;

/**
 * New keys' bytes from OpenSSL's private DRBG ({@code RAND_priv_bytes}: NIST SP 800-90A CTR_DRBG,
 * seeded from the operating system; {@code key_random.c}), written by address into the key's
 * off-heap slot, through a pool that one draw fills (docs/engines/native.md, "Key generation"):
 * the bytes never pass through a Java array, and a key costs a fraction of what the JDK's default
 * {@code SecureRandom} (NativePRNG) takes for 32 bytes.
 */
final class OpenSslKeyBytes implements KeyBytesEngine {

    private static final int CHECK_BYTES = 32;

    private final String name;

    private OpenSslKeyBytes(String libraryName) {
        this.name = libraryName + " DRBG (RAND_priv_bytes)";
    }

    /** Resolves RAND_priv_bytes; null, or why not. Needs the library open. */
    private static native String open();

    /** Fills the first {@code length} bytes of the direct buffer {@code slot}; false if the DRBG fails. */
    private static native boolean draw(ByteBuffer slot, int length);

    /**
     * The engine, after a health check in the spirit of a continuous test (FIPS 140-2 §4.9.2): two
     * draws must succeed, differ, and not be all zero.
     *
     * @throws IllegalStateException saying why it cannot serve
     */
    static OpenSslKeyBytes checked(String libraryName) {
        String problem = open();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        ByteBuffer first = ByteBuffer.allocateDirect(CHECK_BYTES);
        ByteBuffer second = ByteBuffer.allocateDirect(CHECK_BYTES);
        if (!draw(first, CHECK_BYTES) || !draw(second, CHECK_BYTES)) {
            throw new IllegalStateException("RAND_priv_bytes failed");
        }
        if (first.equals(second) || first.equals(ByteBuffer.allocateDirect(CHECK_BYTES))) {
            throw new IllegalStateException("RAND_priv_bytes failed its health check (repeated or zero output)");
        }
        return new OpenSslKeyBytes(libraryName);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fill(ByteBuffer slot) {
        if (!draw(slot, slot.limit())) {
            throw new ProviderException("OpenSSL's random generator (RAND_priv_bytes) failed; no key was made");
        }
    }
}

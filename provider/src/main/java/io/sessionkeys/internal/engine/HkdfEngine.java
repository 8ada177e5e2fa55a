package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * HKDF (RFC 5869) as the KDF family sees it. The output goes into a buffer the caller gives: a
 * new session key's off-heap slot (so a native engine writes the derived key there and nowhere
 * else), or a heap buffer for derived data.
 */
public interface HkdfEngine {

    /** For reports: "HKDF on OpenSSL", "HKDF (Java)". */
    String name();

    /**
     * Derives {@code out.limit()} bytes into {@code out} (from index 0).
     *
     * @param extract whether to extract first (PRK = HMAC(salt, input)); if not, the input is the PRK
     * @param expand whether to expand; if not ({@code extract} only), the output is the PRK
     * @param salt the salt's parts, concatenated (none: RFC 5869's HashLen zero bytes)
     * @param input the input keying material's parts (or the PRK's), concatenated
     * @param info the expand's info, never {@code null}
     */
    void derive(ShaAlgorithm hash, boolean extract, boolean expand, List<? extends KeyingSource> salt,
            List<? extends KeyingSource> input, byte[] info, ByteBuffer out);
}

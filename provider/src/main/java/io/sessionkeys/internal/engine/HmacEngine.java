package io.sessionkeys.internal.engine;

import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.Precomputation;

/**
 * HMAC with one SHA-2 hash as the MAC SPI sees it: the per-key precomputation that holds the
 * keyed state (made once per key, released with it) and computations that run on it. The seam
 * between the Java engine (chaining values off-heap beside the key) and the native one (OpenSSL
 * contexts keyed from the key's slot).
 */
public interface HmacEngine {

    /** For messages and reports, such as "HmacSHA256 on OpenSSL". */
    String name();

    ShaAlgorithm hash();

    /** The per-key state this engine reads through the key's gate. */
    Precomputation precomputation();

    /** A computation, not yet started; the SPI keeps one per {@code Mac}. */
    HmacComputation newComputation();
}

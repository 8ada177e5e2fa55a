package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.key.SafetyLimits;

/**
 * The per-key usage limits of each AEAD algorithm, with their sources (also in
 * {@code docs/nonces.md}). A key's policy can only lower them.
 */
final class AeadLimits {

    private AeadLimits() {
    }

    /**
     * AES-GCM. Invocations: NIST SP 800-38D §8.3 caps every key at 2<sup>32</sup> encryptions when
     * IVs may be random; callers may pass random IVs, so the cap applies to every key.
     * Bytes: RFC 8446 §5.5 (from draft-irtf-cfrg-aead-limits) allows 2<sup>24.5</sup> full-size
     * records of 2<sup>14</sup> bytes per key, a 2<sup>-57</sup> margin: 2<sup>38.5</sup> bytes,
     * rounded down.
     */
    static final SafetyLimits AES_GCM = new SafetyLimits(1L << 32, 388_736_063_996L,
            "AES-GCM (NIST SP 800-38D §8.3: 2^32 encryptions; RFC 8446 §5.5: 2^38.5 bytes)");

    /**
     * ChaCha20-Poly1305. RFC 8446 §5.5 and draft-irtf-cfrg-aead-limits §5.2 give it no
     * confidentiality limit below 2<sup>64</sup> messages (a TLS sequence number wraps first);
     * its integrity limit counts forgery attempts, which decryption cannot charge. The counters
     * are signed 64-bit, so the cap is 2<sup>63</sup> - 1 of each.
     */
    static final SafetyLimits CHACHA20_POLY1305 = new SafetyLimits(Long.MAX_VALUE, Long.MAX_VALUE,
            "ChaCha20-Poly1305 (RFC 8446 §5.5: no limit below 2^64 records)");

    /** GCM: at most 2^39 - 256 bits of plaintext per message (NIST SP 800-38D §5.2.1.1). */
    static final long AES_GCM_MAX_MESSAGE_BYTES = (1L << 36) - 32;

    /** ChaCha20-Poly1305: a 32-bit block counter from 1 (RFC 8439 §2.8): 2^38 - 64 bytes. */
    static final long CHACHA20_POLY1305_MAX_MESSAGE_BYTES = (1L << 38) - 64;
}

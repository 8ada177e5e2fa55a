package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.key.SafetyLimits;

/**
 * Each block mode's own usage limits per key, kept where an attacker's advantage against the mode
 * stays below 2<sup>-57</sup>: the margin RFC 8446 §5.5 keeps for TLS, also used by
 * draft-irtf-cfrg-aead-limits. A key's policy can only lower them.
 *
 * <p>What counts is σ, the number of 16-byte blocks enciphered under the key. A message uses at
 * most {@code bytes / 16 + 1} blocks (a partial CTR block or the PKCS5 padding block adds one),
 * so capping both messages and bytes caps σ at {@code maxBytes / 16 + maxEncryptions}.
 */
final class ModeLimits {

    private ModeLimits() {
    }

    /**
     * CTR: the keystream is the AES permutation on distinct counter blocks, distinguishable from
     * random with advantage at most σ²/2<sup>129</sup> (PRP/PRF switching; the confidentiality
     * bound draft-irtf-cfrg-aead-limits gives for the CTR part of AES-GCM). σ ≤ 2<sup>36</sup>
     * keeps it at 2<sup>-57</sup>: 2<sup>35</sup> messages and 2<sup>39</sup> bytes (512 GiB).
     */
    static final SafetyLimits CTR = new SafetyLimits(1L << 35, 1L << 39,
            "AES-CTR (sigma^2/2^129 <= 2^-57: draft-irtf-cfrg-aead-limits, RFC 8446 section 5.5)");

    /**
     * CBC with random IVs: IND-CPA advantage at most σ²/2<sup>128</sup> (Bellare, Desai, Jokipii,
     * Rogaway 1997, the analysis NIST SP 800-38A relies on). σ ≤ 2<sup>35</sup> keeps it at
     * 2<sup>-58</sup>: 2<sup>34</sup> messages and 2<sup>38</sup> bytes (256 GiB).
     */
    static final SafetyLimits CBC = new SafetyLimits(1L << 34, 1L << 38,
            "AES-CBC (sigma^2/2^128 <= 2^-57: Bellare-Desai-Jokipii-Rogaway 1997, NIST SP 800-38A)");

    /**
     * ECB reveals equal blocks whatever the limit; what a limit still bounds is how far AES under
     * one key stays indistinguishable from a random function, σ²/2<sup>129</sup>, as for CTR.
     */
    static final SafetyLimits ECB = new SafetyLimits(1L << 35, 1L << 39,
            "AES-ECB (sigma^2/2^129 <= 2^-57, PRP/PRF switching bound)");

    /**
     * PCBC has no security proof of its own; it gets CBC's limits, whose σ²/2<sup>128</sup> term
     * (block collisions under a random IV) applies to it in the same way. It is malleable across
     * blocks (swapping two ciphertext blocks garbles only those two), which no limit can fix.
     */
    static final SafetyLimits PCBC = new SafetyLimits(1L << 34, 1L << 38,
            "AES-PCBC (no proof of its own; CBC's sigma^2/2^128 <= 2^-57 applied)");

    /**
     * CBC-CS3 is CBC with the last two blocks rearranged (NIST SP 800-38A Addendum): CBC's bound
     * and limits.
     */
    static final SafetyLimits CTS = new SafetyLimits(1L << 34, 1L << 38,
            "AES-CTS (CBC-CS3: CBC's sigma^2/2^128 <= 2^-57, NIST SP 800-38A Addendum)");

    private static final SafetyLimits[] CFB = new SafetyLimits[17];
    private static final SafetyLimits[] OFB = new SafetyLimits[17];

    static {
        for (int s = 1; s <= 16; s++) {
            CFB[s] = segmentLimits("AES-CFB" + s * 8 + " (sigma^2/2^128 <= 2^-57 with sigma counting"
                    + " segments: Alkassar-Geraldy-Pfitzmann-Sadeghi 2001, NIST SP 800-38A)", s);
            OFB[s] = segmentLimits("AES-OFB" + s * 8 + " (keystream overlap sigma^2/2^128 <= 2^-57 with sigma"
                    + " counting segments, NIST SP 800-38A)", s);
        }
    }

    /**
     * CFB-s and OFB-s encipher one block per s-bit segment, so σ counts segments: CFB with a
     * random IV is IND-CPA up to about σ²/2<sup>128</sup> (Alkassar, Geraldy, Pfitzmann, Sadeghi,
     * FSE 2001), and OFB's keystreams of two messages overlap with probability about
     * σ²/2<sup>128</sup>. σ ≤ 2<sup>35</sup>, as for CBC: 2<sup>34</sup> messages and
     * 2<sup>34</sup> segments' worth of bytes (2<sup>34</sup>·s/8 bytes: 16 GiB for CFB8,
     * 256 GiB for full-block CFB).
     */
    static SafetyLimits segmented(boolean cfb, int segmentBytes) {
        return (cfb ? CFB : OFB)[segmentBytes];
    }

    private static SafetyLimits segmentLimits(String source, int segmentBytes) {
        return new SafetyLimits(1L << 34, (1L << 34) * segmentBytes, source);
    }
}

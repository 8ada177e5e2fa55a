package io.sessionkeys.internal.kdf;

import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.engine.hmac.JavaHkdf;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * HKDF (RFC 5869) as the KDF services use it: the three modes, the output limit, and the call
 * into the selected engine ({@link JavaHkdf}, or OpenSSL where it runs). Session-key inputs are
 * read only through their gate, by the engine; the output goes where the caller says (a new
 * session key's off-heap slot, or the caller's bytes).
 */
public final class Hkdf {

    /** The three ways RFC 5869 is used (and {@code javax.crypto.spec.HKDFParameterSpec} offers). */
    public enum Mode {
        /** PRK = HMAC(salt, IKM), then OKM = T(1) | T(2) | ... keyed by PRK: the usual case. */
        EXTRACT_THEN_EXPAND,
        /** Only PRK = HMAC(salt, IKM): the output is hash-length. */
        EXTRACT_ONLY,
        /** The input already is a PRK: only the expand step. */
        EXPAND_ONLY
    }

    private Hkdf() {
    }

    /** The most output bytes expand can make: 255 blocks (RFC 5869 §2.3). */
    public static int maxLength(ShaAlgorithm hash) {
        return 255 * hash.digestLength();
    }

    /**
     * Fills {@code out} (its limit is the length) with the derivation's output. Salt parts are
     * concatenated, and so are input parts; in {@link Mode#EXPAND_ONLY} the input is the PRK and
     * {@code salt} is unused.
     */
    static void derive(HkdfEngine engine, ShaAlgorithm hash, Mode mode, List<KeyingPart> salt,
            List<KeyingPart> input, byte[] info, ByteBuffer out) {
        engine.derive(hash, mode != Mode.EXPAND_ONLY, mode != Mode.EXTRACT_ONLY, salt, input, info, out);
    }

    /** HKDF over heap bytes on the Java engine: for known-answer and white-box tests; the caller zeroes the result. */
    public static byte[] deriveFromBytes(ShaAlgorithm hash, Mode mode, byte[] salt, byte[] input, byte[] info,
            int length) {
        byte[] out = new byte[length];
        derive(JavaHkdf.INSTANCE, hash, mode, List.of(KeyingPart.of(salt)), List.of(KeyingPart.of(input)), info,
                ByteBuffer.wrap(out));
        return out;
    }
}

package io.sessionkeys.internal.kdf;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.engine.hmac.HmacKeySchedule;
import io.sessionkeys.internal.engine.hmac.HmacState;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * HKDF (RFC 5869) on the provider's own HMAC engine. Secrets never pass through a heap
 * {@code Mac} or {@code MessageDigest}: session-key inputs are streamed through their gate, a
 * session-key PRK (expand only) is used through its own off-heap HMAC schedule, and the heap
 * copies that remain (the PRK, its HMAC schedule, the last block T(i)) are zeroed in
 * {@code finally}.
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
     * Fills {@code out} with the derivation's output. Salt parts are concatenated, and so are
     * input parts; in {@link Mode#EXPAND_ONLY} the input is the PRK and {@code salt} is unused.
     */
    static void derive(ShaAlgorithm hash, Mode mode, List<KeyingPart> salt, List<KeyingPart> input, byte[] info,
            byte[] out) {
        if (mode == Mode.EXPAND_ONLY) {
            expandFrom(hash, input, info, out);
            return;
        }
        byte[] prk = extract(hash, salt, input);
        try {
            if (mode == Mode.EXTRACT_ONLY) {
                System.arraycopy(prk, 0, out, 0, out.length);
            } else {
                expandWithHeapKey(hash, prk, info, out);
            }
        } finally {
            Zeroing.wipe(prk);
        }
    }

    /** HKDF over heap bytes: for known-answer tests and white-box tests; the caller zeroes the result. */
    public static byte[] deriveFromBytes(ShaAlgorithm hash, Mode mode, byte[] salt, byte[] input, byte[] info,
            int length) {
        byte[] out = new byte[length];
        derive(hash, mode, List.of(KeyingPart.of(salt)), List.of(KeyingPart.of(input)), info, out);
        return out;
    }

    /** PRK = HMAC-Hash(salt, IKM); the caller zeroes the result. */
    static byte[] extract(ShaAlgorithm hash, List<KeyingPart> salt, List<KeyingPart> input) {
        byte[] saltBytes = concatenate(salt);
        byte[] schedule = new byte[2 * hash.stateLength()];
        HmacState hmac = new HmacState(HmacKeySchedule.of(hash));
        try {
            // An empty salt and RFC 5869's default (HashLen zero bytes) give the same HMAC key.
            ByteBuffer keyed = schedule(hash, saltBytes, schedule);
            hmac.start(keyed);
            for (KeyingPart part : input) {
                part.feed(hmac);
            }
            byte[] prk = new byte[hash.digestLength()];
            hmac.finish(keyed, prk, 0);
            return prk;
        } finally {
            hmac.wipe();
            Zeroing.wipe(schedule);
            Zeroing.wipe(saltBytes);
        }
    }

    private static void expandFrom(ShaAlgorithm hash, List<KeyingPart> prkParts, byte[] info, byte[] out) {
        ManagedSessionKey sessionPrk = prkParts.size() == 1 ? prkParts.get(0).sessionKey() : null;
        if (sessionPrk != null) {
            // The PRK is a session key: HMAC through its own off-heap schedule, no copy at all.
            sessionPrk.withMaterial(KeyUse.PROTECT, HmacKeySchedule.of(hash), keyed -> {
                expand(hash, keyed, info, out);
                return null;
            });
            return;
        }
        byte[] prk = concatenate(prkParts);
        try {
            expandWithHeapKey(hash, prk, info, out);
        } finally {
            Zeroing.wipe(prk);
        }
    }

    private static void expandWithHeapKey(ShaAlgorithm hash, byte[] prk, byte[] info, byte[] out) {
        byte[] schedule = new byte[2 * hash.stateLength()];
        try {
            expand(hash, schedule(hash, prk, schedule), info, out);
        } finally {
            Zeroing.wipe(schedule);
        }
    }

    /** OKM = T(1) | T(2) | ..., T(i) = HMAC-Hash(PRK, T(i-1) | info | i), PRK given by its schedule. */
    static void expand(ShaAlgorithm hash, ByteBuffer prkSchedule, byte[] info, byte[] out) {
        if (out.length > maxLength(hash)) {
            throw new IllegalArgumentException("HKDF-" + hash.digestName() + " can make at most " + maxLength(hash)
                    + " bytes, not " + out.length);
        }
        int n = hash.digestLength();
        byte[] t = new byte[n];
        HmacState hmac = new HmacState(HmacKeySchedule.of(hash));
        try {
            for (int i = 1, done = 0; done < out.length; i++, done += n) {
                hmac.start(prkSchedule);
                if (i > 1) {
                    hmac.update(t, 0, n);
                }
                hmac.update(info, 0, info.length);
                hmac.update(new byte[] {(byte) i}, 0, 1);
                hmac.finish(prkSchedule, t, 0);
                System.arraycopy(t, 0, out, done, Math.min(n, out.length - done));
            }
        } finally {
            Zeroing.wipe(t);
            hmac.wipe();
        }
    }

    /** The HMAC schedule of a heap key, written into {@code into} (which the caller zeroes). */
    private static ByteBuffer schedule(ShaAlgorithm hash, byte[] key, byte[] into) {
        ByteBuffer keyed = ByteBuffer.wrap(into);
        HmacKeySchedule.of(hash).compute(ByteBuffer.wrap(key), keyed);
        return keyed;
    }

    private static byte[] concatenate(List<KeyingPart> parts) {
        if (parts.size() == 1) {
            return parts.get(0).copy();
        }
        byte[][] copies = new byte[parts.size()][];
        try {
            int total = 0;
            for (int i = 0; i < copies.length; i++) {
                copies[i] = parts.get(i).copy();
                total += copies[i].length;
            }
            byte[] all = new byte[total];
            for (int i = 0, at = 0; i < copies.length; at += copies[i].length, i++) {
                System.arraycopy(copies[i], 0, all, at, copies[i].length);
            }
            return all;
        } finally {
            for (byte[] c : copies) {
                Zeroing.wipe(c);
            }
        }
    }
}

package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.common.ConstantTime;
import io.sessionkeys.internal.key.KeyAlgorithm;
import java.util.Arrays;

/**
 * The key lengths an unwrapping may produce for a requested key algorithm: what the unwrapped
 * key must have to be accepted, and what implicit rejection picks from. AES allows 16, 24 and 32
 * bytes, ChaCha20 32, the HMAC algorithms any length from 1 byte up to what the wrapping carries.
 */
final class UnwrapLengths {

    private UnwrapLengths() {
    }

    /** The allowed lengths up to {@code max} bytes, ascending (public: they depend on the request only). */
    static int[] allowed(KeyAlgorithm kind, int max) {
        int[] all = new int[Math.max(max, 0)];
        int n = 0;
        for (int length = 1; length <= max; length++) {
            if (kind.allowsBits(length * 8)) {
                all[n++] = length;
            }
        }
        return Arrays.copyOf(all, n);
    }

    /** All ones if {@code length} (secret) is one of {@code lengths}, else zero; no branch on it. */
    static int contains(int[] lengths, int length) {
        int found = 0;
        for (int allowed : lengths) {
            found |= ConstantTime.equal(allowed, length);
        }
        return found;
    }
}

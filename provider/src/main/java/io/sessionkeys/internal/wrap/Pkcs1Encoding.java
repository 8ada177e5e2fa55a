package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.common.ConstantTime;
import java.security.SecureRandom;

/**
 * EME-PKCS1-v1_5 (RFC 8017 §7.2.1 step 2, §7.2.2 step 3) and, for SunJCE's private-key
 * "encryption", the block type 1 encoding of PKCS #1 v1.5, on an encoded message {@code EM} of
 * {@code k} bytes.
 *
 * <p>Decoding computes every check (the leading 0x00, the block type, a zero separator after at
 * least eight padding bytes) without a data-dependent branch or early exit and returns one
 * combined outcome, as RFC 8017 §7.2.2 warns: a padding oracle (Bleichenbacher 1998) needs only
 * to tell valid from invalid.
 */
final class Pkcs1Encoding {

    /** Bytes of EM that are not message: 0x00, the block type, at least 8 padding bytes, 0x00. */
    static final int OVERHEAD = 11;

    private Pkcs1Encoding() {
    }

    /**
     * Encodes in place the {@code mLen}-byte message that the caller put at the end of {@code em}
     * ({@code mLen <= em.length - 11}). Block type 2 pads with random non-zero bytes, type 1 with
     * 0xFF.
     */
    static void encode(byte[] em, int mLen, int blockType, SecureRandom random) {
        int k = em.length;
        em[0] = 0;
        em[1] = (byte) blockType;
        int end = k - mLen - 1;
        if (blockType == 1) {
            java.util.Arrays.fill(em, 2, end, (byte) 0xFF);
        } else {
            byte[] one = new byte[1];
            for (int i = 2; i < end; i++) {
                do {
                    random.nextBytes(one); // random padding, not secret data: the retry on zero is harmless
                } while (one[0] == 0);
                em[i] = one[0];
            }
        }
        em[end] = 0;
    }

    /**
     * Decodes {@code em} in constant time.
     *
     * @return all ones in the high 32 bits if the encoding is valid (else zero), and in the low
     *     32 bits the offset where the message starts (it runs to the end of {@code em}); the
     *     offset is meaningful only when valid
     */
    static long decode(byte[] em, int blockType) {
        int k = em.length;
        int good = ConstantTime.isZero(em[0]) & ConstantTime.equal(em[1] & 0xFF, blockType);
        int found = 0;
        int separator = 0;
        int typeOneBytes = ~0; // type 1: every padding byte is 0xFF
        for (int i = 2; i < k; i++) {
            int b = em[i] & 0xFF;
            int isZero = ConstantTime.isZero(b);
            separator = ConstantTime.select(~found & isZero, i, separator);
            typeOneBytes &= found | isZero | ConstantTime.equal(b, 0xFF);
            found |= isZero;
        }
        good &= found;
        good &= ~ConstantTime.lessThan(separator, OVERHEAD - 1); // at least 8 padding bytes
        if (blockType == 1) { // public: the block type is fixed by the key type, not by the data
            good &= typeOneBytes;
        }
        return ((long) good << 32) | ((separator + 1) & 0xFFFFFFFFL);
    }

    static boolean valid(long decoded) {
        return (decoded >>> 32) != 0;
    }

    static int validMask(long decoded) {
        return (int) (decoded >>> 32);
    }

    static int start(long decoded) {
        return (int) decoded;
    }
}

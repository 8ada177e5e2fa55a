package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.common.ConstantTime;
import io.sessionkeys.internal.common.Zeroing;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * EME-OAEP encoding and decoding (RFC 8017 §7.1.1 step 2, §7.1.2 step 3) with MGF1, on an
 * encoded message {@code EM} of {@code k} bytes, the RSA modulus length.
 *
 * <p>Decoding follows RFC 8017's warning about Manger's attack: it computes every check (the
 * leading zero byte, the label hash, the zero padding and the 0x01 separator) without a
 * data-dependent branch or early exit, combines them, and reports one outcome. The caller makes
 * one branch on it and gives one error for every cause.
 */
final class OaepCodec {

    private final MessageDigest hash;
    private final MessageDigest mgfHash;
    private final byte[] labelHash;
    private final int hLen;

    /**
     * @param hashName the label hash, e.g. "SHA-256"
     * @param mgfHashName the hash inside MGF1
     * @param label the label (PSource.PSpecified), often empty
     */
    OaepCodec(String hashName, String mgfHashName, byte[] label) throws NoSuchAlgorithmException {
        this.hash = MessageDigest.getInstance(hashName);
        this.mgfHash = MessageDigest.getInstance(mgfHashName);
        this.labelHash = hash.digest(label);
        this.hLen = labelHash.length;
    }

    int hashLength() {
        return hLen;
    }

    /** The longest message that fits in {@code k} bytes: k - 2hLen - 2 (negative if none fits). */
    int maxMessageLength(int k) {
        return k - 2 * hLen - 2;
    }

    /**
     * Encodes, in place, the {@code mLen}-byte message that the caller put at the end of
     * {@code em} ({@code em.length == k}, {@code mLen <= maxMessageLength(k)}).
     */
    void encode(byte[] em, int mLen, SecureRandom random) {
        int k = em.length;
        int dbOffset = 1 + hLen;
        em[0] = 0;
        byte[] seed = new byte[hLen];
        try {
            random.nextBytes(seed);
            System.arraycopy(seed, 0, em, 1, hLen);
            // DB = lHash || PS (zeros) || 0x01 || M
            System.arraycopy(labelHash, 0, em, dbOffset, hLen);
            Arrays.fill(em, dbOffset + hLen, k - mLen - 1, (byte) 0); // padding, not a wipe
            em[k - mLen - 1] = 1;
            mask(em);
        } finally {
            Zeroing.wipe(seed);
        }
    }

    /**
     * Decodes {@code em} ({@code k} bytes) in place.
     *
     * @return the offset in {@code em} where the message starts (it runs to the end), or -1 if
     *     the encoding is invalid; which check failed is not revealed, by the result or by timing
     */
    int decode(byte[] em) {
        int k = em.length;
        int dbOffset = 1 + hLen;
        unmask(em);
        int good = ConstantTime.isZero(em[0]);
        good &= ConstantTime.isZero(ConstantTime.difference(em, dbOffset, labelHash, 0, hLen));
        int found = 0;
        int separator = 0;
        for (int i = dbOffset + hLen; i < k; i++) {
            int b = em[i] & 0xFF;
            int isOne = ConstantTime.equal(b, 1);
            separator = ConstantTime.select(~found & isOne, i, separator);
            good &= found | ConstantTime.isZero(b) | isOne; // before the separator only zeros
            found |= isOne;
        }
        good &= found;
        return ConstantTime.select(good, separator + 1, -1);
    }

    /** Turns {@code 0 || seed || DB} into {@code 0 || maskedSeed || maskedDB}, in place. */
    void mask(byte[] em) {
        int dbLen = em.length - hLen - 1;
        mgf1Xor(em, 1, hLen, em, 1 + hLen, dbLen);   // maskedDB = DB ^ MGF(seed)
        mgf1Xor(em, 1 + hLen, dbLen, em, 1, hLen);   // maskedSeed = seed ^ MGF(maskedDB)
    }

    /** The inverse of {@link #mask}. */
    void unmask(byte[] em) {
        int dbLen = em.length - hLen - 1;
        mgf1Xor(em, 1 + hLen, dbLen, em, 1, hLen);   // seed = maskedSeed ^ MGF(maskedDB)
        mgf1Xor(em, 1, hLen, em, 1 + hLen, dbLen);   // DB = maskedDB ^ MGF(seed)
    }

    /** target[tOff..tOff+tLen) ^= MGF1(source[sOff..sOff+sLen), tLen). */
    private void mgf1Xor(byte[] source, int sOff, int sLen, byte[] target, int tOff, int tLen) {
        byte[] counter = new byte[4];
        byte[] block = new byte[mgfHash.getDigestLength()];
        try {
            int done = 0;
            for (int c = 0; done < tLen; c++) {
                counter[0] = (byte) (c >>> 24);
                counter[1] = (byte) (c >>> 16);
                counter[2] = (byte) (c >>> 8);
                counter[3] = (byte) c;
                mgfHash.update(source, sOff, sLen);
                mgfHash.update(counter);
                mgfHash.digest(block, 0, block.length);
                int n = Math.min(block.length, tLen - done);
                for (int i = 0; i < n; i++) {
                    target[tOff + done + i] ^= block[i];
                }
                done += n;
            }
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("MGF1 digest failed", e);
        } finally {
            Zeroing.wipe(block);
        }
    }
}

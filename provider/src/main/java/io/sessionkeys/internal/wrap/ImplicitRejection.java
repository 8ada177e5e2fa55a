package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.common.ConstantTime;
import io.sessionkeys.internal.engine.sha.Sha256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;

/**
 * Implicit rejection for RSAES-PKCS1-v1_5 unwrapping (draft-irtf-cfrg-rsa-guidance §7, as
 * OpenSSL 3.2 implements it): instead of an error, a ciphertext with bad padding yields a
 * deterministic pseudorandom message derived from the private key and the ciphertext, so that
 * an attacker who cannot see the unwrapped key learns nothing from the outcome (Bleichenbacher
 * 1998; "Marvin", Kario 2023).
 *
 * <p>The derivation follows the draft: {@code DH = SHA-256(I2OSP(d, k))} once per key,
 * {@code KDK = HMAC-SHA256(DH, C)} per ciphertext, and {@code IPRF(KDK, label, bits)} the
 * concatenation of {@code HMAC-SHA256(KDK, I2OSP(i, 2) || label || I2OSP(bits, 2))} for i = 0, 1,
 * …, cut to {@code bits}. The alternative message is the end of {@code IPRF(KDK, "message", 8k)}.
 * Its length departs from the draft where unwrapping knows more than a plain decryption: it is
 * one of the lengths the requested key algorithm allows, picked by the first 16 bits of
 * {@code IPRF(KDK, "length", 2048)}. SHA-256 and HMAC run on the provider's constant-time engine.
 */
final class ImplicitRejection {

    private static final byte[] LENGTH_LABEL = "length".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE_LABEL = "message".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH = 32;
    private static final int BLOCK = 64;

    private ImplicitRejection() {
    }

    /** {@code DH = SHA-256(I2OSP(d, k))}: the per-key secret, computed once at init. */
    static byte[] exponentHash(RSAPrivateKey key, int k) throws InvalidKeyException {
        BigInteger d;
        try {
            d = key.getPrivateExponent();
        } catch (RuntimeException e) {
            d = null;
        }
        if (d == null || d.signum() <= 0) {
            throw new InvalidKeyException("unwrapping with RSA PKCS#1 v1.5 needs an RSA private key whose private"
                    + " exponent can be read: implicit rejection derives from it");
        }
        byte[] raw = d.toByteArray();
        byte[] encoded = new byte[k];
        try {
            int n = Math.min(raw.length, k); // toByteArray may add a leading sign byte
            System.arraycopy(raw, raw.length - n, encoded, k - n, n);
            Sha256 sha = new Sha256();
            sha.reset();
            sha.update(encoded, 0, k);
            byte[] dh = new byte[HASH];
            sha.finish(dh, 0);
            return dh;
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /**
     * Writes the alternative message for ciphertext {@code c} ({@code k} bytes) into {@code out}
     * ({@code k} bytes), right-aligned like a decoded message, and returns its length, picked in
     * constant time from {@code lengths} (the lengths the key algorithm allows, ascending).
     */
    static int alternative(byte[] dh, byte[] c, int[] lengths, byte[] out) {
        byte[] kdk = hmac(dh, c);
        byte[] candidates = null;
        try {
            iprf(kdk, MESSAGE_LABEL, out);
            candidates = new byte[256];
            iprf(kdk, LENGTH_LABEL, candidates);
            int r = ((candidates[0] & 0xFF) << 8) | (candidates[1] & 0xFF);
            int index = (int) (((long) r * lengths.length) >>> 16); // below lengths.length, no division
            int chosen = 0;
            for (int i = 0; i < lengths.length; i++) {
                chosen = ConstantTime.select(ConstantTime.equal(i, index), lengths[i], chosen);
            }
            return chosen;
        } finally {
            Arrays.fill(kdk, (byte) 0);
            if (candidates != null) {
                Arrays.fill(candidates, (byte) 0);
            }
        }
    }

    /** IPRF(kdk, label, 8 * out.length) into {@code out}. */
    private static void iprf(byte[] kdk, byte[] label, byte[] out) {
        int bits = out.length * 8;
        byte[] input = new byte[2 + label.length + 2];
        System.arraycopy(label, 0, input, 2, label.length);
        input[input.length - 2] = (byte) (bits >>> 8);
        input[input.length - 1] = (byte) bits;
        for (int i = 0, done = 0; done < out.length; i++) {
            input[0] = (byte) (i >>> 8);
            input[1] = (byte) i;
            byte[] block = hmac(kdk, input);
            int n = Math.min(HASH, out.length - done);
            System.arraycopy(block, 0, out, done, n);
            Arrays.fill(block, (byte) 0);
            done += n;
        }
    }

    /** HMAC-SHA256 (RFC 2104) with a 32-byte key. */
    private static byte[] hmac(byte[] key, byte[] message) {
        byte[] pad = new byte[BLOCK];
        byte[] inner = new byte[HASH];
        byte[] mac = new byte[HASH];
        Sha256 sha = new Sha256();
        try {
            for (int i = 0; i < BLOCK; i++) {
                pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
            }
            sha.reset();
            sha.update(pad, 0, BLOCK);
            sha.update(message, 0, message.length);
            sha.finish(inner, 0);
            for (int i = 0; i < BLOCK; i++) {
                pad[i] ^= 0x36 ^ 0x5c;
            }
            sha.reset();
            sha.update(pad, 0, BLOCK);
            sha.update(inner, 0, HASH);
            sha.finish(mac, 0);
            return mac;
        } finally {
            Arrays.fill(pad, (byte) 0);
            Arrays.fill(inner, (byte) 0);
            sha.wipe();
        }
    }
}

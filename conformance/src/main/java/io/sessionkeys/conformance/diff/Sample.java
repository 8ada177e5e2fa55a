package io.sessionkeys.conformance.diff;

import java.security.SecureRandom;

/** One random input for a cross-provider check: key, IV, AAD and message. */
final class Sample {
    final byte[] key;
    final byte[] iv;
    final byte[] aad;
    final byte[] msg;

    private Sample(byte[] key, byte[] iv, byte[] aad, byte[] msg) {
        this.key = key;
        this.iv = iv;
        this.aad = aad;
        this.msg = msg;
    }

    /**
     * @param keyLengths the key lengths to pick from
     * @param ivLength the IV length (0 for none)
     * @param msgMultiple the message length must be a multiple of this (8 for KW), 1 otherwise
     * @param minMsg the shortest message
     */
    static Sample random(SecureRandom r, int[] keyLengths, int ivLength, boolean aad, int msgMultiple, int minMsg) {
        byte[] key = bytes(r, keyLengths[r.nextInt(keyLengths.length)]);
        int len = minMsg + r.nextInt(300);
        len -= len % msgMultiple;
        return new Sample(key, bytes(r, ivLength), aad ? bytes(r, r.nextInt(40)) : new byte[0],
                bytes(r, Math.max(minMsg, len)));
    }

    /** The same key, IV and AAD with another message. */
    Sample withMessage(byte[] message) {
        return new Sample(key, iv, aad, message);
    }

    static byte[] bytes(SecureRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}

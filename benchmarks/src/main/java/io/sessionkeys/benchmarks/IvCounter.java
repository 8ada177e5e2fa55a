package io.sessionkeys.benchmarks;

/**
 * A fresh IV for every encryption: a 64-bit message counter in the first eight bytes, the rest
 * fixed. SessionKeys refuses a repeated IV under one key, and GCM and ChaCha20-Poly1305 must never
 * repeat one anyway. Putting the counter in the high bytes gives each AES-CTR message its own
 * range of counter blocks, so consecutive messages never share keystream. Every key gets its own
 * counter (keys are fresh per measurement iteration), so starting at one is safe.
 */
final class IvCounter {

    private final byte[] iv;
    private long counter;

    IvCounter(int length) {
        this.iv = new byte[length];
    }

    /** The next IV. The array is reused: parameter specs copy it. */
    byte[] next() {
        long c = ++counter;
        for (int i = 7; i >= 0; i--) {
            iv[i] = (byte) c;
            c >>>= 8;
        }
        return iv;
    }
}

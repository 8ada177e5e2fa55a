package io.sessionkeys.tests.aead;

import java.security.SecureRandom;

/** Random caller nonces for tests. */
final class Nonces {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {
    }

    static byte[] random() {
        return random(12);
    }

    static byte[] random(int length) {
        byte[] n = new byte[length];
        RANDOM.nextBytes(n);
        return n;
    }
}

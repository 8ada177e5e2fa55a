package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.key.Attachment;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Every nonce one key has encrypted under, for one AEAD algorithm, shared by all the
 * {@code Cipher} objects that use the key (kept with the key as an {@link Attachment}).
 *
 * <p>Provider-made nonces follow NIST SP 800-38D §8.2.1: a 4-byte fixed field, random per key,
 * then an 8-byte invocation counter. They are unique by construction and cost no memory: a
 * caller's nonce that falls in the fixed field's space is compared with the counter range
 * already issued. Caller nonces are stored, one entry each (the memory cost is in
 * {@code docs/nonces.md}), and the counter skips any value a caller has already taken.
 */
final class NonceLedger {

    static final int CONSTRUCTED_LENGTH = 12;
    private static final int FIXED_LENGTH = 4;

    /** Per-key ledger for AES-GCM (every AES-GCM service shares it). */
    static final Attachment<NonceLedger> AES_GCM = new Attachment<>("AES-GCM nonce ledger", NonceLedger::new);
    /** Per-key ledger for ChaCha20-Poly1305. */
    static final Attachment<NonceLedger> CHACHA20_POLY1305 =
            new Attachment<>("ChaCha20-Poly1305 nonce ledger", NonceLedger::new);

    private final Set<Nonce> callerNonces = new HashSet<>();
    private byte[] fixedField;
    private long issued;

    /** Makes the next provider nonce: fixed field, then the invocation counter (big-endian). */
    synchronized byte[] next(SecureRandom random) {
        if (fixedField == null) {
            fixedField = new byte[FIXED_LENGTH];
            random.nextBytes(fixedField);
        }
        while (true) {
            if (issued == Long.MAX_VALUE) {
                throw new IllegalStateException("this key has used up its nonce counter; a new key is needed");
            }
            byte[] nonce = constructed(issued++);
            if (callerNonces.isEmpty() || !callerNonces.contains(new Nonce(nonce))) {
                return nonce;
            }
        }
    }

    /**
     * Records {@code nonce}, supplied by a caller for an encryption, or refuses it if this key
     * has already encrypted under it.
     */
    synchronized void reserve(byte[] nonce, String algorithm) throws InvalidAlgorithmParameterException {
        if (wasIssued(nonce) || !callerNonces.add(new Nonce(nonce.clone()))) {
            throw new InvalidAlgorithmParameterException("this nonce (IV) was already used to encrypt with this key: "
                    + algorithm + " must never encrypt twice under one key and nonce. Use a new nonce, or init"
                    + " without parameters to let SessionKeys make a unique one (read it back with getIV())");
        }
    }

    /** The number of caller nonces stored (for tests and the memory note). */
    synchronized int storedCount() {
        return callerNonces.size();
    }

    private boolean wasIssued(byte[] nonce) {
        if (fixedField == null || nonce.length != CONSTRUCTED_LENGTH
                || !Arrays.equals(nonce, 0, FIXED_LENGTH, fixedField, 0, FIXED_LENGTH)) {
            return false;
        }
        long counter = 0;
        for (int i = FIXED_LENGTH; i < CONSTRUCTED_LENGTH; i++) {
            counter = (counter << 8) | (nonce[i] & 0xff);
        }
        // issued never exceeds Long.MAX_VALUE, so a "negative" (top-bit) counter was never issued
        return counter >= 0 && counter < issued;
    }

    private byte[] constructed(long counter) {
        byte[] nonce = Arrays.copyOf(fixedField, CONSTRUCTED_LENGTH);
        for (int i = CONSTRUCTED_LENGTH - 1; i >= FIXED_LENGTH; i--) {
            nonce[i] = (byte) counter;
            counter >>>= 8;
        }
        return nonce;
    }

    /** A nonce as a set element: equality by content. Nonces are public, not secret. */
    private static final class Nonce {
        private final byte[] bytes;
        private final int hash;

        Nonce(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Nonce && Arrays.equals(bytes, ((Nonce) o).bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

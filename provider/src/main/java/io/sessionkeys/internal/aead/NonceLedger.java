package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.key.Attachment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * already issued. Caller nonces of 12 bytes go to a {@link NonceSet} (runs of consecutive
 * values, or one table slot each); other lengths, rare, to a hash set of their contents. The
 * counter skips any value a caller has already taken. The memory cost is in
 * {@code docs/nonces.md}. One lock guards all: the work under it is a few comparisons.
 */
final class NonceLedger {

    static final int CONSTRUCTED_LENGTH = 12;
    private static final int FIXED_LENGTH = 4;
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /** Per-key ledger for AES-GCM (every AES-GCM service shares it). */
    static final Attachment<NonceLedger> AES_GCM = new Attachment<>("AES-GCM nonce ledger", NonceLedger::new);
    /** Per-key ledger for ChaCha20-Poly1305. */
    static final Attachment<NonceLedger> CHACHA20_POLY1305 =
            new Attachment<>("ChaCha20-Poly1305 nonce ledger", NonceLedger::new);

    private final NonceSet twelveByte = new NonceSet();
    private Set<OtherLength> otherLengths;
    private boolean hasFixedField;
    private int fixedField;
    private long issued;

    /** Makes the next provider nonce: fixed field, then the invocation counter (big-endian). */
    synchronized byte[] next(SecureRandom random) {
        if (!hasFixedField) {
            byte[] drawn = new byte[FIXED_LENGTH];
            random.nextBytes(drawn);
            fixedField = (int) INT_BE.get(drawn, 0);
            hasFixedField = true;
        }
        while (true) {
            if (issued == Long.MAX_VALUE) {
                throw new IllegalStateException("this key has used up its nonce counter; a new key is needed");
            }
            long counter = issued++;
            long hi = ((long) fixedField << 32) | (counter >>> 32);
            int lo = (int) counter;
            if (!twelveByte.contains(hi, lo)) {
                byte[] nonce = new byte[CONSTRUCTED_LENGTH];
                LONG_BE.set(nonce, 0, hi);
                INT_BE.set(nonce, 8, lo);
                return nonce;
            }
        }
    }

    /**
     * Records {@code nonce}, supplied by a caller for an encryption, or refuses it if this key
     * has already encrypted under it. The array is read, not kept.
     */
    synchronized void reserve(byte[] nonce, String algorithm) throws InvalidAlgorithmParameterException {
        boolean fresh;
        if (nonce.length == CONSTRUCTED_LENGTH) {
            long hi = (long) LONG_BE.get(nonce, 0);
            int lo = (int) INT_BE.get(nonce, 8);
            fresh = !wasIssued(hi, lo) && twelveByte.add(hi, lo);
        } else {
            if (otherLengths == null) {
                otherLengths = new HashSet<>();
            }
            fresh = otherLengths.add(new OtherLength(nonce.clone()));
        }
        if (!fresh) {
            throw new InvalidAlgorithmParameterException("this nonce (IV) was already used to encrypt with this key: "
                    + algorithm + " must never encrypt twice under one key and nonce. Use a new nonce, or init"
                    + " without parameters to let SessionKeys make a unique one (read it back with getIV())");
        }
    }

    /** Caller nonces held one entry each (for tests and the memory note); runs are not counted. */
    synchronized int storedCount() {
        return twelveByte.tableSize() + (otherLengths == null ? 0 : otherLengths.size());
    }

    /** Runs of consecutive caller nonces held (for tests and the memory note). */
    synchronized int runCount() {
        return twelveByte.runCount();
    }

    private boolean wasIssued(long hi, int lo) {
        if (!hasFixedField || (int) (hi >>> 32) != fixedField) {
            return false;
        }
        long counter = (hi << 32) | (lo & 0xffffffffL);
        // issued never exceeds Long.MAX_VALUE, so a "negative" (top-bit) counter was never issued
        return counter >= 0 && counter < issued;
    }

    /**
     * A nonce of another length than 12 as a set element: equality by content (so by length
     * too). Comparable, so a crowded hash bin degrades to a tree search and not to a list walk.
     * Nonces are public, not secret.
     */
    private static final class OtherLength implements Comparable<OtherLength> {
        private final byte[] bytes;
        private final int hash;

        OtherLength(byte[] bytes) {
            this.bytes = bytes;
            int h = Arrays.hashCode(bytes) * 0x9E3779B9;
            this.hash = h ^ (h >>> 16);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OtherLength && Arrays.equals(bytes, ((OtherLength) o).bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public int compareTo(OtherLength other) {
            return Arrays.compare(bytes, other.bytes);
        }
    }
}

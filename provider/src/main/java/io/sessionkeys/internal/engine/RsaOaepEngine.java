package io.sessionkeys.internal.engine;

import java.nio.ByteBuffer;
import java.security.interfaces.RSAPrivateKey;

/**
 * The private-key side of RSA-OAEP (RSADP and EME-OAEP decoding, RFC 8017 §7.1.2) as the wrap
 * family sees it, for an engine that can recover the message outside the Java heap. An engine
 * takes the keys and hashes it can ({@link #decryptor}); for everything else the wrap family runs
 * its own constant-time Java OAEP over the JDK's raw RSA.
 */
public interface RsaOaepEngine {

    /** No engine of its own: every key and hash goes to the wrap family's Java OAEP. */
    RsaOaepEngine JAVA = new RsaOaepEngine() {
        @Override
        public String name() {
            return "RSA-OAEP (Java)";
        }

        @Override
        public Decryptor decryptor(RSAPrivateKey key, String digest, String mgfDigest) {
            return null;
        }
    };

    /** For reports: "RSA-OAEP on OpenSSL", "RSA-OAEP (Java)". */
    String name();

    /**
     * A decryptor for {@code key} with label hash {@code digest} and MGF1 over {@code mgfDigest}
     * (JCA names), or {@code null} if this engine does not take them. Decided on public facts only
     * (the key's class and form, the hash names); it may prepare the key once and cache it per
     * key object.
     */
    Decryptor decryptor(RSAPrivateKey key, String digest, String mgfDigest);

    /** Decrypts for one key and one pair of hashes; thread-safe. */
    interface Decryptor {
        /**
         * Decrypts a ciphertext of exactly the modulus length.
         *
         * @param label the OAEP label (may be empty)
         * @return the message, held outside the Java heap until closed; {@code null} for every
         *     decryption failure alike (out of range, bad encoding, wrong label), which the caller
         *     turns into one exception
         */
        Recovered decrypt(byte[] label, byte[] ciphertext);
    }

    /** A recovered message outside the Java heap; {@link #close} wipes and frees it. */
    interface Recovered extends AutoCloseable {
        int length();

        /** Copies the message to {@code out}, a direct buffer, at index 0 (by address: no heap copy). */
        void copyTo(ByteBuffer out);

        /** Copies the message into a caller's array (plain decryption, whose output is on the heap anyway). */
        void copyTo(byte[] out, int offset);

        @Override
        void close();
    }
}

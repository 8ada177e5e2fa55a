package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.RsaOaepEngine;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.security.interfaces.RSAMultiPrimePrivateCrtKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * RSA-OAEP decryption on OpenSSL 3 ({@code EVP_PKEY_decrypt} with OAEP padding, its digest, MGF1
 * digest and label): the message is recovered into secret memory of the native library and
 * copied from there by address, so an unwrapped key goes straight into its session key's slot.
 *
 * <p>Taken: two-prime RSA keys with every CRT part readable ({@link RSAPrivateCrtKey}), whose
 * algorithm is "RSA", with SHA-1 or SHA-2 label and MGF1 hashes. Not taken, so left to the Java
 * engine: keys without CRT parts (d alone: rare, since KeyStores and the JDK's generator give CRT
 * keys, and one build path then serves every native key), multi-prime keys, keys whose parts
 * cannot be read (hardware tokens), RSASSA-PSS keys, and other hashes.
 */
final class OpenSslRsaOaep implements RsaOaepEngine {

    static final OpenSslRsaOaep INSTANCE = new OpenSslRsaOaep();

    /** JCA digest names to OpenSSL's. */
    private static final Map<String, String> DIGESTS = Map.ofEntries(
            Map.entry("SHA-1", "SHA1"), Map.entry("SHA1", "SHA1"), Map.entry("SHA", "SHA1"),
            Map.entry("SHA-224", "SHA224"), Map.entry("SHA224", "SHA224"),
            Map.entry("SHA-256", "SHA256"), Map.entry("SHA256", "SHA256"),
            Map.entry("SHA-384", "SHA384"), Map.entry("SHA384", "SHA384"),
            Map.entry("SHA-512", "SHA512"), Map.entry("SHA512", "SHA512"),
            Map.entry("SHA-512/224", "SHA512-224"), Map.entry("SHA-512/256", "SHA512-256"));

    private OpenSslRsaOaep() {
    }

    @Override
    public String name() {
        return "RSA-OAEP on OpenSSL";
    }

    @Override
    public Decryptor decryptor(RSAPrivateKey key, String digest, String mgfDigest) {
        String md = digest == null ? null : DIGESTS.get(digest.toUpperCase(Locale.ROOT));
        String mgf = mgfDigest == null ? null : DIGESTS.get(mgfDigest.toUpperCase(Locale.ROOT));
        if (md == null || mgf == null || !(key instanceof RSAPrivateCrtKey crt)
                || key instanceof RSAMultiPrimePrivateCrtKey || !"RSA".equalsIgnoreCase(key.getAlgorithm())
                || !NativeRsaKeys.complete(crt)) {
            return null;
        }
        long handle;
        try {
            handle = NativeRsaKeys.of(crt);
        } catch (IllegalStateException refused) {
            return null; // OpenSSL would not build this key: the Java engine says what is wrong with it
        }
        return new NativeDecryptor(crt, handle, md, mgf);
    }

    /** Holds the Java key, and so keeps its EVP_PKEY from being freed while this is in use. */
    private static final class NativeDecryptor implements Decryptor {
        private final RSAPrivateCrtKey key;
        private final long handle;
        private final String digest;
        private final String mgfDigest;

        NativeDecryptor(RSAPrivateCrtKey key, long handle, String digest, String mgfDigest) {
            this.key = key;
            this.handle = handle;
            this.digest = digest;
            this.mgfDigest = mgfDigest;
        }

        @Override
        public Recovered decrypt(byte[] label, byte[] ciphertext) {
            Objects.requireNonNull(label, "label");
            try {
                long recovered = OpenSslRsaNative.decryptOaep(handle, digest, mgfDigest, label, ciphertext);
                return recovered == 0 ? null : new NativeRecovered(recovered);
            } finally {
                Reference.reachabilityFence(key);
            }
        }
    }

    private static final class NativeRecovered implements Recovered {
        private long recovered;
        private final int length;

        NativeRecovered(long recovered) {
            this.recovered = recovered;
            this.length = OpenSslRsaNative.length(recovered);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public void copyTo(ByteBuffer out) {
            if (!out.isDirect() || out.capacity() < length) {
                throw new IllegalArgumentException("the recovered message goes to a direct buffer of "
                        + length + " bytes or more");
            }
            OpenSslRsaNative.copyDirect(live(), out, 0);
            Reference.reachabilityFence(out);
        }

        @Override
        public void copyTo(byte[] out, int offset) {
            Objects.checkFromIndexSize(offset, length, out.length);
            OpenSslRsaNative.copyArray(live(), out, offset);
        }

        private long live() {
            if (recovered == 0) {
                throw new IllegalStateException("the recovered message was already wiped");
            }
            return recovered;
        }

        @Override
        public void close() {
            long r = recovered;
            recovered = 0;
            if (r != 0) {
                OpenSslRsaNative.freeRecovered(r);
            }
        }
    }
}

package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.common.Zeroing;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenSSL form ({@code EVP_PKEY}) of each caller's RSA private key, built once per key object
 * and freed when that object becomes unreachable.
 *
 * <p>The map is keyed by identity through weak references: it never keeps a caller's key alive,
 * and two equal key objects get one {@code EVP_PKEY} each. A cleaner frees the {@code EVP_PKEY}
 * once its key object is unreachable; an operation keeps its key reachable for the length of its
 * native call, so no call can use a freed key. OpenSSL 3 lets several threads decrypt with one
 * {@code EVP_PKEY} at once (each takes its own context, which holds a reference to the key).
 *
 * <p>The key's parts are on the Java heap already, as the caller's {@code BigInteger}s; the byte
 * arrays made of them to cross into C are zeroed as soon as the key is built.
 */
final class NativeRsaKeys {

    private static final ConcurrentHashMap<Identity, Long> KEYS = new ConcurrentHashMap<>();

    private NativeRsaKeys() {
    }

    /**
     * The {@code EVP_PKEY} of {@code key}, built now if it has none yet.
     *
     * @throws IllegalStateException if OpenSSL refuses the key's parts
     */
    static long of(RSAPrivateCrtKey key) {
        Identity probe = new Identity(key);
        Long handle = KEYS.get(probe);
        if (handle != null) {
            return handle;
        }
        return KEYS.computeIfAbsent(probe, id -> {
            long made = build(key);
            CleanerHolder.CLEANER.register(key, new Free(id, made));
            return made;
        });
    }

    /** How many keys are cached now (for tests). */
    static int size() {
        return KEYS.size();
    }

    private static long build(RSAPrivateCrtKey key) {
        BigInteger[] values = {key.getModulus(), key.getPublicExponent(), key.getPrivateExponent(),
            key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(), key.getPrimeExponentQ(),
            key.getCrtCoefficient()};
        byte[][] parts = new byte[values.length][];
        try {
            for (int i = 0; i < values.length; i++) {
                parts[i] = values[i].toByteArray(); // big-endian; a leading sign byte is a harmless zero
            }
            return OpenSslRsaNative.newKey(parts);
        } finally {
            for (byte[] part : parts) {
                if (part != null) {
                    Zeroing.wipe(part);
                }
            }
        }
    }

    /** Whether {@code key} has every CRT part, all positive (else the Java engine takes it). */
    static boolean complete(RSAPrivateCrtKey key) {
        try {
            BigInteger[] values = {key.getModulus(), key.getPublicExponent(), key.getPrivateExponent(),
                key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(), key.getPrimeExponentQ(),
                key.getCrtCoefficient()};
            for (BigInteger v : values) {
                if (v == null || v.signum() <= 0) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A weak reference equal to another exactly when both point at the same live object. */
    private static final class Identity extends WeakReference<Object> {
        private final int hash;

        Identity(Object referent) {
            super(referent);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Identity other) || other.hash != hash) {
                return false;
            }
            Object mine = get();
            return mine != null && mine == other.get();
        }
    }

    /** Runs once the key object is unreachable: no operation can be using its EVP_PKEY any more. */
    private record Free(Identity id, long handle) implements Runnable {
        @Override
        public void run() {
            KEYS.remove(id);
            OpenSslRsaNative.freeKey(handle);
        }
    }

    private static final class CleanerHolder {
        static final Cleaner CLEANER = Cleaner.create(runnable -> {
            Thread t = new Thread(runnable, "sessionkeys-rsa-key-cleaner");
            t.setDaemon(true);
            return t;
        });
    }
}

package io.sessionkeys.benchmarks;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.DestroyFailedException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The life of an AES-256 session key: make it, use it once, destroy it; and import raw bytes.
 * The key-life budget is read from this class: {@code generateDestroy} on SessionKeys must cost at
 * most twice SunJCE's {@code generate}.
 *
 * <p>Keys made by {@code generate} and {@code importKey} are dropped, not destroyed: SessionKeys'
 * Cleaner reclaims their native memory, and that work is part of what is measured.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyLifeBenchmark {

    static final int KEY_BITS = 256;
    static final int MESSAGE_BYTES = 1024;

    /** A provider's AES KeyGenerator, initialized for 256-bit keys. */
    @State(Scope.Thread)
    public static class Generation {
        @Param({"SessionKeys", "SunJCE", "BC", "ACCP", "Conscrypt"})
        public String provider;

        KeyGenerator generator;

        @Setup(Level.Trial)
        public void open() throws NotProvidedException {
            generator = openGenerator(ProviderUnderTest.byLabel(provider).load());
        }
    }

    /** As {@link Generation}, for providers whose keys can be destroyed. */
    @State(Scope.Thread)
    public static class DestroyableGeneration {
        @Param({"SessionKeys", "SunJCE", "BC", "ACCP", "Conscrypt"})
        public String provider;

        KeyGenerator generator;

        @Setup(Level.Trial)
        public void open() throws NotProvidedException {
            generator = openGenerator(ProviderUnderTest.byLabel(provider).load());
            if (!destroys(generator.generateKey())) {
                throw new NotProvidedException("its keys cannot be destroyed (destroy() throws"
                        + " DestroyFailedException)");
            }
        }
    }

    /**
     * A generator plus an AES-GCM cipher of the same provider. Keys that cannot be destroyed
     * (SecretKeySpec) are used without the destroy; the suite's table marks those cells.
     */
    @State(Scope.Thread)
    public static class EncryptingGeneration {
        @Param({"SessionKeys", "SunJCE", "BC", "ACCP", "Conscrypt"})
        public String provider;

        KeyGenerator generator;
        Cipher cipher;
        boolean destroyable;
        final byte[] iv = new byte[12];
        final byte[] message = Keys.randomBytes(MESSAGE_BYTES);
        final byte[] output = new byte[MESSAGE_BYTES + 16];

        @Setup(Level.Trial)
        public void open() throws NotProvidedException {
            Provider p = ProviderUnderTest.byLabel(provider).load();
            generator = openGenerator(p);
            cipher = JcaLookup.cipher(p, CipherAlgorithm.AES_256_GCM.names());
            destroyable = destroys(generator.generateKey());
        }

        /** Whether the measured operation includes the destroy (false: the provider's keys refuse it). */
        public boolean destroysKeys() {
            return destroyable;
        }
    }

    /** A provider's AES SecretKeyFactory and the raw key to import. */
    @State(Scope.Thread)
    public static class Importing {
        @Param({"SessionKeys", "SunJCE", "BC", "ACCP", "Conscrypt"})
        public String provider;

        SecretKeyFactory factory;
        final SecretKeySpec raw = new SecretKeySpec(Keys.randomBytes(KEY_BITS / 8), "AES");

        @Setup(Level.Trial)
        public void open() throws NotProvidedException, GeneralSecurityException {
            factory = JcaLookup.secretKeyFactory(ProviderUnderTest.byLabel(provider).load(), "AES");
            JcaLookup.require("AES".equals(factory.generateSecret(raw).getAlgorithm()), "imported key algorithm");
        }
    }

    @Benchmark
    public SecretKey generate(Generation s) {
        return s.generator.generateKey();
    }

    @Benchmark
    public boolean generateDestroy(DestroyableGeneration s) throws DestroyFailedException {
        SecretKey key = s.generator.generateKey();
        key.destroy();
        return key.isDestroyed();
    }

    @Benchmark
    public int generateEncryptDestroy(EncryptingGeneration s) throws GeneralSecurityException, DestroyFailedException {
        SecretKey key = s.generator.generateKey();
        // The key is new every time, so one fixed IV never repeats under a key.
        s.cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, s.iv));
        int length = s.cipher.doFinal(s.message, 0, s.message.length, s.output, 0);
        if (s.destroyable) {
            key.destroy();
        }
        return length;
    }

    @Benchmark
    public SecretKey importKey(Importing s) throws GeneralSecurityException {
        return s.factory.generateSecret(s.raw);
    }

    static KeyGenerator openGenerator(Provider provider) throws NotProvidedException {
        KeyGenerator generator = JcaLookup.keyGenerator(provider, "AES");
        generator.init(KEY_BITS);
        return generator;
    }

    /** Whether the key can be destroyed: tries it on a throwaway key. */
    static boolean destroys(SecretKey key) {
        try {
            key.destroy();
            return key.isDestroyed();
        } catch (DestroyFailedException notDestroyable) {
            return false;
        }
    }
}

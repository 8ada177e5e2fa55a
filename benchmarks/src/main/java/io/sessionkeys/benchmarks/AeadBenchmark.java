package io.sessionkeys.benchmarks;

import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * AEAD encryption and decryption of one message per operation: {@code init} with a fresh IV,
 * then {@code doFinal}. Keys are new for every measurement iteration (outside the measured time).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AeadBenchmark {

    /** SunJCE-nointrinsics is left out by default: it needs its own JVM flags (see run.sh). */
    @Param({"SessionKeys", "SessionKeys-java", "SunJCE", "BC", "ACCP", "Conscrypt"})
    public String provider;

    @Param({"AES-128-GCM", "AES-256-GCM", "ChaCha20-Poly1305"})
    public String algorithm;

    @Param({"64", "1024", "16384", "1048576"})
    public int size;

    private CipherFixture fixture;

    @Setup(Level.Trial)
    public void open() throws NotProvidedException, GeneralSecurityException {
        ProviderUnderTest who = ProviderUnderTest.byLabel(provider);
        fixture = CipherFixture.open(who, who.load(), CipherAlgorithm.byLabel(algorithm), size);
    }

    @Setup(Level.Iteration)
    public void rekey() throws NotProvidedException, GeneralSecurityException {
        fixture.rekey();
    }

    @TearDown(Level.Trial)
    public void close() {
        fixture.close();
    }

    @Benchmark
    public int encrypt() throws GeneralSecurityException {
        return fixture.encrypt();
    }

    @Benchmark
    public int decrypt() throws GeneralSecurityException {
        return fixture.decrypt();
    }

    /** {@link #encrypt} between direct {@code ByteBuffer}s (the catalog runs it for AES-256-GCM at 16 KiB). */
    @Benchmark
    public int encryptDirect() throws GeneralSecurityException {
        return fixture.encryptDirect();
    }

    /** {@link #decrypt} between direct {@code ByteBuffer}s. */
    @Benchmark
    public int decryptDirect() throws GeneralSecurityException {
        return fixture.decryptDirect();
    }
}

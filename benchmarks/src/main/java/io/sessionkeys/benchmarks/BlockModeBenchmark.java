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
 * AES-CTR, AES-CBC (PKCS5 padding), AES-CFB (128-bit segments), AES-CFB8 and AES-OFB encryption
 * and decryption of one message per operation (16 KiB; the suite runs CFB8 at 1 KiB):
 * {@code init} with a fresh IV, then {@code doFinal}. Keys are new for every measurement iteration (outside the measured time).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BlockModeBenchmark {

    /** SunJCE-nointrinsics is left out by default: it needs its own JVM flags (see run.sh). */
    @Param({"SessionKeys", "SessionKeys-java", "SunJCE", "BC", "ACCP", "Conscrypt"})
    public String provider;

    @Param({"AES-256-CTR", "AES-256-CBC", "AES-256-CFB", "AES-256-CFB8", "AES-256-OFB"})
    public String algorithm;

    @Param({"16384"})
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
}

package io.sessionkeys.benchmarks;

import java.security.GeneralSecurityException;
import java.security.Key;
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
 * Wrapping and unwrapping an AES-256 key, {@code init} included. Unwrapped keys are dropped, not
 * destroyed (SessionKeys' Cleaner reclaims them within the measurement).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WrapBenchmark {

    @Param({"SessionKeys", "SessionKeys-java", "SunJCE", "BC", "ACCP", "Conscrypt"})
    public String provider;

    @Param({"AES-KW", "AES-KWP", "RSA-OAEP-SHA256"})
    public String algorithm;

    private WrapFixture fixture;

    @Setup(Level.Trial)
    public void open() throws NotProvidedException, GeneralSecurityException {
        ProviderUnderTest who = ProviderUnderTest.byLabel(provider);
        fixture = WrapFixture.open(who, who.load(), WrapAlgorithm.byLabel(algorithm));
    }

    @TearDown(Level.Trial)
    public void close() {
        fixture.close();
    }

    @Benchmark
    public byte[] wrap() throws GeneralSecurityException {
        return fixture.wrap();
    }

    @Benchmark
    public Key unwrap() throws GeneralSecurityException {
        return fixture.unwrap();
    }
}

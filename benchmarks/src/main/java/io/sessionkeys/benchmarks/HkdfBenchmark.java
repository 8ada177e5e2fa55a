package io.sessionkeys.benchmarks;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
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
 * HKDF-SHA256 extract-then-expand of 32 bytes of input keying material into an AES-256 key.
 * Derived keys are dropped, not destroyed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HkdfBenchmark {

    @Param({"SessionKeys", "SessionKeys-java", "SunJCE", "BC", "ACCP", "Conscrypt"})
    public String provider;

    private HkdfRoute route;

    @Setup(Level.Trial)
    public void open() throws NotProvidedException, GeneralSecurityException {
        ProviderUnderTest who = ProviderUnderTest.byLabel(provider);
        byte[] ikm = Keys.randomBytes(HkdfRoute.IKM_BYTES);
        byte[] salt = Keys.randomBytes(HkdfRoute.SALT_BYTES);
        byte[] info = Keys.randomBytes(HkdfRoute.INFO_BYTES);
        route = HkdfRoute.open(who, who.load(), ikm, salt, info);
        checkDerivation(route, new BouncyCastleHkdfRoute(ikm, salt, info));
    }

    @Benchmark
    public SecretKey derive() throws GeneralSecurityException {
        return route.derive();
    }

    /**
     * The route must derive an AES key, and where its bytes are readable (not a session key),
     * the same bytes as the reference implementation.
     */
    static void checkDerivation(HkdfRoute route, HkdfRoute reference) throws GeneralSecurityException {
        SecretKey derived = route.derive();
        JcaLookup.require("AES".equalsIgnoreCase(derived.getAlgorithm()), "HKDF derives an AES key");
        byte[] bytes = derived.getEncoded();
        if (bytes != null) {
            JcaLookup.require(Arrays.equals(bytes, reference.derive().getEncoded()),
                    "HKDF output equals Bouncy Castle's");
        }
        ProviderUnderTest.discard(derived);
    }
}

package io.sessionkeys.benchmarks;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
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
 * One HMAC tag per operation: {@code doFinal} over a whole message with a {@code Mac} initialized
 * once per iteration (a new key each iteration, outside the measured time), as a server computing
 * tags with one session key does. SessionKeys gets a session key from its own KeyGenerator; the
 * others a {@link SecretKeySpec} of the hash's output length.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HmacBenchmark {

    @Param({"SessionKeys", "SessionKeys-java", "SunJCE", "BC", "ACCP", "Conscrypt"})
    public String provider;

    @Param({"HmacSHA256", "HmacSHA512"})
    public String algorithm;

    @Param({"64", "1024", "16384"})
    public int size;

    private ProviderUnderTest who;
    private Mac mac;
    private SecretKey key;
    private byte[] message;

    @Setup(Level.Trial)
    public void open() throws NotProvidedException, GeneralSecurityException {
        who = ProviderUnderTest.byLabel(provider);
        try {
            mac = Mac.getInstance(algorithm, who.load());
        } catch (NoSuchAlgorithmException e) {
            throw new NotProvidedException("no Mac " + algorithm, e);
        }
        message = Keys.randomBytes(size);
        rekey();
        checkTag();
    }

    @Setup(Level.Iteration)
    public void rekey() throws NotProvidedException, InvalidKeyException {
        close();
        key = Keys.newKey(who, who.load(), algorithm, 8 * mac.getMacLength());
        mac.init(key);
    }

    @TearDown(Level.Trial)
    public void close() {
        if (key != null) {
            ProviderUnderTest.discard(key);
            key = null;
        }
    }

    @Benchmark
    public byte[] tag() {
        return mac.doFinal(message);
    }

    /** Where the key's bytes are readable (not a session key), the tag must be SunJCE's. */
    private void checkTag() throws GeneralSecurityException {
        byte[] raw = key.getEncoded();
        if (raw != null) {
            Mac reference = Mac.getInstance(algorithm, "SunJCE");
            reference.init(new SecretKeySpec(raw, algorithm));
            JcaLookup.require(java.util.Arrays.equals(reference.doFinal(message), mac.doFinal(message)),
                    algorithm + " tag equals SunJCE's");
        } else {
            JcaLookup.require(mac.doFinal(message).length == mac.getMacLength(), algorithm + " makes a whole tag");
        }
    }
}

package io.sessionkeys.benchmarks;

import io.sessionkeys.SessionKeysProvider;
import java.nio.ByteBuffer;
import java.security.Security;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
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
 * The untouched path: a TLS 1.3 bulk transfer between the JDK's own SSLEngines in memory, with
 * SessionKeys first in the provider list and without it. JSSE's keys are the JDK's own
 * ({@code SecretKeySpec}), so with SessionKeys first the records should cost what they cost without.
 * One operation moves {@link #MESSAGE_BYTES} from client to server (records of at most 16 KiB).
 *
 * <p>{@link #provider} follows the suite's columns: {@code SunJCE} is the JDK's providers alone,
 * {@code SessionKeys} the same with SessionKeys inserted first. The provider list is changed per
 * fork, so the two never share a JVM; the report's "SK ÷ SunJCE" is the ratio to read (target 0.95
 * or more).
 *
 * <pre>java -jar benchmarks/target/sessionkeys-benchmarks.jar TlsBulkBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TlsBulkBenchmark {

    static final int MESSAGE_BYTES = 1 << 20;

    /** The providers this benchmark compares, by their suite labels. */
    static final String ABSENT = ProviderUnderTest.SUNJCE.label();
    static final String FIRST = ProviderUnderTest.SESSIONKEYS.label();

    @Param({"SunJCE", "SessionKeys"})
    public String provider;

    @Param({"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    public String suite;

    private TlsLoopback pair;
    private ByteBuffer message;
    private ByteBuffer records;
    private ByteBuffer received;

    @Setup(Level.Trial)
    public void connect() throws Exception {
        boolean first = provider.equals(FIRST);
        if (first) {
            Security.insertProviderAt(new SessionKeysProvider(), 1);
        } else if (!provider.equals(ABSENT)) {
            throw new NotProvidedException("TLS over loopback compares the JDK alone (" + ABSENT + ") with SessionKeys"
                    + " first (" + FIRST + "); " + provider + " is not part of it");
        }
        pair = TlsLoopback.connect("TLSv1.3", suite);
        JcaLookup.require(suite.equals(pair.client.getSession().getCipherSuite()), "the engines negotiated " + suite);
        JcaLookup.require(Security.getProviders()[0].getName().equals(SessionKeysProvider.NAME) == first,
                "SessionKeys is " + (first ? "first" : "absent") + " in the provider list");
        message = ByteBuffer.wrap(Keys.randomBytes(MESSAGE_BYTES));
        records = ByteBuffer.allocate(pair.client.getSession().getPacketBufferSize());
        received = ByteBuffer.allocate(MESSAGE_BYTES + pair.server.getSession().getApplicationBufferSize());
        JcaLookup.require(transfer() == MESSAGE_BYTES && received.flip().equals(message.rewind()),
                "the server reads what the client wrote");
    }

    @TearDown(Level.Trial)
    public void close() {
        Security.removeProvider(SessionKeysProvider.NAME);
    }

    @Benchmark
    public int transfer() throws SSLException {
        message.rewind();
        received.clear();
        while (message.hasRemaining()) {
            records.clear();
            SSLEngineResult wrapped = pair.client.wrap(message, records);
            records.flip();
            SSLEngineResult unwrapped = pair.server.unwrap(records, received);
            if (wrapped.getStatus() != SSLEngineResult.Status.OK || unwrapped.getStatus() != SSLEngineResult.Status.OK) {
                throw new SSLException("wrap " + wrapped + ", unwrap " + unwrapped);
            }
        }
        return received.position();
    }
}

package io.sessionkeys.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionkeys.SessionKeysProvider;
import java.security.Security;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TLS bulk benchmark's fixture, for both of its columns: it connects, moves its whole message,
 * and leaves the provider list as it found it (no timing: JMH measures). The fixture itself checks
 * that SessionKeys is first exactly when asked.
 */
class TlsBulkBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"SunJCE", "SessionKeys"})
    void connectsAndMovesTheWholeMessage_thenRestoresTheProviderList(String provider) throws Exception {
        TlsBulkBenchmark b = new TlsBulkBenchmark();
        b.provider = provider;
        b.suite = "TLS_AES_128_GCM_SHA256";
        b.connect();
        try {
            assertEquals(TlsBulkBenchmark.MESSAGE_BYTES, b.transfer());
            assertEquals(TlsBulkBenchmark.MESSAGE_BYTES, b.transfer());
        } finally {
            b.close();
        }
        assertNotEquals(SessionKeysProvider.NAME, Security.getProviders()[0].getName());
    }

    @Test
    void otherProviders_areNotPartOfIt() {
        TlsBulkBenchmark b = new TlsBulkBenchmark();
        b.provider = "BC";
        b.suite = "TLS_AES_128_GCM_SHA256";
        assertThrows(NotProvidedException.class, b::connect);
    }
}

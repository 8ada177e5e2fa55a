package io.sessionkeys.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The TLS bulk benchmark's fixture connects and moves its message (no timing: JMH measures).
 * Only the "absent" value runs here: "first" changes this JVM's provider list, and its outcome with
 * SessionKeys first is what the compatibility suite checks.
 */
class TlsBulkBenchmarkTest {

    @Test
    void absent_connectsAndMovesTheWholeMessage() throws Exception {
        TlsBulkBenchmark b = new TlsBulkBenchmark();
        b.sessionKeys = "absent";
        b.suite = "TLS_AES_128_GCM_SHA256";
        b.connect();
        try {
            assertEquals(TlsBulkBenchmark.MESSAGE_BYTES, b.transfer());
            assertEquals(TlsBulkBenchmark.MESSAGE_BYTES, b.transfer());
        } finally {
            b.close();
        }
    }
}

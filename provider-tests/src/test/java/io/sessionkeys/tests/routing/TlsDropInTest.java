package io.sessionkeys.tests.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.tests.routing.programs.TlsLoopback;
import io.sessionkeys.tests.support.ChildJvm;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JDK's own TLS 1.3, unmodified, with SessionKeys installed first through the shipped
 * {@code java.security} snippet: every TLS 1.3 suite completes a handshake and carries data.
 * JSSE asks its HKDF {@code Mac} for its length before {@code init} (JDK 17), which fixes the
 * provider to SessionKeys before the {@code SecretKeySpec} is seen; SessionKeys must pass it on.
 */
class TlsDropInTest {

    @ParameterizedTest
    @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void tls13_withSessionKeysFirst_handshakesAndCarriesData(String suite) throws Exception {
        ChildJvm.Result r = ChildJvm.run(List.of(
                "-Djava.security.properties=" + ChildJvm.packagedTemplate("java.security.snippet"),
                "-cp", ChildJvm.classPathWithProvider(), TlsLoopback.class.getName(), "TLSv1.3", suite, "20000"));

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("first.provider=SessionKeys"), r.all());
        assertTrue(r.stdout().contains("tls.suite=" + suite), r.all());
        assertTrue(r.stdout().contains("tls.echo.matches=true"), r.all());
    }
}

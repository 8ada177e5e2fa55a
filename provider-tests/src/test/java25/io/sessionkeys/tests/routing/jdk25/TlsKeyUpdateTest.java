package io.sessionkeys.tests.routing.jdk25;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.tests.routing.programs.TlsLoopback;
import io.sessionkeys.tests.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JDK 25's TLS 1.3 derives its traffic keys and IVs through {@code javax.crypto.KDF}, and again at
 * every KeyUpdate (a {@code deriveKey} and a {@code deriveData} from one secret). With SessionKeys
 * first through the shipped snippet and a tiny {@code jdk.tls.keyLimits}, a transfer forces many
 * KeyUpdates; none of those derivations is SessionKeys' (no session key among the inputs), so each
 * goes to SunJCE and the connection carries its data to the end.
 */
class TlsKeyUpdateTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void tls13_keyUpdatesWithSessionKeysFirst_connectionCarriesAllItsData(String suite) throws Exception {
        Path security = dir.resolve("java.security");
        Files.writeString(security, Files.readString(ChildJvm.packagedTemplate("java.security.snippet"))
                + "\njdk.tls.keyLimits=AES/GCM/NoPadding KeyUpdate 2^12, ChaCha20-Poly1305 KeyUpdate 2^12\n");

        ChildJvm.Result r = ChildJvm.run(List.of("-Djava.security.properties=" + security,
                "-Djavax.net.debug=ssl:handshake", "-cp", ChildJvm.classPathWithProvider(),
                TlsLoopback.class.getName(), "TLSv1.3", suite, "200000"));

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("first.provider=SessionKeys"), r.all());
        assertTrue(r.stdout().contains("tls.echo.matches=true"), r.all());
        long keyUpdates = r.all().lines().filter(l -> l.contains("Produced KeyUpdate")).count();
        assertTrue(keyUpdates >= 10, keyUpdates + " KeyUpdate messages:\n" + r.all());
    }
}

package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.ConfigurationException;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeysProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidParameterException;
import java.security.Provider;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random configuration files through {@code Provider.configure}: a file either configures a provider
 * whose keys then work under the policy it gives, or is refused with {@link ConfigurationException}
 * naming the file; any other exception (a parse error escaping, an overflow) is a defect.
 */
class HostileConfigurationProperties {

    private static final List<String> NAMES = List.of("sessionkeys.policy.encryptLifetime",
            "sessionkeys.policy.decryptLifetime", "sessionkeys.policy.maxEncryptions", "sessionkeys.policy.maxBytes",
            "sessionkeys.policy.wrappable", "sessionkeys.policy.plaintextExport", "sessionkeys.policy.",
            "sessionkeys.policy.maxbytes", "sessionkeys", "", "security.provider.1");

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of("none", "NONE", "algorithm", "true", "false", "TRUE", "yes", "0", "1", "-1", "1_000",
                        "_", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "PT8H", "P1D",
                        "pt1s", "PT0S", "PT-1S", "P-1D", "PT9223372036854775807S", "P106751991167300D",
                        "P200000000000D", "PT2562047788015215H", "PT0.0001S", "P1DT", "P", "PT", "\u0000", "\uFEFF1",
                        "1e3", "0x10", " 12 ", "\u0661\u0662"),
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.longs().map(n -> Long.toString(n)),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(n -> "PT" + n + "S"),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 86_400).map(n -> "P" + n + "D"));
    }

    @Provide
    Arbitrary<List<String>> files() {
        return lines().list().ofMaxSize(8);
    }

    private Arbitrary<String> lines() {
        Arbitrary<String> setting = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of("=", " = ", ":", " ", "==",
                "= ="), values()).as((n, sep, v) -> n + sep + v);
        return Arbitraries.oneOf(setting, setting, setting, Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("# comment", "! comment", "", "   ", "=", "\t=\t", "\\", "name = value \\"));
    }

    @Property(tries = 400)
    void configure_randomLines_configuredAndWorkingOrConfigurationException(
            @ForAll("files") List<String> lines) throws Exception {
        Path file = Files.createTempFile("sessionkeys-hostile", ".conf");
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
            Provider configured;
            try {
                configured = new SessionKeysProvider().configure(file.toString());
            } catch (ConfigurationException e) {
                assertTrue(e.getMessage().contains(file.toString()), () -> "the file is not named: " + e.getMessage());
                return;
            } catch (RuntimeException e) {
                Hostile.assertAllowed(e, new byte[0][]); // nothing else is allowed: this fails
                return;
            }
            // A configuration that was accepted must give keys that work, within the limits it set
            // (sessionkeys.policy.maxBytes=1 is a valid configuration: its keys encrypt one byte).
            KeyGenerator g = KeyGenerator.getInstance("AES", configured);
            g.init(128);
            SessionKey key = (SessionKey) g.generateKey();
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding", configured);
            c.init(Cipher.ENCRYPT_MODE, key);
            c.doFinal(new byte[(int) Math.min(16, key.policy().maxBytes().orElse(16))]);
            key.destroy();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 200)
    void configure_randomArguments_configurationOrInvalidParameterException(@ForAll("arguments") String argument) {
        try {
            new SessionKeysProvider().configure(argument);
        } catch (ConfigurationException | InvalidParameterException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        } catch (RuntimeException e) {
            Hostile.assertAllowed(e, new byte[0][]);
        }
    }

    @Provide
    Arbitrary<String> arguments() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("", " ", "/", "/proc", "/nonexistent/sessionkeys.conf", "a\u0000b", "/dev/null",
                        "/etc/passwd", System.getProperty("java.io.tmpdir")));
    }
}

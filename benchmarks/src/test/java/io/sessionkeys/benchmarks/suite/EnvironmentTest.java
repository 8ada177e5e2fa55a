package io.sessionkeys.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's header says which engine ran each SessionKeys algorithm: the environment file must
 * carry the engine selection itself, not "unknown" because the probe asked SessionKeys for
 * nothing that makes it select its engines.
 */
class EnvironmentTest {

    @Test
    void environmentNamesTheEngineOfEveryAlgorithm(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("environment.properties");
        Environment.write(file, Profile.SMOKE);

        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        String engines = p.getProperty("sessionkeys.engines", "");
        assertTrue(engines.contains("AES-GCM: "), engines);
        assertTrue(engines.contains("HmacSHA256: "), engines);
        assertTrue(!engines.startsWith("unknown"), engines);
    }
}

package io.sessionkeys.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    private String file(String... lines) throws IOException {
        Path p = dir.resolve("sessionkeys.conf");
        Files.write(p, java.util.List.of(lines));
        return p.toString();
    }

    @Test
    void fromFile_validSettings_becomeTheDefaultPolicy() throws Exception {
        Settings s = Settings.fromFile(file("# comment", "", "sessionkeys.policy.encryptLifetime = PT1H",
                "sessionkeys.policy.decryptLifetime: pt2h", "sessionkeys.policy.maxEncryptions=1_000",
                "! another comment", "sessionkeys.policy.plaintextExport = TRUE",
                "sessionkeys.policy.wrappable = false", "sessionkeys.policy.maxBytes = algorithm"));
        assertEquals(Duration.ofHours(1), s.defaultPolicy().encryptLifetime().orElseThrow());
        assertEquals(Duration.ofHours(2), s.defaultPolicy().decryptLifetime().orElseThrow());
        assertEquals(1000, s.defaultPolicy().maxEncryptions().getAsLong());
        assertTrue(s.defaultPolicy().maxBytes().isEmpty());
        assertTrue(s.defaultPolicy().plaintextExportable());
        assertFalse(s.defaultPolicy().wrappable());
    }

    @Test
    void fromFile_unknownSetting_namesFileLineAndSetting() throws Exception {
        String f = file("sessionkeys.policy.wrappable = true", "sessionkeys.policy.maxByte = 5");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Settings.fromFile(f));
        assertTrue(e.getMessage().contains(f + ", line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("sessionkeys.policy.maxByte"), e.getMessage());
    }

    @Test
    void fromFile_badValue_namesTheSettingAndWhatItAccepts() throws Exception {
        String f = file("sessionkeys.policy.encryptLifetime = one hour");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Settings.fromFile(f));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("ISO-8601"), e.getMessage());
    }

    @Test
    void fromFile_lineWithoutSeparator_isRefused() throws Exception {
        String f = file("sessionkeys.policy.wrappable");
        assertThrows(ConfigurationException.class, () -> Settings.fromFile(f));
    }

    @Test
    void fromFile_inconsistentLifetimes_refusedWithTheReason() throws Exception {
        String f = file("sessionkeys.policy.encryptLifetime = PT2H", "sessionkeys.policy.decryptLifetime = PT1H");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Settings.fromFile(f));
        assertTrue(e.getMessage().contains("shorter"), e.getMessage());
    }

    @Test
    void fromFile_missingFile_saysWhichFile() {
        String missing = dir.resolve("nope.conf").toString();
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Settings.fromFile(missing));
        assertTrue(e.getMessage().contains(missing), e.getMessage());
    }

    @Test
    void systemProperty_unknownSessionkeysName_isRefused() {
        System.setProperty("sessionkeys.policy.nonsense", "1");
        try {
            ConfigurationException e = assertThrows(ConfigurationException.class, Settings::fromSystemProperties);
            assertTrue(e.getMessage().contains("system property"), e.getMessage());
        } finally {
            System.clearProperty("sessionkeys.policy.nonsense");
        }
    }

    @Test
    void systemProperty_overridesTheFile() throws Exception {
        String f = file("sessionkeys.policy.maxEncryptions = 5");
        System.setProperty("sessionkeys.policy.maxEncryptions", "7");
        try {
            assertEquals(7, Settings.fromFile(f).defaultPolicy().maxEncryptions().getAsLong());
        } finally {
            System.clearProperty("sessionkeys.policy.maxEncryptions");
        }
    }

    /** The template in META-INF-templates lists exactly the settings the code knows, and parses. */
    @Test
    void template_listsEverySettingAndParses() throws Exception {
        Path template = Path.of(System.getProperty("user.dir")).resolve("../META-INF-templates/sessionkeys.conf.template");
        String text = Files.readString(template);
        Matcher m = Pattern.compile("(?m)^(sessionkeys\\.[A-Za-z.]+)\\s*=").matcher(text);
        java.util.Set<String> inTemplate = new java.util.TreeSet<>();
        while (m.find()) {
            inTemplate.add(m.group(1));
        }
        java.util.Set<String> known = new java.util.TreeSet<>();
        for (Setting s : Setting.values()) {
            known.add(s.key);
        }
        assertEquals(known, inTemplate);
        Settings.fromFile(template.toString());
    }
}

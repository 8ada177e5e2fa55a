package io.sessionkeys.internal.config;

import io.sessionkeys.ConfigurationException;
import io.sessionkeys.KeyPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The provider's configuration: built-in defaults, then security properties of the same names
 * (from {@code java.security} or a {@code -Djava.security.properties} file such as the shipped
 * snippet), then a configuration file (if the provider was configured with one), then system
 * properties, each overriding the one before. Immutable once read.
 *
 * <p>System properties are read by group ({@code sessionkeys.policy.*}, plus the single names
 * {@code sessionkeys.engine}, {@code sessionkeys.libcrypto}, {@code sessionkeys.aesKernel} and
 * {@code sessionkeys.memory}): every property in a group must
 * be a known setting, so a typo fails loudly, while other {@code sessionkeys.}
 * properties (a test harness's, say) are left alone.
 *
 * <p>The file format is a subset of {@code .properties} that keeps line numbers for errors:
 * {@code name = value} (or {@code name: value}) on one line, {@code #} and {@code !} start a
 * comment line, blank lines are ignored. Continuation lines and escapes are not supported, and
 * nothing SessionKeys accepts needs them.
 */
public final class Settings {

    private final KeyPolicy defaultPolicy;
    private final boolean dropInReadable;
    private final String source;
    private final String engine;
    private final String libcrypto;
    private final String memory;
    private final boolean aesKernel;

    private Settings(Builder b, String source) {
        this.source = source;
        this.engine = b.engine;
        this.libcrypto = b.libcrypto;
        this.memory = b.memory;
        this.aesKernel = b.aesKernel;
        this.dropInReadable = b.dropInReadable;
        try {
            this.defaultPolicy = b.policy.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(source + ": the default policy is inconsistent: " + e.getMessage());
        }
    }

    /** Built-in defaults overridden by system properties. */
    public static Settings fromSystemProperties() {
        Builder b = new Builder();
        applySecurityProperties(b);
        applySystemProperties(b, System.getProperties());
        return new Settings(b, "system properties");
    }

    /** Built-in defaults, then {@code file}, then system properties. */
    public static Settings fromFile(String file) {
        Builder b = new Builder();
        applySecurityProperties(b);
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) { // a name the file system cannot hold (a NUL) is a bad setting too
            throw new ConfigurationException("cannot read SessionKeys configuration file " + file + ": " + e, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            applyLine(b, file, i + 1, lines.get(i));
        }
        applySystemProperties(b, System.getProperties());
        return new Settings(b, file + " and system properties");
    }

    private static void applyLine(Builder b, String file, int lineNumber, String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
            return;
        }
        int sep = separator(text);
        if (sep < 0) {
            throw new ConfigurationException(file + ", line " + lineNumber + ": expected 'name = value', found '"
                    + text + "'");
        }
        apply(b, file + ", line " + lineNumber, text.substring(0, sep).strip(), text.substring(sep + 1).strip());
    }

    private static int separator(String text) {
        int eq = text.indexOf('=');
        int colon = text.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    /** Every setting given as a security property (the shipped snippet sets one). */
    private static void applySecurityProperties(Builder b) {
        for (Setting setting : Setting.values()) {
            String value = Security.getProperty(setting.key);
            if (value != null) {
                apply(b, "security property", setting.key, value.strip());
            }
        }
    }

    private static void applySystemProperties(Builder b, Properties properties) {
        Map<String, String> ours = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (Setting.inSettingsGroup(name)) {
                ours.put(name, properties.getProperty(name));
            }
        }
        ours.forEach((name, value) -> apply(b, "system property", name, value.strip()));
    }

    private static void apply(Builder b, String where, String name, String value) {
        Setting setting = Setting.byKey(name);
        if (setting == null) {
            throw new ConfigurationException(where + ": unknown setting '" + name + "'; the settings are: "
                    + Setting.allKeys());
        }
        try {
            setting.apply(value, b);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(where + ": bad value '" + value + "' for " + name + " ("
                    + e.getMessage() + "): expected " + setting.accepts);
        }
    }

    /** The policy of keys made without one. */
    public KeyPolicy defaultPolicy() {
        return defaultPolicy;
    }

    /** {@code sessionkeys.engine}: auto, native or java. */
    public String engine() {
        return engine;
    }

    /** {@code sessionkeys.libcrypto}: a path, or {@code null} for the system's libcrypto. */
    public String libcrypto() {
        return libcrypto;
    }

    /** {@code sessionkeys.aesKernel}: whether SessionKeys' own AES-GCM kernel may run (auto) or not (off). */
    public boolean aesKernel() {
        return aesKernel;
    }

    /** {@code sessionkeys.memory}: auto, secret, locked or plain. */
    public String memory() {
        return memory;
    }

    /**
     * Whether keys made without a policy, for code that did not name SessionKeys, reveal their
     * bytes through {@code getEncoded()} (each read recorded): {@code sessionkeys.dropIn.keyBytes}.
     */
    public boolean dropInReadable() {
        return dropInReadable;
    }

    /** Where the settings came from, for the self-test report. */
    public String source() {
        return source;
    }

    /** Settings being read; {@link Setting}s write into it. */
    static final class Builder {
        final KeyPolicy.Builder policy = KeyPolicy.builder();
        String engine = "auto";
        String libcrypto;
        String memory = "auto";
        boolean aesKernel = true;
        boolean dropInReadable;
    }
}

package io.sessionkeys.internal.cli;

import io.sessionkeys.ConfigurationException;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.internal.config.Settings;
import io.sessionkeys.internal.engine.openssl.DeferredEngines;
import io.sessionkeys.internal.engine.openssl.EngineSelection;
import io.sessionkeys.internal.key.ArenaMemory;
import io.sessionkeys.internal.provider.SelfTest;
import java.io.PrintStream;
import java.security.Provider;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code java -jar sessionkeys-provider.jar [--demo]}: prints the version, the JDK, the engines,
 * the services, and the self-test result; exits 1 if the self-test failed. With {@code --demo} it
 * then walks a session key through its life.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int status = report(System.out);
        if (status == 0 && args.length > 0 && args[0].equals("--demo")) {
            LifecycleDemo.run(System.out);
        }
        System.exit(status);
    }

    /** Prints the report and returns the exit status. */
    static int report(PrintStream out) {
        SessionKeysProvider provider = new SessionKeysProvider();
        out.println("SessionKeys " + SessionKeysProvider.VERSION);
        out.println("JDK:    " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")");
        out.println("Config: " + provider.configurationSource());
        Settings settings = Settings.fromSystemProperties();
        try {
            ArenaMemory.select(ArenaMemory.Mode.parse(settings.memory()));
        } catch (ConfigurationException e) {
            out.println("Key memory: none: " + e.getMessage());
            return 1;
        }
        out.println("Engines:");
        EngineSelection engines;
        try {
            engines = new DeferredEngines(settings.engine(), settings.libcrypto(), settings.aesKernel()).resolve();
        } catch (ConfigurationException e) {
            out.println("  none: " + e.getMessage());
            return 1;
        }
        for (EngineSelection.Choice c : engines.choices()) {
            out.println("  " + pad(c.algorithm(), 20) + c.engine() + ": " + c.reason());
        }
        out.println("Default policy: " + provider.defaultPolicy());
        out.println();
        out.println("Services:");
        Map<String, Provider.Service> sorted = new TreeMap<>();
        for (Provider.Service s : provider.getServices()) {
            sorted.put(s.getType() + " " + s.getAlgorithm(), s);
        }
        for (Provider.Service s : sorted.values()) {
            out.println("  " + pad(s.getType(), 18) + s.getAlgorithm() + aliasesOf(provider, s));
        }
        out.println();
        SelfTest.Result result = SelfTest.result();
        out.println("Self-test:");
        for (String line : result.lines()) {
            out.println("  " + line);
        }
        out.println(result.passed() ? "Self-test passed." : "Self-test FAILED.");
        out.println();
        out.println("Key memory (after the self-test's keys):");
        ArenaMemory.report().forEach((k, v) -> out.println("  " + pad(k, 20) + v));
        return result.passed() ? 0 : 1;
    }

    private static String aliasesOf(Provider provider, Provider.Service service) {
        String prefix = "Alg.Alias." + service.getType() + ".";
        TreeSet<String> aliases = new TreeSet<>();
        for (Object key : provider.keySet()) {
            String name = key.toString();
            if (name.startsWith(prefix) && service.getAlgorithm().equals(provider.getProperty(name))) {
                aliases.add(name.substring(prefix.length()));
            }
        }
        return aliases.isEmpty() ? "" : "  (aliases: " + String.join(", ", aliases) + ")";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}

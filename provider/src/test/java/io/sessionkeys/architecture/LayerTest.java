package io.sessionkeys.architecture;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKeysProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The provider's packages import one another only downward, and the families never import each
 * other. Read from the compiled classes (both trees of the multi-release jar), so a reference
 * written with a fully qualified name counts as much as an import.
 */
class LayerTest {

    private static final String ROOT = "io.sessionkeys";
    private static final String INTERNAL = ROOT + ".internal";

    /**
     * Bottom to top. A class may refer to its own unit and to units of lower layers; two units of
     * one layer may not refer to each other. A unit is a package with its subpackages, except the
     * value types (the package {@code io.sessionkeys} alone) and {@code SessionKeysProvider}.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("value types"),
            List.of(INTERNAL + ".common"),
            List.of(INTERNAL + ".config", INTERNAL + ".events"),
            List.of(INTERNAL + ".service"),
            List.of(INTERNAL + ".key"),
            List.of(INTERNAL + ".engine"),
            List.of(INTERNAL + ".keygen", INTERNAL + ".aead", INTERNAL + ".blockmode", INTERNAL + ".wrap",
                    INTERNAL + ".mac", INTERNAL + ".kdf", INTERNAL + ".blob"),
            List.of(INTERNAL + ".provider"),
            List.of(SessionKeysProvider.class.getName()),
            List.of(INTERNAL + ".cli")); // the command line entry point installs the provider

    @Test
    void packagesImportOnlyDownward() throws IOException {
        List<ClassFileReferences> classes = compiledClasses();
        List<String> violations = new ArrayList<>();
        for (ClassFileReferences c : classes) {
            for (String target : c.references) {
                String problem = violation(c.name, target);
                if (problem != null) {
                    violations.add(c.name + " -> " + target + ": " + problem);
                }
            }
        }
        assertTrue(violations.isEmpty(), violations.size() + " references break the layering:\n"
                + String.join("\n", violations));
    }

    /** Guards the reader: it must see the provider's classes and a dependency known to exist. */
    @Test
    void readsTheCompiledClasses() throws IOException {
        Map<String, ClassFileReferences> byName = new TreeMap<>();
        for (ClassFileReferences c : compiledClasses()) {
            byName.put(c.name, c);
        }
        assertTrue(byName.size() > 100, "only " + byName.size() + " classes found");
        ClassFileReferences catalog = byName.get(INTERNAL + ".provider.ServiceCatalog");
        assertNotNull(catalog);
        assertTrue(catalog.references.contains(INTERNAL + ".aead.AeadServices"), catalog.references.toString());
        // a type used only in a method signature (no CONSTANT_Class entry of its own)
        ClassFileReferences checks = byName.get(INTERNAL + ".key.SessionKeyChecks");
        assertTrue(checks.references.contains("java.security.Key"), checks.references.toString());
    }

    @Test
    void theRuleRefusesUpwardAndSidewaysReferences() {
        assertNotNull(violation(INTERNAL + ".key.KeyCore", INTERNAL + ".engine.aes.AesGcmEngine"));
        assertNotNull(violation(INTERNAL + ".kdf.Hkdf", INTERNAL + ".mac.SessionKeyHmac"));
        assertNotNull(violation(INTERNAL + ".service.ProviderContext", INTERNAL + ".key.ManagedSessionKey"));
        assertNotNull(violation(ROOT + ".KeyScope", INTERNAL + ".key.ManagedSessionKey"));
        assertNotNull(violation(INTERNAL + ".config.Settings", INTERNAL + ".events.KeyEvents"));
        assertNotNull(violation(INTERNAL + ".newfamily.Thing", ROOT + ".KeyPolicy"));
        assertNull(violation(INTERNAL + ".kdf.Hkdf", INTERNAL + ".engine.hmac.HmacState"));
        assertNull(violation(INTERNAL + ".engine.hmac.HmacState", INTERNAL + ".engine.sha.ShaHash"));
        assertNull(violation(ROOT + ".SessionKeysProvider", INTERNAL + ".provider.ServiceCatalog"));
        assertNull(violation(ROOT + ".SessionKeysProvider$1", ROOT + ".KeyPolicy"));
    }

    /** Why {@code from} may not refer to {@code to}, or {@code null} if it may. */
    static String violation(String from, String to) {
        if (!to.startsWith(ROOT + ".")) {
            return null;
        }
        int[] source = place(from);
        int[] target = place(to);
        if (source == null) {
            return "package of " + from + " has no place in LayerTest.LAYERS";
        }
        if (target == null) {
            return "package of " + to + " has no place in LayerTest.LAYERS";
        }
        if (target[0] > source[0]) {
            return "runs up, from layer " + describe(source) + " to layer " + describe(target);
        }
        if (target[0] == source[0] && target[1] != source[1]) {
            return "runs sideways between " + describe(source) + " and " + describe(target);
        }
        return null;
    }

    /** {layer, unit within the layer} of a class, or {@code null} if no unit holds it. */
    private static int[] place(String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        String pkg = outer.substring(0, outer.lastIndexOf('.'));
        for (int layer = 0; layer < LAYERS.size(); layer++) {
            List<String> units = LAYERS.get(layer);
            for (int unit = 0; unit < units.size(); unit++) {
                String u = units.get(unit);
                boolean holds = u.equals("value types")
                        ? pkg.equals(ROOT) && !outer.equals(SessionKeysProvider.class.getName())
                        : outer.equals(u) || pkg.equals(u) || pkg.startsWith(u + ".");
                if (holds) {
                    return new int[] {layer, unit};
                }
            }
        }
        return null;
    }

    private static String describe(int[] place) {
        return place[0] + " (" + LAYERS.get(place[0]).get(place[1]) + ")";
    }

    /** Every class of the provider's output, the JDK 25 tree of the multi-release jar included. */
    private static List<ClassFileReferences> compiledClasses() throws IOException {
        Path root;
        try {
            root = Path.of(SessionKeysProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        assertTrue(Files.isDirectory(root), "expected the provider's class directory, not " + root);
        List<ClassFileReferences> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String file = p.getFileName().toString();
                if (file.endsWith(".class") && !file.equals("module-info.class")) {
                    classes.add(ClassFileReferences.read(Files.readAllBytes(p)));
                }
            }
        }
        return classes;
    }
}

package io.sessionkeys.tests.install.programs;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.support.KeyPattern;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;

/**
 * Imports a key with known bytes, zeroes its own copy, and takes a live heap dump while the key
 * is live and another after {@code destroy()}. A control array with other known bytes stays
 * reachable on purpose: the scanner must find it, or the scan proves nothing.
 *
 * <p>Arguments: seed, directory for the dumps.
 */
public final class HeapResidueProbe {

    private static byte[] control;

    private HeapResidueProbe() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        Path dir = Path.of(args[1]);
        control = KeyPattern.control(seed);

        SecretKeyFactory factory = SecretKeyFactory.getInstance("AES", new SessionKeysProvider());
        SecretKey key = importAndForget(factory, seed);

        dump(dir.resolve("live.hprof"));
        key.destroy();
        dump(dir.resolve("destroyed.hprof"));
        System.out.println("destroyed=" + key.isDestroyed());
        Reference.reachabilityFence(key);
        Reference.reachabilityFence(control);
    }

    /** Kept in its own frame so that no local of main's can hold the spec or the bytes. */
    private static SecretKey importAndForget(SecretKeyFactory factory, long seed) throws Exception {
        byte[] bytes = KeyPattern.key(seed);
        try {
            return factory.generateSecret(new SecretKeySpec(bytes, "AES"));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static void dump(Path file) throws Exception {
        HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        bean.dumpHeap(file.toString(), true);
    }
}

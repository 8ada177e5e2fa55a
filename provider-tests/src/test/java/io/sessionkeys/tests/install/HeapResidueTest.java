package io.sessionkeys.tests.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.tests.install.programs.HeapResidueProbe;
import io.sessionkeys.tests.support.ChildJvm;
import io.sessionkeys.tests.support.KeyPattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No key bytes in the Java heap: a child JVM imports a key with known bytes and dumps its live
 * heap while the key is live and after {@code destroy()}; neither dump may contain the key or
 * either of its 16-byte halves. A control array the child keeps on purpose must be found, or the
 * scan itself is broken.
 */
class HeapResidueTest {

    @TempDir
    Path dir;

    @Test
    void heapDumps_liveAndAfterDestroy_containNoKeyBytes() throws Exception {
        long seed = System.nanoTime();
        ChildJvm.Result r = ChildJvm.run(List.of("-Xmx128m", "-cp", ChildJvm.classPathWithProvider(),
                HeapResidueProbe.class.getName(), Long.toString(seed), dir.toString()));
        assertEquals(0, r.exitCode(), r.all());
        // The dumps can only show the heap: that destroy() worked at all, the child reports.
        assertEquals("destroyed=true", r.stdout().strip(), r.all());

        byte[] key = KeyPattern.key(seed);
        byte[] control = KeyPattern.control(seed);
        for (String name : List.of("live.hprof", "destroyed.hprof")) {
            byte[] dump = Files.readAllBytes(dir.resolve(name));
            assertTrue(KeyPattern.count(dump, control) >= 1, name + ": the control array was not found, so"
                    + " the scan cannot be trusted");
            assertEquals(0, KeyPattern.count(dump, key), name + ": whole key found");
            assertEquals(0, KeyPattern.count(dump, Arrays.copyOfRange(key, 0, 16)), name + ": first half found");
            assertEquals(0, KeyPattern.count(dump, Arrays.copyOfRange(key, 16, 32)), name + ": second half found");
        }
    }
}

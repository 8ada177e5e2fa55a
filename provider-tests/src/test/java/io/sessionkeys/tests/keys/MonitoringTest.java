package io.sessionkeys.tests.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionkeys.tests.install.programs.MonitoringProbe;
import io.sessionkeys.tests.support.ChildJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MBean operators watch, with exact numbers: a fresh JVM (no other test's keys) runs a fixed
 * scenario and reports every counter after each step.
 */
class MonitoringTest {

    @Test
    void mbean_exactCountsForCreationExportRefusalAndDestruction() throws Exception {
        ChildJvm.Result r = ChildJvm.run(List.of("-cp", ChildJvm.classPathWithProvider(),
                MonitoringProbe.class.getName()));
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(String.join("\n",
                // fresh JVM: no live key, nothing counted since the start
                "start: live=0 {} created=0 exported=0 refused=0 destroyed={}",
                // three ChaCha20 keys, two AES-256, one AES-128 in a scope
                "made: live=6 {AES=3, ChaCha20=3} created=6 exported=0 refused=0 destroyed={}",
                // one key wrapped, one given in plaintext; a key whose policy forbids it gave null
                "exported: live=6 {AES=3, ChaCha20=3} created=6 exported=2 refused=0 destroyed={}",
                // an encryption past maxEncryptions(1), and a Cipher.init with a destroyed key
                "refused: live=5 {AES=3, ChaCha20=2} created=6 exported=2 refused=2 destroyed={EXPLICIT=1}",
                // two more destroyed explicitly, one by closing its scope
                "destroyed: live=2 {AES=2} created=6 exported=2 refused=2 destroyed={EXPLICIT=3, SCOPE_CLOSED=1}"),
                r.stdout().strip(), r.all());
    }
}

package io.sessionkeys.tests.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.tests.install.programs.ForeignKeysOnlyProgram;
import io.sessionkeys.tests.support.ChildJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SessionKeys first through the shipped snippet, in front of an application that never makes a
 * session key: every operation goes to the JDK's provider and SessionKeys does no work of its own
 * (no self-test, no key memory, no native library), even where JCA fixed SessionKeys as the
 * provider before the key was seen. The first session key then starts it all, which shows that
 * what the test looks at does appear when SessionKeys works.
 */
class ForeignKeysOnlyTest {

    @Test
    void foreignKeysOnly_sessionKeysDoesNoWorkUntilItsFirstKey() throws Exception {
        ChildJvm.Result r = ChildJvm.run(List.of(
                "-Djava.security.properties=" + ChildJvm.packagedTemplate("java.security.snippet"),
                "-cp", ChildJvm.classPathWithProvider(), ForeignKeysOnlyProgram.class.getName()));

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("first.provider=SessionKeys"), r.all());
        // JCA fixed SessionKeys before the key was seen; the work still went to the JDK's provider.
        assertTrue(r.stdout().contains("mac.provider=SessionKeys"), r.all());
        assertTrue(r.stdout().contains("cipher.provider=SessionKeys"), r.all());
        assertTrue(r.stdout().contains("foreign.worked=false"), r.all());
        assertTrue(r.stdout().contains("own.key=io.sessionkeys."), r.all());
        assertTrue(r.stdout().contains("own.worked=mbean true"), r.all());
    }
}

package io.sessionkeys.tests.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.tests.install.programs.KeyBytesProgram;
import io.sessionkeys.tests.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys whose bytes an application reads, with SessionKeys installed through the shipped snippet:
 * readable and recorded by default for code that does not name SessionKeys, sealed for code that
 * does, and sealed for all with the snippet's one-line setting, with a KeyStore that says why.
 */
class DropInKeyBytesTest {

    @TempDir
    Path dir;

    private ChildJvm.Result run(Path securityProperties) throws Exception {
        return ChildJvm.run(List.of("-Djava.security.properties=" + securityProperties,
                "-cp", ChildJvm.classPathWithProvider(), KeyBytesProgram.class.getName()));
    }

    @Test
    void snippet_unnamedKeysReadableAndEveryReadRecorded_namedKeysSealed() throws Exception {
        ChildJvm.Result r = run(ChildJvm.packagedTemplate("java.security.snippet"));

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("unnamed.provider=SessionKeys"), r.all());
        assertTrue(r.stdout().contains("unnamed.class=io.sessionkeys.internal.key.ManagedSessionKey"), r.all());
        assertTrue(r.stdout().contains("unnamed.encoded.length=32"), r.all());
        assertTrue(r.stdout().contains("named.encoded.null=true"), r.all());
        // the application's read and PKCS12's read, each an event with the reader's frames
        assertTrue(r.stdout().contains("jfr.plaintextReads=2"), r.all());
        assertTrue(r.stdout().contains("jfr.readerInStackTrace=true"), r.all());
        assertTrue(r.stdout().contains("mbean.plaintextReads=2"), r.all());
        assertTrue(r.stdout().contains("keystore.PKCS12=stored"), r.all());
        assertTrue(r.stdout().contains("keystore.JCEKS=java.security.KeyStoreException: a SessionKey is volatile"
                + " and cannot be serialized or stored in a KeyStore"), r.all());
    }

    @Test
    void snippetWithSealingLine_getEncodedNull_keyStoresSayAVolatileKeyCannotBeStored() throws Exception {
        Path sealed = dir.resolve("java.security");
        Files.writeString(sealed, Files.readString(ChildJvm.packagedTemplate("java.security.snippet"))
                .replace("sessionkeys.dropIn.keyBytes=readable", "sessionkeys.dropIn.keyBytes=sealed"));

        ChildJvm.Result r = run(sealed);

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("unnamed.encoded.length=null"), r.all());
        assertTrue(r.stdout().contains("jfr.plaintextReads=0"), r.all());
        String pkcs12 = r.stdout().lines().filter(l -> l.startsWith("keystore.PKCS12=")).findFirst().orElseThrow();
        assertTrue(pkcs12.startsWith("keystore.PKCS12=java.security.KeyStoreException"), r.all());
        assertTrue(pkcs12.contains("is a volatile session key and cannot be stored in a KeyStore"), r.all());
        assertTrue(r.stdout().contains("keystore.JCEKS=java.security.KeyStoreException: a SessionKey is volatile"), r.all());
    }
}

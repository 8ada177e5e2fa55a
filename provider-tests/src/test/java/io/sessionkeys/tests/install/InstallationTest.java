package io.sessionkeys.tests.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.install.programs.ConfiguredProviderProbe;
import io.sessionkeys.tests.install.programs.PlainJcaProgram;
import io.sessionkeys.tests.install.programs.ShutdownProbe;
import io.sessionkeys.tests.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three ways to install SessionKeys, each as a user would do it. */
class InstallationTest {

    @TempDir
    Path dir;

    /** A java.security override: the packaged snippet with the first line replaced. */
    private Path securityProperties(String firstProviderLine) throws Exception {
        String snippet = Files.readString(ChildJvm.packagedTemplate("java.security.snippet"));
        Path file = dir.resolve("java.security");
        Files.writeString(file, snippet.replace("security.provider.1=SessionKeys", firstProviderLine));
        return file;
    }

    @Test
    void javaSecurity_withConfigurationFile_keysComeFromSessionKeysWithTheConfiguredPolicy() throws Exception {
        Path conf = dir.resolve("sessionkeys.conf");
        Files.writeString(conf, "sessionkeys.policy.maxEncryptions = 7\nsessionkeys.policy.plaintextExport = true\n");
        Path security = securityProperties("security.provider.1=SessionKeys " + conf);

        ChildJvm.Result r = ChildJvm.run(List.of("-Djava.security.properties=" + security,
                "-cp", ChildJvm.classPathWithProvider(), ConfiguredProviderProbe.class.getName()));

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("first.provider=SessionKeys"), r.all());
        assertTrue(r.stdout().contains("configured.from=" + conf), r.all());
        assertTrue(r.stdout().contains("keygenerator.provider=SessionKeys"), r.all());
        assertTrue(r.stdout().contains("key.maxEncryptions=7"), r.all());
        assertTrue(r.stdout().contains("key.plaintextExportable=true"), r.all());
    }

    @Test
    void javaSecurity_badConfigurationFile_failsLoudlyNamingFileLineAndSetting() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "# fine\nsessionkeys.policy.maxEncryption = 7\n");
        Path security = securityProperties("security.provider.1=SessionKeys " + conf);

        ChildJvm.Result r = ChildJvm.run(List.of("-Djava.security.properties=" + security,
                "-cp", ChildJvm.classPathWithProvider(), PlainJcaProgram.class.getName()));

        assertNotEquals(0, r.exitCode(), r.all());
        assertTrue(r.stderr().contains(conf + ", line 2"), r.all());
        assertTrue(r.stderr().contains("sessionkeys.policy.maxEncryption"), r.all());
    }

    @Test
    void classPathDropIn_unmodifiedJcaProgram_receivesSessionKeysAndForeignKeysStillWork() throws Exception {
        ChildJvm.Result r = ChildJvm.run(List.of(
                "-Djava.security.properties=" + ChildJvm.packagedTemplate("java.security.snippet"),
                "-cp", ChildJvm.classPathWithProvider(), PlainJcaProgram.class.getName()));

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("keygenerator.provider=SessionKeys"), r.all());
        assertTrue(r.stdout().contains("key.class=io.sessionkeys.internal.key.ManagedSessionKey"), r.all());
        assertTrue(r.stdout().contains("key.encoded.null=false"), r.all()); // the snippet keeps key bytes readable
        assertTrue(r.stdout().contains("foreign.cipher.provider=SunJCE"), r.all());
        assertTrue(r.stdout().contains("foreign.wrap.length=24"), r.all());
        assertTrue(r.stdout().contains("destroyed=true"), r.all());
    }

    @Test
    void modulePath_providerIsFoundByNameThroughItsModuleDeclaration() throws Exception {
        ChildJvm.Result r = ChildJvm.run(List.of(
                "-Djava.security.properties=" + ChildJvm.packagedTemplate("java.security.snippet"),
                "--module-path", ChildJvm.providerJar().toString(), "--add-modules", "io.sessionkeys",
                "-cp", ChildJvm.testClasses().toString(), PlainJcaProgram.class.getName()));

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("keygenerator.provider=SessionKeys"), r.all());
    }

    @Test
    void inCode_addProviderThenAskByName_givesSessionKeys() throws Exception {
        Security.addProvider(new SessionKeysProvider());
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES", "SessionKeys");
            SecretKey key = generator.generateKey();
            assertTrue(key instanceof SessionKey);
            assertEquals(256, ((SessionKey) key).keySizeBits());
            key.destroy();
        } finally {
            Security.removeProvider("SessionKeys");
        }
    }

    @Test
    void jvmExit_liveKey_isDestroyedByTheShutdownHook() throws Exception {
        ChildJvm.Result r = ChildJvm.run(List.of("-cp", ChildJvm.classPathWithProvider(),
                ShutdownProbe.class.getName()));

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("live=ACTIVE"), r.all());
        assertTrue(r.stdout().contains("at.exit=SHUTDOWN"), r.all());
    }

    @Test
    void selfTestCommand_printsVersionServicesAndPasses() throws Exception {
        ChildJvm.Result r = ChildJvm.run(List.of("-jar", ChildJvm.providerJar().toString()));

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().startsWith("SessionKeys "), r.all());
        assertTrue(r.stdout().contains("JDK:"), r.all());
        assertTrue(r.stdout().contains("Engines:"), r.all());
        assertTrue(r.stdout().contains("AES-GCM "), r.all());
        assertTrue(r.stdout().contains("KeyGenerator"), r.all());
        assertTrue(r.stdout().contains("Self-test passed."), r.all());
    }
}

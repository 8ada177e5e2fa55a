package io.sessionkeys.tests.install.programs;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.management.ObjectName;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * An application that reads the bytes of the keys it generates and stores one in a KeyStore, as
 * code written for the JDK's keys does, run with SessionKeys installed through the snippet. Prints
 * what getEncoded gave, what a JFR recording saw, what the MBean counted and what the KeyStores did.
 */
public final class KeyBytesProgram {

    private KeyBytesProgram() {
    }

    public static void main(String[] args) throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable("io.sessionkeys.KeyExported").withStackTrace();
            recording.start();

            KeyGenerator unnamed = KeyGenerator.getInstance("AES");
            unnamed.init(256);
            SecretKey key = unnamed.generateKey();
            System.out.println("unnamed.provider=" + unnamed.getProvider().getName());
            System.out.println("unnamed.class=" + key.getClass().getName());
            byte[] bytes = readKeyBytes(key);
            System.out.println("unnamed.encoded.length=" + (bytes == null ? "null" : bytes.length));

            KeyGenerator named = KeyGenerator.getInstance("AES", "SessionKeys");
            SecretKey sealed = named.generateKey();
            System.out.println("named.encoded.null=" + (sealed.getEncoded() == null));

            for (String type : new String[] {"PKCS12", "JCEKS"}) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(null, null);
                try {
                    store.setEntry("k", new KeyStore.SecretKeyEntry(key),
                            new KeyStore.PasswordProtection("pw".toCharArray()));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    store.store(out, "pw".toCharArray());
                    System.out.println("keystore." + type + "=stored");
                } catch (Exception e) {
                    System.out.println("keystore." + type + "=" + e.getClass().getName() + ": " + e.getMessage());
                }
            }
            key.destroy();

            recording.stop();
            Path file = Files.createTempFile("key-bytes", ".jfr");
            recording.dump(file);
            int reads = 0;
            boolean readerSeen = false;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (e.getEventType().getName().equals("io.sessionkeys.KeyExported")
                        && "plaintext".equals(e.getString("method"))) {
                    reads++;
                    for (RecordedFrame f : e.getStackTrace().getFrames()) {
                        readerSeen |= f.getMethod().getName().equals("readKeyBytes");
                    }
                }
            }
            Files.delete(file);
            System.out.println("jfr.plaintextReads=" + reads);
            System.out.println("jfr.readerInStackTrace=" + readerSeen);
        }
        Object count = ManagementFactory.getPlatformMBeanServer().getAttribute(
                new ObjectName("io.sessionkeys:type=SessionKeys"), "PlaintextReads");
        System.out.println("mbean.plaintextReads=" + count);
    }

    /** The application code that reads key bytes: its name must show in the event's stack trace. */
    private static byte[] readKeyBytes(SecretKey key) {
        return key.getEncoded();
    }
}

package io.sessionkeys.tests.residue;

import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import javax.crypto.Cipher;
import javax.management.JMX;
import javax.management.ObjectName;

/** Whether the default engine selection runs AES-GCM on OpenSSL in this JVM (and so in a child like it). */
final class NativeGcm {

    private NativeGcm() {
    }

    static boolean runsHere() {
        try {
            Cipher.getInstance("AES/GCM/NoPadding", new SessionKeysProvider()); // makes the selection
            SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                    new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
            return bean.getEngines().getOrDefault("AES-GCM", "").startsWith("OpenSSL");
        } catch (Exception e) {
            throw new AssertionError("cannot tell which engine runs AES-GCM", e);
        }
    }
}

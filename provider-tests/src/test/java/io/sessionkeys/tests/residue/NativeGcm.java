package io.sessionkeys.tests.residue;

import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import javax.crypto.KeyGenerator;
import javax.management.JMX;
import javax.management.ObjectName;

/** Which engine the default selection runs AES-GCM on in this JVM (and so in a child like it). */
final class NativeGcm {

    private NativeGcm() {
    }

    static boolean runsHere() {
        return engine().startsWith("OpenSSL");
    }

    /** Whether whole AES-GCM messages run on SessionKeys' own kernel here (see EngineLayout). */
    static boolean onOwnKernel() {
        return engine().contains("AES-GCM kernel");
    }

    private static String engine() {
        try {
            // A key maker makes the selection (a Cipher waits for its first session key).
            KeyGenerator.getInstance("AES", new SessionKeysProvider());
            SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                    new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
            return bean.getEngines().getOrDefault("AES-GCM", "");
        } catch (Exception e) {
            throw new AssertionError("cannot tell which engine runs AES-GCM", e);
        }
    }
}

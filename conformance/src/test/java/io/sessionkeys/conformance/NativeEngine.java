package io.sessionkeys.conformance;

import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import javax.crypto.KeyGenerator;
import javax.management.JMX;
import javax.management.ObjectName;

/** Which engine SessionKeys' default selection runs here, as its MXBean reports it. */
final class NativeEngine {

    private NativeEngine() {
    }

    /** Whether AES-GCM runs on OpenSSL in this JVM. */
    static boolean runsAesGcm() {
        try {
            // A key maker makes the selection (a Cipher waits for its first session key).
            KeyGenerator.getInstance("AES", new SessionKeysProvider());
            SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                    new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
            return bean.getEngines().getOrDefault("AES-GCM", "").startsWith("OpenSSL");
        } catch (Exception e) {
            throw new AssertionError("cannot tell which engine runs AES-GCM", e);
        }
    }
}

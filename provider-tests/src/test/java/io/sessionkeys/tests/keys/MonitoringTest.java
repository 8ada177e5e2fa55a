package io.sessionkeys.tests.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The MBean operators watch: counts move as keys are made and destroyed. */
class MonitoringTest {

    @Test
    void mbean_countsCreationAndDestructionByReason() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("ChaCha20", new SessionKeysProvider());
        generator.generateKey().destroy(); // makes sure the MBean exists
        SessionKeysMXBean mbean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        long created = mbean.getCreatedKeys();
        long explicit = mbean.getDestroyedKeysByReason().get("EXPLICIT");

        SecretKey a = generator.generateKey();
        SecretKey b = generator.generateKey();
        Map<String, Integer> live = mbean.getLiveKeysByAlgorithm();
        assertTrue(live.getOrDefault("ChaCha20", 0) >= 2, live.toString());
        a.destroy();
        b.destroy();

        assertEquals(created + 2, mbean.getCreatedKeys());
        assertEquals(explicit + 2, mbean.getDestroyedKeysByReason().get("EXPLICIT"));
        assertTrue(mbean.getLiveKeys() >= 0);
    }
}

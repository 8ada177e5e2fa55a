package io.sessionkeys.tests.install.programs;

import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.management.JMX;
import javax.management.ObjectName;

/**
 * Makes and uses {@code args[0]} AES-256 keys at once, then prints the MXBean's memory report,
 * one {@code name=value} line each. Run under a small RLIMIT_MEMLOCK, the keys outgrow the
 * locked budget.
 */
public final class MemoryBudgetProbe {

    private MemoryBudgetProbe() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        KeyGenerator generator = KeyGenerator.getInstance("AES", new SessionKeysProvider());
        generator.init(256);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", generator.getProvider());
        List<SecretKey> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SecretKey key = generator.generateKey();
            gcm.init(Cipher.ENCRYPT_MODE, key);
            gcm.doFinal(new byte[64]);
            keys.add(key);
        }
        SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        System.out.println("keys=" + keys.size());
        bean.getMemory().forEach((k, v) -> System.out.println(k + "=" + v));
        for (SecretKey key : keys) {
            key.destroy();
        }
    }
}

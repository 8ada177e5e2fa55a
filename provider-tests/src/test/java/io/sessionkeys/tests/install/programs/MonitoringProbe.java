package io.sessionkeys.tests.install.programs;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import java.lang.management.ManagementFactory;
import java.security.InvalidKeyException;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.management.JMX;
import javax.management.ObjectName;

/**
 * A fixed scenario of key creation, export, refusal and destruction in a fresh JVM (no other
 * test's keys), printing the MBean's counts after each step as differences from the start, so
 * that the parent can assert exact numbers.
 */
public final class MonitoringProbe {

    private static SessionKeysMXBean mbean;
    private static long created0;
    private static long exported0;
    private static long refused0;
    private static Map<String, Long> destroyed0;

    private MonitoringProbe() {
    }

    public static void main(String[] args) throws Exception {
        SessionKeysProvider provider = new SessionKeysProvider();
        KeyGenerator aes = KeyGenerator.getInstance("AES", provider);
        KeyGenerator chacha = KeyGenerator.getInstance("ChaCha20", provider);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", provider);
        Cipher poly = Cipher.getInstance("ChaCha20-Poly1305", provider);
        Cipher kw = Cipher.getInstance("AES/KW/NoPadding", provider);
        // The MBean is registered with the first key; its statistics start from whatever the
        // provider itself did (self-tests), hence differences.
        chacha.generateKey().destroy();
        mbean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        created0 = mbean.getCreatedKeys();
        exported0 = mbean.getExportedKeys();
        refused0 = mbean.getRefusedOperations();
        destroyed0 = mbean.getDestroyedKeysByReason();
        print("start");

        SecretKey[] c = {chacha.generateKey(), chacha.generateKey(), chacha.generateKey()};
        aes.init(SessionKeyGenParameterSpec.builder().keySize(256).policy(KeyPolicy.builder().maxEncryptions(1)
                .plaintextExportable(true).build()).build());
        SecretKey limited = aes.generateKey();
        aes.init(256);
        SecretKey plain = aes.generateKey();
        KeyScope scope = KeyScope.open();
        aes.init(SessionKeyGenParameterSpec.builder().keySize(128).policy(KeyPolicy.builtInDefaults()).scope(scope)
                .build());
        SecretKey scoped = aes.generateKey();
        print("made");

        kw.init(Cipher.WRAP_MODE, plain);
        kw.wrap(limited);                     // exported: limited, wrapped
        limited.getEncoded();                 // exported: limited again, in plaintext (its policy allows it)
        check(c[0].getEncoded() == null, "a default key gave its bytes"); // refused quietly, not an export
        print("exported");

        gcm.init(Cipher.ENCRYPT_MODE, limited); // the one encryption its policy allows
        expectRefused(gcm, limited);            // refused: at its limit
        c[2].destroy();
        expectRefused(poly, c[2]);              // refused: destroyed
        print("refused");

        c[0].destroy();
        c[1].destroy();
        scope.close();
        print("destroyed");
        check(scoped.isDestroyed(), "the scope did not destroy its key");
    }

    private static void expectRefused(Cipher cipher, SecretKey key) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key);
            throw new IllegalStateException("not refused");
        } catch (InvalidKeyException expected) {
            // counted by the provider as a refused operation
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    /** One line: step, live keys (by algorithm), and the other counters since the start. */
    private static void print(String step) {
        Map<String, Long> destroyed = new TreeMap<>();
        mbean.getDestroyedKeysByReason().forEach((reason, n) -> {
            long d = n - destroyed0.getOrDefault(reason, 0L);
            if (d != 0) {
                destroyed.put(reason, d);
            }
        });
        System.out.println(step + ": live=" + mbean.getLiveKeys() + " " + new TreeMap<>(mbean.getLiveKeysByAlgorithm())
                + " created=" + (mbean.getCreatedKeys() - created0) + " exported=" + (mbean.getExportedKeys() - exported0)
                + " refused=" + (mbean.getRefusedOperations() - refused0) + " destroyed=" + destroyed);
    }
}

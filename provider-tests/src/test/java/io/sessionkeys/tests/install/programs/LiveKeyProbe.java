package io.sessionkeys.tests.install.programs;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.support.KeyPattern;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Provider;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.management.JMX;
import javax.management.ObjectName;

/**
 * The child JVM of the live-key memory tests: imports an AES-256 key and a ChaCha20 key with
 * known bytes, uses them (GCM, CTR, ChaCha20-Poly1305, so every engine has made its per-key
 * state), dumps its live heap, prints the memory tier in effect and {@code READY <pid>}, and
 * waits for a line on standard input while the parent images its memory. The keys stay live.
 *
 * <p>Arguments: seed, heap dump file. The memory tier comes from {@code -Dsessionkeys.memory}.
 */
public final class LiveKeyProbe {

    public static final String[] ALGORITHMS = {"AES", "ChaCha20"};
    public static final int LENGTH = 32;

    private static byte[] control;

    private LiveKeyProbe() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        control = KeyPattern.control(seed);
        Provider provider = new SessionKeysProvider();
        SecretKeyFactory aesFactory = SecretKeyFactory.getInstance("AES", provider);
        SecretKeyFactory chachaFactory = SecretKeyFactory.getInstance("ChaCha20", provider);
        // The key bytes are this program's own heap arrays until the import zeroes them. A
        // collection while they live would copy them and leave the old image in the heap, where
        // /proc/<pid>/mem finds it: that is the application's copy, not SessionKeys'. So the
        // provider is made and its services handed out (engines selected, self-tests run) first,
        // the heap is collected, and each array lives only for its import.
        System.gc();
        SecretKey aes = importKey(aesFactory, "AES", KeyPattern.bytes(seed, LENGTH));
        SecretKey chacha = importKey(chachaFactory, "ChaCha20", KeyPattern.bytes(seed + 1, LENGTH));
        byte[] message = "a message of more than one block, so that every engine runs".getBytes(StandardCharsets.UTF_8);
        for (String transformation : new String[] {"AES/GCM/NoPadding", "AES/CTR/NoPadding"}) {
            Cipher c = Cipher.getInstance(transformation, provider);
            c.init(Cipher.ENCRYPT_MODE, aes);
            c.doFinal(message);
        }
        Cipher c = Cipher.getInstance("ChaCha20-Poly1305", provider);
        c.init(Cipher.ENCRYPT_MODE, chacha);
        c.doFinal(message);
        // AES-KW: the KEK's wrapping and unwrapping state, and an unwrapped copy of the ChaCha20
        // key, which the engine must have made in SessionKeys' memory like the original
        Cipher kw = Cipher.getInstance("AESWrap", provider);
        kw.init(Cipher.WRAP_MODE, aes);
        byte[] blob = kw.wrap(chacha);
        kw.init(Cipher.UNWRAP_MODE, aes);
        SecretKey unwrapped = (SecretKey) kw.unwrap(blob, "ChaCha20", Cipher.SECRET_KEY);

        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[1], true);
        SessionKeysMXBean bean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        Map<String, String> memory = bean.getMemory();
        System.out.println("TIERS " + memory.get("tiers"));
        System.out.println("CONTEXTS " + memory.get("OpenSSL contexts"));
        System.out.println("ENGINE " + bean.getEngines().get("AES-GCM"));
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        System.in.read();
        Reference.reachabilityFence(aes);
        Reference.reachabilityFence(chacha);
        Reference.reachabilityFence(unwrapped);
        Reference.reachabilityFence(control);
    }

    private static SecretKey importKey(SecretKeyFactory factory, String algorithm, byte[] bytes) throws Exception {
        // The consuming form: the factory zeroes this very array, so no heap copy is left.
        return factory.generateSecret(SessionKeyImportSpec.builder().consume(bytes, algorithm).build());
    }
}

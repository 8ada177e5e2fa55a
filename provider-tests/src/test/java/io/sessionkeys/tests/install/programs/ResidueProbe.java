package io.sessionkeys.tests.install.programs;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyDerivationSpec;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeyUnwrapSpec;
import io.sessionkeys.SessionKeysMXBean;
import io.sessionkeys.SessionKeysProvider;
import io.sessionkeys.tests.support.KeyPattern;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import javax.management.AttributeNotFoundException;
import javax.management.JMX;
import javax.management.ObjectName;
import javax.security.auth.DestroyFailedException;

/**
 * The child JVM of the residue tests. Imports five keys with known bytes (AES-128, AES-256,
 * ChaCha20, HMAC-SHA256, and an AES-192 key-encryption key), uses each through every service that
 * takes it (GCM, CTR, CBC, ECB, CFB8, CFB, OFB, ChaCha20-Poly1305, HMAC, HKDF; KW and KWP wrap and unwrap of the
 * AES-128 key under the AES-192 KEK, which serves nothing else, so that what it leaves is what key
 * wrapping made; RSA-OAEP wrap and unwrap into a session key), dumps the live heap,
 * prints {@code LIVE <pid> <memory tier>} and waits for a line on standard input while the parent
 * reads its memory with the keys live, gets rid of the keys by one route, dumps the whole heap
 * (unreachable objects too), prints {@code READY <pid>} and waits for a line again while the parent
 * reads its memory once more.
 *
 * <p>Arguments: seed, provider ({@code SessionKeys} or {@code SunJCE}), route ({@code explicit},
 * {@code expiry}, {@code scope}, {@code dropped}), dump directory. A control array with other
 * known bytes stays reachable on purpose: the parent must find it, or its scan proves nothing.
 */
public final class ResidueProbe {

    /** Key algorithm and length, in the order the parent derives their bytes ({@link #keyBytes}). */
    public static final String[] ALGORITHMS = {"AES", "AES", "ChaCha20", "HmacSHA256", "AES"};
    public static final int[] LENGTHS = {16, 32, 32, 32, 24};
    /** The key used only as a KW and KWP key-encryption key (no GCM: it has no GHASH subkey). */
    public static final int KEK_ONLY = 4;

    /** The bytes of key {@code index}: independent of the other keys' and of the control's. */
    public static byte[] keyBytes(long seed, int index) {
        return KeyPattern.bytes(seed + index, LENGTHS[index]);
    }

    /** The whole-heap dump made right after the RSA-OAEP unwrap (SessionKeys runs only). */
    public static final String RSA_UNWRAP_DUMP = "rsa-unwrapped.hprof";

    private static byte[] control;
    private static KeyPair rsaPair;
    private static List<SecretKey> keys = new ArrayList<>();

    private ResidueProbe() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        boolean ours = args[1].equals("SessionKeys");
        String route = args[2];
        Path dir = Path.of(args[3]);
        control = KeyPattern.control(seed);
        if (ours) {
            // Made before the keys: on a busy machine it can take longer than the expiry route's lifetime.
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            rsaPair = rsa.generateKeyPair();
        }
        Provider provider = ours ? new SessionKeysProvider() : Security.getProvider("SunJCE");
        KeyScope scope = KeyScope.open();
        KeyPolicy policy = route.equals("expiry") ? KeyPolicy.builder().lifetime(Duration.ofSeconds(2)).build() : null;
        for (int i = 0; i < ALGORITHMS.length; i++) {
            keys.add(importKey(provider, ours, ALGORITHMS[i], keyBytes(seed, i), policy,
                    route.equals("scope") ? scope : null));
        }
        useEveryService(provider, ours, dir);
        dump(dir.resolve("live.hprof"), true);
        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // The parent may read this process's memory now, while the keys are live.
        System.out.println("LIVE " + ProcessHandle.current().pid() + " " + (ours ? memoryTier() : "java-heap"));
        System.out.flush();
        parent.readLine();

        switch (route) {
            case "explicit":
                for (SecretKey k : keys) {
                    try {
                        k.destroy();
                    } catch (DestroyFailedException cannot) {
                        // SunJCE's SecretKeySpec: destroy() always fails, the key stays as it was.
                    }
                }
                break;
            case "scope":
                scope.close();
                break;
            case "expiry":
                awaitDestroyed("EXPIRED", keys.size());
                break;
            case "dropped":
                keys = null;
                if (ours) {
                    awaitDestroyed("UNREACHABLE", ALGORITHMS.length);
                } else {
                    System.gc();
                }
                break;
            default:
                throw new IllegalArgumentException(route);
        }
        dump(dir.resolve("destroyed.hprof"), false);
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        parent.readLine();
        Reference.reachabilityFence(control);
        Reference.reachabilityFence(keys);
    }

    private static SecretKey importKey(Provider provider, boolean ours, String algorithm, byte[] bytes,
            KeyPolicy policy, KeyScope scope) throws Exception {
        if (ours) {
            // The consuming form: the factory zeroes this very array, so no copy is left behind.
            return SecretKeyFactory.getInstance(algorithm, provider)
                    .generateSecret(SessionKeyImportSpec.builder()
                            .consume(bytes, algorithm)
                            .policy(policy)
                            .scope(scope).build());
        }
        try {
            return new SecretKeySpec(bytes, algorithm);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static void useEveryService(Provider provider, boolean ours, Path dir) throws Exception {
        byte[] message = "a message that is longer than one block, to be sure".getBytes(StandardCharsets.UTF_8);
        for (SecretKey aes : List.of(keys.get(0), keys.get(1))) {
            for (String transformation : List.of("AES/GCM/NoPadding", "AES/CTR/NoPadding", "AES/CBC/PKCS5Padding",
                    "AES/ECB/PKCS5Padding", "AES/CFB8/NoPadding", "AES/CFB/PKCS5Padding", "AES/OFB/NoPadding")) {
                Cipher enc = Cipher.getInstance(transformation, provider);
                enc.init(Cipher.ENCRYPT_MODE, aes);
                byte[] ct = enc.doFinal(message);
                Cipher dec = Cipher.getInstance(transformation, provider);
                dec.init(Cipher.DECRYPT_MODE, aes, enc.getParameters());
                check(Arrays.equals(message, dec.doFinal(ct)), transformation);
            }
        }
        Cipher chacha = Cipher.getInstance("ChaCha20-Poly1305", provider);
        chacha.init(Cipher.ENCRYPT_MODE, keys.get(2));
        byte[] ct = chacha.doFinal(message);
        Cipher chachaDec = Cipher.getInstance("ChaCha20-Poly1305", provider);
        chachaDec.init(Cipher.DECRYPT_MODE, keys.get(2), chacha.getParameters());
        check(Arrays.equals(message, chachaDec.doFinal(ct)), "ChaCha20-Poly1305");

        for (String wrap : List.of("AESWrap", "AESWrapPad")) {
            Cipher w = Cipher.getInstance(wrap, provider);
            w.init(Cipher.WRAP_MODE, keys.get(KEK_ONLY));
            byte[] wrapped = w.wrap(keys.get(0));
            Cipher u = Cipher.getInstance(wrap, provider);
            u.init(Cipher.UNWRAP_MODE, keys.get(KEK_ONLY));
            SecretKey unwrapped = (SecretKey) u.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
            if (ours) {
                unwrapped.destroy(); // a second key with the same bytes: gone before the scans
            }
        }

        Mac mac = Mac.getInstance("HmacSHA256", provider);
        mac.init(keys.get(3));
        check(mac.doFinal(message).length == 32, "HmacSHA256");

        if (ours) {
            // HKDF with the HMAC key as input keying material (SunJCE has no HKDF on JDK 17).
            KeyGenerator hkdf = KeyGenerator.getInstance("HKDF-SHA256", provider);
            hkdf.init(SessionKeyDerivationSpec.builder().input(keys.get(3)).salt(new byte[16])
                    .info(message).key("AES", 256).build());
            SessionKey derived = (SessionKey) hkdf.generateKey();
            check(derived.keySizeBits() == 256, "HKDF-SHA256");
            derived.destroy(); // a different key, gone before the scans

            // RSA-OAEP: on the native engine the recovered key goes from C straight into the new
            // key's slot; on either engine no heap copy of it may be left behind.
            KeyPair pair = rsaPair;
            Cipher w = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", provider);
            w.init(Cipher.WRAP_MODE, pair.getPublic());
            byte[] wrapped = w.wrap(keys.get(1));
            Cipher u = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", provider);
            u.init(Cipher.UNWRAP_MODE, pair.getPrivate(), SessionKeyUnwrapSpec.builder().build());
            SessionKey unwrapped = (SessionKey) u.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
            check(unwrapped.keySizeBits() == 256, "RSA-OAEP");
            dump(dir.resolve(RSA_UNWRAP_DUMP), false); // before a collection could hide a dropped copy
            unwrapped.destroy(); // a second key with the same bytes: gone before the scans
        }
    }

    /**
     * The memory tier the provider reports for its key arenas. A provider without tiers (no
     * {@code MemoryTier} attribute) keeps keys in plain direct memory: "plain".
     */
    private static String memoryTier() throws Exception {
        try {
            return String.valueOf(ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName(SessionKeysMXBean.OBJECT_NAME), "MemoryTier"));
        } catch (AttributeNotFoundException none) {
            return "plain";
        }
    }

    private static void awaitDestroyed(String reason, int count) throws Exception {
        SessionKeysMXBean mbean = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                new ObjectName(SessionKeysMXBean.OBJECT_NAME), SessionKeysMXBean.class);
        long deadline = System.currentTimeMillis() + 30_000;
        while (mbean.getDestroyedKeysByReason().getOrDefault(reason, 0L) < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("keys not destroyed (" + reason + ") within 30 s: "
                        + mbean.getDestroyedKeysByReason());
            }
            System.gc();
            Thread.sleep(50);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " did not round-trip");
        }
    }

    private static void dump(Path file, boolean liveOnly) throws Exception {
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), liveOnly);
    }
}

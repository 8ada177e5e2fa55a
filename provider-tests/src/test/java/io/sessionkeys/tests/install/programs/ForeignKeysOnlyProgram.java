package io.sessionkeys.tests.install.programs;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.management.ObjectName;

/**
 * An application that uses only keys of its own ({@code SecretKeySpec}) with SessionKeys first, in
 * the ways that fix SessionKeys as the provider before the key is seen: a {@code Mac} asked for its
 * length before {@code init} (JSSE's HKDF does this), a {@code Cipher} asked for its provider, and on
 * JDK 24+ an HKDF {@code KDF}. Prints whether SessionKeys did any work of its own, then makes one
 * session key and prints it again.
 */
public final class ForeignKeysOnlyProgram {

    private ForeignKeysOnlyProgram() {
    }

    public static void main(String[] args) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        int length = mac.getMacLength();
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        mac.doFinal(new byte[length]);
        System.out.println("mac.provider=" + mac.getProvider().getName());

        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        System.out.println("cipher.provider=" + gcm.getProvider().getName());
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"), new GCMParameterSpec(128, new byte[12]));
        gcm.doFinal(new byte[100]);

        System.out.println("kdf=" + deriveWithKdf());
        System.out.println("first.provider=" + Security.getProviders()[0].getName());
        System.out.println("foreign.worked=" + sessionKeysWorked());

        SecretKey own = KeyGenerator.getInstance("AES").generateKey();
        System.out.println("own.key=" + own.getClass().getName());
        System.out.println("own.worked=" + sessionKeysWorked());
    }

    /** HKDF through {@code javax.crypto.KDF} where the JDK has it (24+), by reflection: compiled for 17. */
    private static String deriveWithKdf() throws Exception {
        Class<?> kdfClass;
        try {
            kdfClass = Class.forName("javax.crypto.KDF");
        } catch (ClassNotFoundException before24) {
            return "absent";
        }
        Object kdf = kdfClass.getMethod("getInstance", String.class).invoke(null, "HKDF-SHA256");
        Class<?> specClass = Class.forName("javax.crypto.spec.HKDFParameterSpec");
        Object builder = specClass.getMethod("ofExtract").invoke(null);
        Method addIkm = builder.getClass().getMethod("addIKM", SecretKey.class);
        addIkm.invoke(builder, new SecretKeySpec(new byte[32], "Generic"));
        Object spec = builder.getClass().getMethod("thenExpand", byte[].class, int.class).invoke(builder,
                new byte[] {1}, 32);
        Method deriveData = kdfClass.getMethod("deriveData", java.security.spec.AlgorithmParameterSpec.class);
        return ((byte[]) deriveData.invoke(kdf, spec)).length + " bytes";
    }

    /**
     * Whether SessionKeys did any work of its own in this JVM: its MBean appears with its first key
     * (the self-test's included), its native library with its first keyed operation.
     */
    private static String sessionKeysWorked() throws Exception {
        boolean mbean = ManagementFactory.getPlatformMBeanServer().isRegistered(
                new ObjectName("io.sessionkeys:type=SessionKeys"));
        boolean library = Files.readString(Path.of("/proc/self/maps")).contains("libsessionkeys");
        return mbean || library ? "mbean " + mbean + ", native library " + library : "false";
    }
}

package io.sessionkeys.tests.install.programs;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An "existing application": standard JCA only, no SessionKeys type anywhere. The tests start it
 * in a child JVM with the provider jar dropped onto the class path.
 */
public final class PlainJcaProgram {

    private PlainJcaProgram() {
    }

    public static void main(String[] args) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        SecretKey key = generator.generateKey();
        System.out.println("keygenerator.provider=" + generator.getProvider().getName());
        System.out.println("key.class=" + key.getClass().getName());
        System.out.println("key.encoded.null=" + (key.getEncoded() == null));

        // A key the application builds itself must still reach a provider that takes it.
        SecretKeySpec ownKey = new SecretKeySpec(new byte[16], "AES");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, ownKey, new GCMParameterSpec(128, new byte[12]));
        cipher.doFinal(new byte[5]);
        System.out.println("foreign.cipher.provider=" + cipher.getProvider().getName());

        // Wrapping its own key under its own KEK: JCA may pick SessionKeys by the KEK; it must work.
        Cipher wrap = Cipher.getInstance("AESWrap");
        wrap.init(Cipher.WRAP_MODE, new SecretKeySpec(new byte[32], "AES"));
        System.out.println("foreign.wrap.length=" + wrap.wrap(ownKey).length);

        key.destroy();
        System.out.println("destroyed=" + key.isDestroyed());
    }
}

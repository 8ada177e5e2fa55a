package io.sessionkeys.tests.blockmode;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeysProvider;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** What the block-mode tests share: the providers, session keys from known bytes, hex. */
final class BlockModes {

    static final Provider SESSION_KEYS = new SessionKeysProvider();
    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    /** The transformations SessionKeys serves that take keys of any AES size. */
    static final List<String> TRANSFORMATIONS = List.of("AES/CTR/NoPadding", "AES/CBC/NoPadding",
            "AES/CBC/PKCS5Padding", "AES/ECB/NoPadding", "AES/ECB/PKCS5Padding", "AES");

    private BlockModes() {
    }

    static SecretKey sessionKey(byte[] raw) throws GeneralSecurityException {
        return SecretKeyFactory.getInstance("AES", SESSION_KEYS).generateSecret(new SecretKeySpec(raw, "AES"));
    }

    static SecretKey sessionKey(byte[] raw, KeyPolicy policy) throws GeneralSecurityException {
        return SecretKeyFactory.getInstance("AES", SESSION_KEYS)
                .generateSecret(SessionKeyImportSpec.builder()
                        .key(new SecretKeySpec(raw, "AES"))
                        .policy(policy).build());
    }

    static SecretKey sessionKey(int bytes) throws GeneralSecurityException {
        return sessionKey(new byte[bytes]);
    }

    static Cipher cipher(String transformation) throws GeneralSecurityException {
        return Cipher.getInstance(transformation, SESSION_KEYS);
    }

    static IvParameterSpec iv(int fill) {
        byte[] iv = new byte[16];
        java.util.Arrays.fill(iv, (byte) fill);
        return new IvParameterSpec(iv);
    }

    static boolean usesIv(String transformation) {
        return transformation.contains("/CBC/") || transformation.contains("/CTR/");
    }

    static boolean padded(String transformation) {
        return transformation.endsWith("PKCS5Padding") || transformation.equals("AES");
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }
}

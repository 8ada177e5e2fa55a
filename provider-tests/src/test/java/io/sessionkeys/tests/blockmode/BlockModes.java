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

    /**
     * The transformations SessionKeys serves that take keys of any AES size: plain "AES" and every
     * mode and padding SunJCE's generic AES cipher accepts on the running JDK (read at run time).
     */
    static final List<String> TRANSFORMATIONS = sunJceTransformations();

    private static List<String> sunJceTransformations() {
        Provider sun = java.security.Security.getProvider("SunJCE");
        Provider.Service general = sun.getService("Cipher", "AES");
        List<String> all = new java.util.ArrayList<>(List.of("AES"));
        for (String mode : general.getAttribute("SupportedModes").split("\\|")) {
            for (String padding : new String[] {"NoPadding", "PKCS5Padding", "ISO10126Padding"}) {
                String t = "AES/" + mode + "/" + padding;
                try {
                    Cipher.getInstance(t, sun);
                    all.add(t);
                } catch (GeneralSecurityException refused) {
                    // CTR and CTS take NoPadding only
                }
            }
        }
        return List.copyOf(all);
    }

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
        return !transformation.equals("AES") && !transformation.contains("/ECB/");
    }

    static boolean padded(String transformation) {
        return transformation.endsWith("PKCS5Padding") || transformation.endsWith("ISO10126Padding")
                || transformation.equals("AES");
    }

    /** Unpadded ECB, CBC and PCBC take whole blocks only. */
    static boolean wholeBlocks(String transformation) {
        return !padded(transformation) && (transformation.contains("/ECB/") || transformation.contains("/CBC/")
                || transformation.contains("/PCBC/"));
    }

    /** CTS takes no input or at least one block. */
    static boolean atLeastOneBlock(String transformation) {
        return transformation.contains("/CTS/");
    }

    /** ISO 10126 padding is random: its ciphertexts can only be compared after decryption. */
    static boolean randomPadding(String transformation) {
        return transformation.endsWith("ISO10126Padding");
    }

    /**
     * Whether Bouncy Castle agrees with SunJCE on this transformation: it has no PCBC and no ISO
     * 10126 padding under these names, pads CFB-s/OFB-s (s &lt; 128) to s bits, not 16 bytes, and
     * refuses an empty CTS message that SunJCE takes.
     */
    static boolean bouncyCastleAgrees(String transformation, int messageLength) {
        if (atLeastOneBlock(transformation) && messageLength == 0) {
            return false;
        }
        boolean segmented = transformation.matches("AES/(CFB|OFB)\\d+/.*") && !transformation.contains("128/");
        return !transformation.contains("/PCBC/") && !randomPadding(transformation)
                && !(segmented && padded(transformation));
    }

    /** {@code message} cut to a length the transformation takes. */
    static byte[] fitted(String transformation, byte[] message) {
        if (wholeBlocks(transformation)) {
            return java.util.Arrays.copyOf(message, message.length - message.length % 16);
        }
        if (atLeastOneBlock(transformation) && message.length > 0 && message.length < 16) {
            return java.util.Arrays.copyOf(message, 16);
        }
        return message;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }
}

package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.RsaOaepEngine;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The known-answer tests native RSA-OAEP decryption must pass before it is selected: a fixed
 * 1024-bit key and ciphertext (Wycheproof's RSA-OAEP SHA-256/MGF1-SHA-256 case 38, message
 * "123400") decrypted into a direct buffer and into an array; and the failures, which must all
 * come back alike as {@code null}: the ciphertext with its last bit flipped, with a label it was
 * not made with, and the modulus itself as a ciphertext (not below the modulus).
 */
final class NativeRsaKnownAnswers {

    private static final String PKCS8 = "30820275020100300d06092a864886f70d01010105000482025f3082025b02010002818100ac"
            + "9048a7a4f560af91b4fcaf62a14595cb9ca9ec12000fc845e48572113cab2890adb011a919575a40760d1f23fe92509c8a58"
            + "10b6d05990b909dd0f4c6014f2b31b6abd805bace99816e2eda41fd7b95405db7c5c8f4cf6babb14f550d5d0dd5179b54951"
            + "fff6aa9686f30f478db649b7c7044cc202dccad00343468eaacfbf02030100010281800c3a6e6d339cd03010d0b4f941e4b0"
            + "bdc132df8a7cb6db010d4078db2a8a87bfa871c1a0d05a1d1040188a46198c6023533c7a108458b654e4c97e3f41615ed754"
            + "fcde469aabc70669e5473903bd5fb8c4e9ae0e5c35ed41fb86167c18ee9f60b21eee6c5e3096eb1c652831f8e45d598c3a29"
            + "d30c96f3a68db30591fd9b637d024100d397dcfab4919db23bb6b88c4511516f6135e1118277e496130f0cab3a75661010cc"
            + "98ec8f40cdb0c1ab612c03bbe3b023d891f46185788fb114437c8a9ae71d024100d0c7805159509ddad70f35b9a76c7c2bd9"
            + "5a844d36b76d96138cfc7a2a55f88072e8b10ac37463caf9bf8d1014c93a001214d7ce230c8332fb58dadb05d52f8b024076"
            + "2d3c4b7dac5292284dbe3701a051864e99e4117e77ede06fd698f1cd5da25a58b79cb58ab0dbf0dbca17249915486ea9269d"
            + "260b8d9b2f4dec8e60b19d2075024062a4f06eff4944dc6262905ae0cd343a2f9f42058d85cb646e665de086e249e0beea4c"
            + "c42e276f03374f9721f30044c445c6cd545b610d186883ca1c543c2f1302403cfcf044035c1854475e1dba480ac50d2a059f"
            + "32d18e819c96a3199b1e3855a653ec0e5577e4d7677d6e0b7a55fc418b13202ee19430228c4bf9d28af8851c9b";
    private static final String CIPHERTEXT = "754fd3c7331933b8f211af97b826af802d50ae1d39984fb432719c3ee3ad7880e1fdfe1822"
            + "7104dd81f1a5fc0f9dd46f828c739723c0dc68a6607983493060233183e85005b4886a0afe22d6ab0730fea2190532586196"
            + "e0bab63cd08d9f5c391b99302e5dd0b60c9a12ce103f0bf9ae4bc19c811686d423642df2d4257d9d99";
    private static final byte[] MESSAGE = "123400".getBytes(StandardCharsets.US_ASCII);

    private NativeRsaKnownAnswers() {
    }

    /** Throws {@link AssertionError} (naming the case, never data) unless {@code engine} decrypts right. */
    static void oaep(RsaOaepEngine engine) {
        RSAPrivateKey key;
        try {
            key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(HexFormat.of().parseHex(PKCS8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("the JDK cannot read the known-answer RSA key: " + e);
        }
        RsaOaepEngine.Decryptor decryptor = engine.decryptor(key, "SHA-256", "SHA-256");
        if (decryptor == null) {
            throw new AssertionError("RSA-OAEP: the engine does not take an RSA CRT key with SHA-256");
        }
        byte[] ct = HexFormat.of().parseHex(CIPHERTEXT);
        try (RsaOaepEngine.Recovered r = decryptor.decrypt(new byte[0], ct)) {
            if (r == null || r.length() != MESSAGE.length) {
                throw new AssertionError("RSA-OAEP: the known-answer ciphertext did not decrypt");
            }
            ByteBuffer direct = ByteBuffer.allocateDirect(MESSAGE.length + 3);
            r.copyTo(direct);
            byte[] fromDirect = new byte[MESSAGE.length];
            direct.get(0, fromDirect);
            byte[] array = new byte[MESSAGE.length + 2];
            r.copyTo(array, 1);
            if (!Arrays.equals(fromDirect, MESSAGE) || !Arrays.equals(array, 1, 1 + MESSAGE.length, MESSAGE, 0,
                    MESSAGE.length) || array[0] != 0 || array[array.length - 1] != 0) {
                throw new AssertionError("RSA-OAEP: wrong message for the known-answer ciphertext");
            }
        }
        byte[] flipped = ct.clone();
        flipped[flipped.length - 1] ^= 1;
        refused(decryptor.decrypt(new byte[0], flipped), "a flipped ciphertext");
        refused(decryptor.decrypt(new byte[] {'x'}, ct), "a wrong label");
        byte[] modulus = toBytes(key.getModulus(), ct.length);
        refused(decryptor.decrypt(new byte[0], modulus), "a ciphertext not below the modulus");
    }

    private static void refused(RsaOaepEngine.Recovered r, String what) {
        if (r != null) {
            r.close();
            throw new AssertionError("RSA-OAEP: " + what + " was not refused");
        }
    }

    private static byte[] toBytes(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int n = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - n, out, length - n, n);
        return out;
    }
}

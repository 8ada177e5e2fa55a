package io.sessionkeys.internal.wrap;

import io.sessionkeys.SessionKey;
import io.sessionkeys.internal.common.KeySize;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.engine.RsaOaepEngine;
import io.sessionkeys.internal.engine.aes.AesBlockEngine;
import io.sessionkeys.internal.service.ServiceDefinition;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-wrapping ciphers, with SunJCE's names, aliases and OIDs (NIST's aes OIDs
 * 2.16.840.1.101.3.4.1.5/25/45 for KW and .8/28/48 for KWP), so that code written for SunJCE
 * finds them under the same names.
 *
 * <p>Key classes: the AES wrapping ciphers take session keys and foreign
 * {@code SecretKeySpec} AES keys as key-encryption keys, because KEKs usually come from a KeyStore;
 * the RSA ciphers take the caller's RSA keys.
 */
public final class WrapServices {

    private WrapServices() {
    }

    /** The services on the Java engines. */
    public static List<ServiceDefinition> definitions() {
        return definitions(AesBlockEngine.INSTANCE, RsaOaepEngine.JAVA);
    }

    /** The services on a given AES engine, RSA on the Java engine (white-box tests pass a reference engine). */
    static List<ServiceDefinition> definitions(BlockCipherEngine aes) {
        return definitions(aes, RsaOaepEngine.JAVA);
    }

    /**
     * The services on the selected engines: {@code aes}'s {@link BlockCipherEngine#keyWrap()} runs
     * KW and KWP natively where it can, and RSA-OAEP decryption runs on {@code rsaOaep} where it
     * takes the key and hashes.
     */
    public static List<ServiceDefinition> definitions(BlockCipherEngine aes, RsaOaepEngine rsaOaep) {
        List<ServiceDefinition> all = new ArrayList<>();
        // CNG names RFC 3394 with the default ICV BCRYPT_AES_WRAP_KEY_BLOB: the blob is the wrapped key alone
        all.add(aes(aes, AesWrapVariant.KW, KeySize.ANY).alias("AESWrap", "BCRYPT_AES_WRAP_KEY_BLOB"));
        all.add(aes(aes, AesWrapVariant.KW, 128).alias("AESWrap_128", "2.16.840.1.101.3.4.1.5",
                "OID.2.16.840.1.101.3.4.1.5"));
        all.add(aes(aes, AesWrapVariant.KW, 192).alias("AESWrap_192", "2.16.840.1.101.3.4.1.25",
                "OID.2.16.840.1.101.3.4.1.25"));
        all.add(aes(aes, AesWrapVariant.KW, 256).alias("AESWrap_256", "2.16.840.1.101.3.4.1.45",
                "OID.2.16.840.1.101.3.4.1.45"));
        for (int bits : new int[] {KeySize.ANY, 128, 192, 256}) {
            all.add(aes(aes, AesWrapVariant.KW_PKCS5, bits));
        }
        all.add(aes(aes, AesWrapVariant.KWP, KeySize.ANY).alias("AESWrapPad"));
        all.add(aes(aes, AesWrapVariant.KWP, 128).alias("AESWrapPad_128", "2.16.840.1.101.3.4.1.8",
                "OID.2.16.840.1.101.3.4.1.8"));
        all.add(aes(aes, AesWrapVariant.KWP, 192).alias("AESWrapPad_192", "2.16.840.1.101.3.4.1.28",
                "OID.2.16.840.1.101.3.4.1.28"));
        all.add(aes(aes, AesWrapVariant.KWP, 256).alias("AESWrapPad_256", "2.16.840.1.101.3.4.1.48",
                "OID.2.16.840.1.101.3.4.1.48"));
        all.add(ServiceDefinition.of("Cipher", "RSA/ECB/PKCS1Padding", RsaPkcs1Cipher.class, RsaPkcs1Cipher::new)
                .keyClasses(RSAPublicKey.class, RSAPrivateKey.class));
        all.add(rsa("RSA/ECB/OAEPPadding", null, rsaOaep));
        all.add(rsa("RSA/ECB/OAEPWithSHA-1AndMGF1Padding", "SHA-1", rsaOaep)
                .alias("RSA/ECB/OAEPWithSHA1AndMGF1Padding"));
        all.add(rsa("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", "SHA-256", rsaOaep));
        all.add(rsa("RSA/ECB/OAEPWithSHA-384AndMGF1Padding", "SHA-384", rsaOaep));
        all.add(rsa("RSA/ECB/OAEPWithSHA-512AndMGF1Padding", "SHA-512", rsaOaep));
        return all;
    }

    private static ServiceDefinition aes(BlockCipherEngine engine, AesWrapVariant variant, int kekBits) {
        return ServiceDefinition.of("Cipher", variant.transformation(kekBits), AesKeyWrapCipher.class,
                        context -> new AesKeyWrapCipher(context, engine, variant, kekBits))
                .keyClasses(SessionKey.class, SecretKeySpec.class)
                .attribute("SupportedKeyFormats", "RAW");
    }

    private static ServiceDefinition rsa(String transformation, String hashName, RsaOaepEngine engine) {
        return ServiceDefinition.of("Cipher", transformation, RsaOaepCipher.class,
                        context -> new RsaOaepCipher(context, transformation, hashName, engine))
                .keyClasses(RSAPublicKey.class, RSAPrivateKey.class);
    }
}

package io.sessionkeys.internal.blob;

import io.sessionkeys.internal.service.ServiceDefinition;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * The Windows key blob ciphers. The plaintext blobs ({@code PLAINTEXTKEYBLOB},
 * {@code BCRYPT_KEY_DATA_BLOB}) are key specs of the {@code SecretKeyFactory}, and CNG's
 * {@code BCRYPT_AES_WRAP_KEY_BLOB} is plain RFC 3394 (an alias of {@code AES/KW/NoPadding});
 * what needs a cipher of its own is CryptoAPI's {@code SIMPLEBLOB}.
 */
public final class BlobServices {

    private BlobServices() {
    }

    public static List<ServiceDefinition> definitions() {
        return List.of(ServiceDefinition.of("Cipher", "SIMPLEBLOB", SimpleBlobCipher.class, SimpleBlobCipher::new)
                .keyClasses(RSAPublicKey.class, RSAPrivateKey.class));
    }
}

package io.sessionkeys.tests.capi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SessionKeyUnwrapSpec;
import io.sessionkeys.SessionKeysProvider;
import java.security.InvalidKeyException;
import java.security.Key;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@code BCRYPT_AES_WRAP_KEY_BLOB}: CNG's name for RFC 3394 AES key wrap with the default ICV,
 * the blob being the wrapped key alone. Checked against RFC 3394's own example (§4.6: a 256-bit
 * key under a 256-bit KEK); Wine 8.0 does not implement the blob (see CngAesWrapBlobWineTest).
 */
class CngAesWrapBlobTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEK = HEX.parseHex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
    private static final byte[] KEY = HEX.parseHex("00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F");
    private static final byte[] WRAPPED = HEX.parseHex(
            "28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21");

    private final SessionKeysProvider provider = new SessionKeysProvider();

    private SecretKey session(byte[] bytes, KeyPolicy policy) throws Exception {
        return SecretKeyFactory.getInstance("AES", provider)
                .generateSecret(SessionKeyImportSpec.builder().consume(bytes.clone(), "AES").policy(policy).build());
    }

    @Test
    void wrap_isRfc3394() throws Exception {
        Cipher c = Cipher.getInstance("BCRYPT_AES_WRAP_KEY_BLOB", provider);
        c.init(Cipher.WRAP_MODE, session(KEK, null));
        assertArrayEquals(WRAPPED, c.wrap(session(KEY, null)));
    }

    @Test
    void unwrap_ofRfc3394_givesTheKeyWithTheSpecsPolicy() throws Exception {
        KeyPolicy exportable = KeyPolicy.builder().plaintextExportable(true).build();
        Cipher c = Cipher.getInstance("BCRYPT_AES_WRAP_KEY_BLOB", provider);
        c.init(Cipher.UNWRAP_MODE, new SecretKeySpec(KEK, "AES"), io.sessionkeys.SessionKeyUnwrapSpec.builder().policy(exportable).build());
        Key key = c.unwrap(WRAPPED, "AES", Cipher.SECRET_KEY);
        assertArrayEquals(KEY, key.getEncoded());
    }

    @Test
    void unwrap_ofADamagedBlob_isInvalidKey() throws Exception {
        Cipher c = Cipher.getInstance("BCRYPT_AES_WRAP_KEY_BLOB", provider);
        c.init(Cipher.UNWRAP_MODE, session(KEK, null));
        byte[] damaged = WRAPPED.clone();
        damaged[20] ^= 1;
        assertThrows(InvalidKeyException.class, () -> c.unwrap(damaged, "AES", Cipher.SECRET_KEY));
        byte[] truncated = java.util.Arrays.copyOf(WRAPPED, 36);
        assertThrows(InvalidKeyException.class, () -> c.unwrap(truncated, "AES", Cipher.SECRET_KEY));
    }
}

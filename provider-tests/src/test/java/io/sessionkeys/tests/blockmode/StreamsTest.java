package io.sessionkeys.tests.blockmode;

import static io.sessionkeys.tests.blockmode.BlockModes.cipher;
import static io.sessionkeys.tests.blockmode.BlockModes.sessionKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamsTest {

    @ParameterizedTest
    @ValueSource(strings = {"AES/CTR/NoPadding", "AES/CBC/PKCS5Padding", "AES/ECB/PKCS5Padding"})
    void cipherOutputStreamThenCipherInputStream_roundTripsTheMessage(String transformation) throws Exception {
        byte[] message = new byte[5000];
        new Random(42).nextBytes(message);
        SecretKey key = sessionKey(32);

        Cipher enc = cipher(transformation);
        enc.init(Cipher.ENCRYPT_MODE, key);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (CipherOutputStream out = new CipherOutputStream(sink, enc)) {
            for (int at = 0; at < message.length; at += 333) {
                out.write(message, at, Math.min(333, message.length - at));
            }
        }

        Cipher dec = cipher(transformation);
        dec.init(Cipher.DECRYPT_MODE, key, enc.getIV() == null ? null : new IvParameterSpec(enc.getIV()));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (CipherInputStream in = new CipherInputStream(new ByteArrayInputStream(sink.toByteArray()), dec)) {
            byte[] chunk = new byte[77];
            for (int n; (n = in.read(chunk)) != -1; ) {
                plain.write(chunk, 0, n);
            }
        }
        assertArrayEquals(message, plain.toByteArray());
    }
}

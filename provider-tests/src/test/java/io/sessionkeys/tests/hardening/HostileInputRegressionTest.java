package io.sessionkeys.tests.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.ConfigurationException;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyState;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeysProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;

/** Defects the hostile-input properties found, each pinned by the input that showed it. */
class HostileInputRegressionTest {

    @Test
    void configure_pathTheFileSystemCannotName_configurationException() {
        // Was java.nio.file.InvalidPathException escaping from Provider.configure.
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new SessionKeysProvider().configure("a\u0000b"));
        assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
    }

    @Test
    void generateKey_lifetimeBeyondLongMilliseconds_noDeadlineAndUsable() throws Exception {
        // Was ArithmeticException ("long overflow") from every key generation under such a policy.
        KeyGenerator g = KeyGenerator.getInstance("AES", new SessionKeysProvider());
        g.init(SessionKeyGenParameterSpec.builder()
                .keySize(128)
                .policy(KeyPolicy.builder().lifetime(Duration.ofSeconds(Long.MAX_VALUE)).build()).build());
        SessionKey key = (SessionKey) g.generateKey();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", new SessionKeysProvider());
        c.init(Cipher.ENCRYPT_MODE, key);
        assertEquals(32, c.doFinal(new byte[16]).length);
        assertEquals(KeyState.ACTIVE, key.state());
        key.destroy();
    }

    @Test
    void configure_lifetimeBeyondLongMilliseconds_keysWork() throws Exception {
        Path file = Files.createTempFile("sessionkeys-long-lifetime", ".conf");
        try {
            Files.writeString(file, "sessionkeys.policy.encryptLifetime = PT9223372036854776S\n");
            KeyGenerator g = KeyGenerator.getInstance("AES", new SessionKeysProvider().configure(file.toString()));
            SessionKey key = (SessionKey) g.generateKey();
            assertEquals(KeyState.ACTIVE, key.state());
            key.destroy();
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void kwDoFinal_directBuffers_resultAsArraysAndFailureMovesNothing() throws Exception {
        // Was CipherSpi's default: direct buffers went through heap copies never zeroed (key data in
        // both directions), and a failed call had already consumed the input.
        byte[] kek = new byte[16];
        byte[] keyData = new byte[24];
        java.util.Arrays.fill(keyData, (byte) 7);
        SessionKey k = Hostile.importKey("AES", kek);
        Cipher c = Cipher.getInstance("AES/KW/NoPadding", Hostile.PROVIDER);
        c.init(Cipher.ENCRYPT_MODE, k);
        byte[] blob = c.doFinal(keyData);
        c.init(Cipher.DECRYPT_MODE, k);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.allocateDirect(blob.length).put(blob).flip();
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocateDirect(64);
        assertEquals(24, c.doFinal(in, out));
        byte[] back = new byte[24];
        out.flip().get(back);
        org.junit.jupiter.api.Assertions.assertArrayEquals(keyData, back);

        blob[3] ^= 1;
        java.nio.ByteBuffer damaged = java.nio.ByteBuffer.allocateDirect(blob.length).put(blob).flip();
        java.nio.ByteBuffer none = java.nio.ByteBuffer.allocateDirect(64);
        assertThrows(javax.crypto.IllegalBlockSizeException.class, () -> c.doFinal(damaged, none));
        assertEquals(0, damaged.position());
        assertEquals(0, none.position());
        k.destroy();
    }

    @Test
    void oaepDoFinal_damagedCiphertextInDirectBuffer_failsAndMovesBuffersAsSunJce() throws Exception {
        // RSA decryption with the caller's own RSA key is not SessionKeys' to do: the next provider
        // (SunJCE) does it, and a failure leaves the buffers where SunJCE leaves them.
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.KeyPair pair = g.generateKeyPair();
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", Hostile.PROVIDER);
        c.init(Cipher.ENCRYPT_MODE, pair.getPublic());
        byte[] ct = c.doFinal(new byte[16]);
        ct[ct.length - 1] ^= 1;
        int[] positions = new int[4];
        for (int i = 0; i < 2; i++) {
            Cipher d = i == 0 ? c : Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", "SunJCE");
            d.init(Cipher.DECRYPT_MODE, pair.getPrivate());
            java.nio.ByteBuffer in = java.nio.ByteBuffer.allocateDirect(ct.length).put(ct).flip();
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocateDirect(256);
            assertThrows(javax.crypto.BadPaddingException.class, () -> d.doFinal(in, out));
            positions[2 * i] = in.position();
            positions[2 * i + 1] = out.position();
        }
        assertEquals(positions[2], positions[0]);
        assertEquals(positions[3], positions[1]);
    }
}

package io.sessionkeys.internal.cli;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyGenParameterSpec;
import io.sessionkeys.SessionKeysProvider;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;

/**
 * The {@code --demo} walk-through: a session key made, used with AES-GCM, wrapped and unwrapped,
 * bound to a scope, and destroyed, with the error a destroyed key gets. Uses only the public API and standard JCA, as a user would.
 */
final class LifecycleDemo {

    private LifecycleDemo() {
    }

    static void run(PrintStream out) throws GeneralSecurityException {
        SessionKeysProvider provider = new SessionKeysProvider();
        out.println();
        out.println("Demo: the life of a session key");

        KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
        KeyPolicy policy = KeyPolicy.builder().encryptLifetime(Duration.ofMinutes(30))
                .decryptLifetime(Duration.ofHours(1)).maxEncryptions(1_000_000).build();
        generator.init(SessionKeyGenParameterSpec.builder().keySize(256).policy(policy).build());
        SessionKey key = (SessionKey) generator.generateKey();
        out.println("  generated      " + key);
        out.println("  policy         " + key.policy());
        out.println("  getEncoded()   " + (key.getEncoded() == null ? "null (plaintext export is not allowed)" : "bytes"));

        Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding", provider);
        encrypt.init(Cipher.ENCRYPT_MODE, key); // no IV given: the provider makes a unique one
        byte[] message = "a session message".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = encrypt.doFinal(message);
        Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding", provider);
        decrypt.init(Cipher.DECRYPT_MODE, key, encrypt.getParameters());
        boolean opened = Arrays.equals(message, decrypt.doFinal(sealed));
        out.println("  AES-GCM        " + sealed.length + " bytes sealed under a " + encrypt.getIV().length
                + "-byte provider nonce, opened " + (opened ? "correctly" : "WRONGLY") + "; encryptions charged: "
                + key.encryptionCount());

        SessionKey kek = (SessionKey) KeyGenerator.getInstance("AES", provider).generateKey();
        Cipher wrap = Cipher.getInstance("AESWrap", provider);
        wrap.init(Cipher.WRAP_MODE, kek);
        byte[] wrapped = wrap.wrap(key);
        Cipher unwrap = Cipher.getInstance("AESWrap", provider);
        unwrap.init(Cipher.UNWRAP_MODE, kek);
        SessionKey copy = (SessionKey) unwrap.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
        out.println("  wrapped        " + wrapped.length + " bytes (RFC 3394); exports recorded: " + key.exports());
        out.println("  unwrapped      " + copy + ", a session key again");
        copy.destroy();
        kek.destroy();

        try (KeyScope session = KeyScope.open()) {
            SessionKey scoped = session.bind((SessionKey) generator.generateKey());
            out.println("  in a scope     " + scoped);
            session.close();
            out.println("  scope closed   " + scoped + ", reason: " + scoped.destroyReason().orElseThrow());
        }

        key.destroy();
        out.println("  destroy()      " + key + ", reason: " + key.destroyReason().orElseThrow());
        try {
            Cipher.getInstance("AES/GCM/NoPadding", provider).init(Cipher.ENCRYPT_MODE, key);
            out.println("  UNEXPECTED: a destroyed key was accepted");
        } catch (InvalidKeyException expected) {
            out.println("  using it now   InvalidKeyException: " + expected.getMessage());
        }
    }
}

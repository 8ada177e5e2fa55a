package io.sessionkeys.compat.scenario;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SealedObject;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The JDK's {@code KeyStore} (PKCS12, JCEKS) and {@code SealedObject} with keys an application generates or loads. */
final class KeyStoreCases {

    static final String LIBRARY = "JDK KeyStore and SealedObject";
    private static final char[] PASSWORD = TlsMaterial.PASSWORD;

    List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (String type : List.of("PKCS12", "JCEKS")) {
            cases.add(new Case("keystore." + type + ".store-generated-key", LIBRARY,
                    type + ": store a generated AES-256 key, load it, decrypt with it", () -> storeGenerated(type)));
            cases.add(new Case("keystore." + type + ".use-stored-key", LIBRARY,
                    type + ": load a stored AES key and encrypt with it", () -> useStored(type)));
        }
        for (String transformation : List.of("AES/CBC/PKCS5Padding", "AES/GCM/NoPadding")) {
            cases.add(new Case("sealedobject." + transformation, LIBRARY,
                    "SealedObject with " + transformation + " and a generated key", () -> sealed(transformation)));
        }
        return cases;
    }

    private static String storeGenerated(String type) throws Exception {
        SecretKey key = XmlEncryptionCases.generate("AES", 256);
        byte[] stored = store(type, key);
        SecretKey loaded = (SecretKey) load(type, stored).getKey("k", PASSWORD);
        Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
        encrypt.init(Cipher.ENCRYPT_MODE, key);
        byte[] ciphertext = encrypt.doFinal(TlsCases.data(100, 12));
        Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding");
        decrypt.init(Cipher.DECRYPT_MODE, loaded, encrypt.getParameters());
        if (!Arrays.equals(decrypt.doFinal(ciphertext), TlsCases.data(100, 12))) {
            throw new IllegalStateException("the loaded key does not decrypt what the generated key encrypted");
        }
        return type + ": stored, loaded " + loaded.getAlgorithm() + "-" + 8 * loaded.getEncoded().length
                + ", decrypts what the generated key encrypted";
    }

    /** A key stored before SessionKeys was installed: loading it gives a plain key, whose results must not change. */
    private static String useStored(String type) throws Exception {
        byte[] stored = store(type, new SecretKeySpec(TlsCases.data(32, 13), "AES"));
        SecretKey loaded = (SecretKey) load(type, stored).getKey("k", PASSWORD);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, loaded, new GCMParameterSpec(128, TlsCases.data(12, 14)));
        byte[] ciphertext = cipher.doFinal(TlsCases.data(100, 15));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(ciphertext);
        return type + ": loaded " + loaded.getClass().getSimpleName() + ", ciphertext SHA-256 "
                + HexFormat.of().formatHex(digest, 0, 8);
    }

    private static String sealed(String transformation) throws Exception {
        SecretKey key = XmlEncryptionCases.generate("AES", 256);
        Cipher cipher = Cipher.getInstance(transformation);
        cipher.init(Cipher.ENCRYPT_MODE, key);
        SealedObject sealed = new SealedObject("the quarterly figures", cipher);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sealed);
        }
        SealedObject received;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            received = (SealedObject) in.readObject();
        }
        return transformation + ": sealed, serialized, unsealed \"" + received.getObject(key) + "\"";
    }

    private static byte[] store(String type, SecretKey key) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setEntry("k", new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(PASSWORD));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD);
        return out.toByteArray();
    }

    private static KeyStore load(String type, byte[] stored) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(new ByteArrayInputStream(stored), PASSWORD);
        return store;
    }
}

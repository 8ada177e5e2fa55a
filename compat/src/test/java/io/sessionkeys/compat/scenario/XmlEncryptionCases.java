package io.sessionkeys.compat.scenario;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.utils.EncryptionConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Apache Santuario XML Encryption, sender and receiver, as an application writes it: keys from
 * {@code KeyGenerator.getInstance(..)}, no provider named. Every data algorithm it maps to a JDK
 * cipher, then every key transport and key wrap around an AES-256-GCM content key. (SEED and
 * Camellia are also in Santuario's list, but no JDK provider offers them.)
 */
final class XmlEncryptionCases {

    static final String LIBRARY = "Apache Santuario XML Encryption";
    private static final String DOCUMENT =
            "<order><item>book</item><card number=\"4111111111111111\">Alice Example</card></order>";

    private final TlsMaterial material;

    XmlEncryptionCases(TlsMaterial material) {
        this.material = material;
    }

    private record Data(String name, String uri, String keyAlgorithm, int keyBits) {
    }

    List<Case> all() {
        org.apache.xml.security.Init.init();
        List<Case> cases = new ArrayList<>();
        List<Data> data = List.of(
                new Data("tripledes-cbc", XMLCipher.TRIPLEDES, "DESede", 168),
                new Data("aes128-cbc", XMLCipher.AES_128, "AES", 128),
                new Data("aes192-cbc", XMLCipher.AES_192, "AES", 192),
                new Data("aes256-cbc", XMLCipher.AES_256, "AES", 256),
                new Data("aes128-gcm", XMLCipher.AES_128_GCM, "AES", 128),
                new Data("aes192-gcm", XMLCipher.AES_192_GCM, "AES", 192),
                new Data("aes256-gcm", XMLCipher.AES_256_GCM, "AES", 256));
        for (Data d : data) {
            cases.add(new Case("xmlenc.data." + d.name(), LIBRARY, d.name() + " with a shared key",
                    () -> sharedKey(d)));
        }
        Data content = data.get(data.size() - 1);
        cases.add(transport("rsa-1_5", XMLCipher.RSA_v1dot5, null, null, content));
        cases.add(transport("rsa-oaep-mgf1p", XMLCipher.RSA_OAEP, null, null, content));
        cases.add(transport("rsa-oaep", XMLCipher.RSA_OAEP_11, null, null, content));
        cases.add(transport("rsa-oaep-sha256-mgf1sha256", XMLCipher.RSA_OAEP_11,
                "http://www.w3.org/2001/04/xmlenc#sha256", EncryptionConstants.MGF1_SHA256, content));
        cases.add(kekCase("kw-aes128", XMLCipher.AES_128_KeyWrap, "AES", 128, content));
        cases.add(kekCase("kw-aes192", XMLCipher.AES_192_KeyWrap, "AES", 192, content));
        cases.add(kekCase("kw-aes256", XMLCipher.AES_256_KeyWrap, "AES", 256, content));
        cases.add(kekCase("kw-tripledes", XMLCipher.TRIPLEDES_KeyWrap, "DESede", 168, content));
        return cases;
    }

    private Case transport(String name, String uri, String digest, String mgf, Data content) {
        return new Case("xmlenc.key." + name, LIBRARY, name + " (RSA-2048) of an " + content.name() + " key",
                () -> withEncryptedKey(content, uri, digest, mgf,
                        material.certificate("rsa").getPublicKey(), material.privateKey("rsa")));
    }

    private Case kekCase(String name, String uri, String kekAlgorithm, int kekBits, Data content) {
        return new Case("xmlenc.key." + name, LIBRARY, name + " of an " + content.name() + " key", () -> {
            SecretKey kek = generate(kekAlgorithm, kekBits);
            return withEncryptedKey(content, uri, null, null, kek, kek);
        });
    }

    private static String sharedKey(Data d) throws Exception {
        SecretKey key = generate(d.keyAlgorithm(), d.keyBits());
        String sent = send(d, key, null);
        return receive(sent, key, null, d.name());
    }

    private static String withEncryptedKey(Data d, String transportUri, String digest, String mgf,
            Key wrapping, Key unwrapping) throws Exception {
        SecretKey contentKey = generate(d.keyAlgorithm(), d.keyBits());
        String sent;
        try {
            Document doc = parse(DOCUMENT);
            XMLCipher keyCipher = XMLCipher.getInstance(transportUri, null, digest);
            keyCipher.init(XMLCipher.WRAP_MODE, wrapping);
            EncryptedKey encryptedKey = keyCipher.encryptKey(doc, contentKey, mgf, null);
            sent = send(d, contentKey, encryptedKey, doc);
        } catch (Exception e) {
            throw new IllegalStateException("sender failed", e);
        }
        return receive(sent, null, unwrapping, d.name());
    }

    private static String send(Data d, SecretKey key, EncryptedKey encryptedKey) throws Exception {
        try {
            return send(d, key, encryptedKey, parse(DOCUMENT));
        } catch (Exception e) {
            throw new IllegalStateException("sender failed", e);
        }
    }

    private static String send(Data d, SecretKey key, EncryptedKey encryptedKey, Document doc) throws Exception {
        XMLCipher cipher = XMLCipher.getInstance(d.uri());
        cipher.init(XMLCipher.ENCRYPT_MODE, key);
        if (encryptedKey != null) {
            KeyInfo keyInfo = new KeyInfo(doc);
            keyInfo.add(encryptedKey);
            cipher.getEncryptedData().setKeyInfo(keyInfo);
        }
        Element card = (Element) doc.getElementsByTagName("card").item(0);
        cipher.doFinal(doc, card, false);
        String xml = serialize(doc);
        if (xml.contains("4111111111111111")) {
            throw new IllegalStateException("the card number is still in the clear");
        }
        return xml;
    }

    private static String receive(String xml, SecretKey key, Key kek, String name) throws Exception {
        try {
            Document doc = parse(xml);
            Element encrypted = (Element) doc.getElementsByTagNameNS(EncryptionConstants.EncryptionSpecNS,
                    EncryptionConstants._TAG_ENCRYPTEDDATA).item(0);
            XMLCipher cipher = XMLCipher.getInstance();
            cipher.init(XMLCipher.DECRYPT_MODE, key);
            if (kek != null) {
                cipher.setKEK(kek);
            }
            cipher.doFinal(doc, encrypted);
            if (!serialize(doc).equals(serialize(parse(DOCUMENT)))) {
                throw new IllegalStateException("the decrypted document differs from the original");
            }
            return name + ": sent, received, document restored";
        } catch (Exception e) {
            throw new IllegalStateException("receiver failed", e);
        }
    }

    static SecretKey generate(String algorithm, int bits) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance(algorithm);
        generator.init(bits);
        return generator.generateKey();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String serialize(Document doc) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }
}

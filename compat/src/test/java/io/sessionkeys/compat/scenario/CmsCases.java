package io.sessionkeys.compat.scenario;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKEKEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKEKRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * Bouncy Castle CMS used as a plain library (Bouncy Castle is not an installed provider here and no
 * {@code setProvider} is called, so every primitive comes from the JCA provider list): enveloped
 * data for AES-128-CBC and AES-256-CBC, each to an RSA key-transport recipient (PKCS#1 v1.5, the
 * default, and OAEP) and to an AES KEK recipient.
 */
final class CmsCases {

    static final String LIBRARY = "Bouncy Castle CMS (bcpkix)";
    private static final byte[] MESSAGE = TlsCases.data(3000, 11);

    private final TlsMaterial material;

    CmsCases(TlsMaterial material) {
        this.material = material;
    }

    private record Content(String name, ASN1ObjectIdentifier oid) {
    }

    private interface RecipientPair {
        RecipientInfoGenerator sender() throws Exception;

        Recipient receiver() throws Exception;
    }

    List<Case> all() {
        List<Content> contents = List.of(
                new Content("aes128-cbc", CMSAlgorithm.AES128_CBC),
                new Content("aes256-cbc", CMSAlgorithm.AES256_CBC));
        // AES-GCM (AuthEnvelopedData) is not here: on the JDK's providers alone Bouncy Castle cannot open
        // it even without SessionKeys (it asks for AlgorithmParameters by the GCM OID, which only its own
        // provider offers), so it is not a case of Bouncy Castle used as a plain library.
        List<Case> cases = new ArrayList<>();
        for (Content c : contents) {
            String kind = "EnvelopedData";
            cases.add(new Case("cms." + c.name() + ".rsa-pkcs1", LIBRARY,
                    kind + " " + c.name() + ", RSA key transport (default: PKCS#1 v1.5)",
                    () -> roundTrip(c, rsa(false))));
            cases.add(new Case("cms." + c.name() + ".rsa-oaep", LIBRARY,
                    kind + " " + c.name() + ", RSA-OAEP (SHA-256) key transport", () -> roundTrip(c, rsa(true))));
            cases.add(new Case("cms." + c.name() + ".kek-aes256", LIBRARY,
                    kind + " " + c.name() + ", AES-256 key-encryption key", () -> roundTrip(c, kek())));
        }
        return cases;
    }

    private RecipientPair rsa(boolean oaep) throws Exception {
        X509Certificate certificate = material.certificate("rsa");
        PrivateKey privateKey = material.privateKey("rsa");
        return new RecipientPair() {
            @Override
            public RecipientInfoGenerator sender() throws Exception {
                if (!oaep) {
                    return new JceKeyTransRecipientInfoGenerator(certificate);
                }
                OAEPParameterSpec spec = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                        PSource.PSpecified.DEFAULT);
                return new JceKeyTransRecipientInfoGenerator(certificate, new JcaAlgorithmParametersConverter()
                        .getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, spec));
            }

            @Override
            public Recipient receiver() {
                return new JceKeyTransEnvelopedRecipient(privateKey);
            }
        };
    }

    private static RecipientPair kek() throws Exception {
        SecretKey kek = XmlEncryptionCases.generate("AES", 256);
        byte[] keyId = {1, 2, 3, 4};
        return new RecipientPair() {
            @Override
            public RecipientInfoGenerator sender() {
                return new JceKEKRecipientInfoGenerator(keyId, kek);
            }

            @Override
            public Recipient receiver() {
                return new JceKEKEnvelopedRecipient(kek);
            }
        };
    }

    private static String roundTrip(Content content, RecipientPair recipient) throws Exception {
        byte[] encoded;
        try {
            encoded = encrypt(content, recipient.sender());
        } catch (Exception | Error e) {
            throw new IllegalStateException("sender failed", e);
        }
        byte[] decrypted;
        try {
            RecipientInformation info = new CMSEnvelopedData(encoded).getRecipientInfos().getRecipients()
                    .iterator().next();
            decrypted = info.getContent(recipient.receiver());
        } catch (Exception | Error e) {
            throw new IllegalStateException("receiver failed", e);
        }
        if (!Arrays.equals(decrypted, MESSAGE)) {
            throw new IllegalStateException("the decrypted content differs from the message");
        }
        return content.name() + ": enveloped and opened, " + MESSAGE.length + " bytes";
    }

    private static byte[] encrypt(Content content, RecipientInfoGenerator recipient) throws Exception {
        JceCMSContentEncryptorBuilder builder = new JceCMSContentEncryptorBuilder(content.oid());
        CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(recipient);
        return generator.generate(new CMSProcessableByteArray(MESSAGE), builder.build()).getEncoded();
    }
}

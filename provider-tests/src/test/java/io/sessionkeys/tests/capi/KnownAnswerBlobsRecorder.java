package io.sessionkeys.tests.capi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the recorder of {@code capi/known-answers.properties}. Runs only when asked:
 * <pre>
 * mvn -pl provider,provider-tests -am verify -Dtest=KnownAnswerBlobsRecorder \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dsessionkeys.capi.record=true
 * </pre>
 * Every blob and ciphertext in the file is made by the Windows side (Wine's CryptoAPI and CNG);
 * the Java side contributes only an RSA key pair from the JDK, the recipient of the SIMPLEBLOB.
 * The public key is handed over in a PUBLICKEYBLOB written by hand here, not by SessionKeys, so
 * that the recording does not depend on the code it will test.
 */
@EnabledIfSystemProperty(named = "sessionkeys.capi.record", matches = "true")
class KnownAnswerBlobsRecorder {

    static final byte[] MESSAGE = "CryptEncrypt under Wine, decrypted by SessionKeys".getBytes(StandardCharsets.US_ASCII);

    @Test
    void record() throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("message", MESSAGE);
        WinePeer peer = WinePeer.startIfInstalled();
        WinePeer.require(peer);
        try (WinePeer windows = peer) {
            windows.call("aes-gen", 0, 256);
            out.put("plaintextkeyblob", windows.call("export-plain", 0));
            out.put("plaintextkeyblob.ciphertext", windows.call("encrypt", 0, "-", MESSAGE));

            windows.call("cng-gen", 1, 16);
            byte[] iv = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
            out.put("keydatablob", windows.call("cng-export-data", 1));
            out.put("keydatablob.iv", iv);
            out.put("keydatablob.ciphertext", windows.call("cng-encrypt", 1, iv, MESSAGE));

            out.put("exchange.publickeyblob", windows.call("rsa-gen", 2048));
            out.put("exchange.privatekeyblob", windows.call("rsa-private"));

            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
            g.initialize(2048);
            KeyPair java = g.generateKeyPair();
            out.put("java.rsa.pkcs8", java.getPrivate().getEncoded());
            windows.call("aes-gen", 2, 256);
            out.put("simpleblob", windows.call("export-simple", 2, handWrittenPublicKeyBlob((RSAPublicKey) java.getPublic())));
            out.put("simpleblob.ciphertext", windows.call("encrypt", 2, "-", MESSAGE));
            windows.call("aes-gen", 3, 128);
            out.put("simpleblob128", windows.call("export-simple", 3, handWrittenPublicKeyBlob((RSAPublicKey) java.getPublic())));
            out.put("simpleblob128.ciphertext", windows.call("encrypt", 3, "-", MESSAGE));
        }
        StringBuilder file = new StringBuilder("# Made by Wine 8.0 (rsaenh, bcrypt) through src/test/c/capi_peer.c;\n"
                + "# rewrite with KnownAnswerBlobsRecorder. CryptEncrypt used its defaults (CBC, PKCS#5, zero IV).\n");
        out.forEach((name, value) -> file.append(name).append('=').append(HexFormat.of().formatHex(value)).append('\n'));
        Path target = Path.of(System.getProperty("user.dir"), "src/test/resources", KnownAnswerBlobs.RESOURCE.substring(1));
        Files.createDirectories(target.getParent());
        Files.writeString(target, file, StandardCharsets.US_ASCII);
    }

    /** BLOBHEADER(PUBLICKEYBLOB, 2, 0, CALG_RSA_KEYX), RSAPUBKEY("RSA1", bitlen, pubexp), modulus little-endian. */
    private static byte[] handWrittenPublicKeyBlob(RSAPublicKey key) throws IOException {
        int bytes = key.getModulus().bitLength() / 8;
        byte[] blob = new byte[20 + bytes];
        blob[0] = 0x06;
        blob[1] = 0x02;
        blob[5] = (byte) 0xA4;
        blob[8] = 'R';
        blob[9] = 'S';
        blob[10] = 'A';
        blob[11] = '1';
        int bits = bytes * 8;
        blob[12] = (byte) bits;
        blob[13] = (byte) (bits >>> 8);
        int e = key.getPublicExponent().intValueExact();
        for (int k = 0; k < 4; k++) {
            blob[16 + k] = (byte) (e >>> (8 * k));
        }
        byte[] n = key.getModulus().toByteArray();
        for (int i = 0; i < bytes; i++) {
            blob[20 + i] = n[n.length - 1 - i];
        }
        return blob;
    }
}

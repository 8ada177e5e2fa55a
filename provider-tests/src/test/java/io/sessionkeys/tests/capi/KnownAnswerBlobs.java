package io.sessionkeys.tests.capi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Blobs made by the real CryptoAPI and CNG (Wine 8.0's rsaenh and bcrypt, through capi_peer),
 * with the keys they were made with, kept in {@code capi/known-answers.properties} so that the
 * format tests run on machines without Wine. {@link KnownAnswerBlobsRecorder} rewrites the file.
 */
final class KnownAnswerBlobs {

    static final String RESOURCE = "/capi/known-answers.properties";

    private final Properties values = new Properties();

    private KnownAnswerBlobs() {
        try (InputStream in = KnownAnswerBlobs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test resources");
            }
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnownAnswerBlobs load() {
        return new KnownAnswerBlobs();
    }

    /** A fresh copy of the bytes recorded under {@code name}. */
    byte[] bytes(String name) {
        String hex = values.getProperty(name);
        if (hex == null) {
            throw new IllegalStateException(RESOURCE + " has no " + name);
        }
        return HexFormat.of().parseHex(hex);
    }

    /** The Java RSA private key whose public key the Windows side made SIMPLEBLOBs for. */
    PrivateKey javaRsaPrivateKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes("java.rsa.pkcs8")));
    }

    /**
     * Reads a CryptoAPI {@code PRIVATEKEYBLOB} (test code only: SessionKeys has no use for
     * private key blobs): BLOBHEADER, RSAPUBKEY ("RSA2", bitlen, pubexp), then modulus, prime1,
     * prime2, exponent1, exponent2, coefficient and privateExponent, little-endian.
     */
    static RSAPrivateCrtKeySpec privateKeyBlob(byte[] blob) {
        if (blob[0] != 0x07 || blob[1] != 2 || !"RSA2".equals(new String(blob, 8, 4))) {
            throw new IllegalArgumentException("not a PRIVATEKEYBLOB of an RSA key");
        }
        int bits = littleInt(blob, 12);
        BigInteger e = BigInteger.valueOf(littleInt(blob, 16) & 0xFFFFFFFFL);
        int full = bits / 8;
        int half = bits / 16;
        int[] offset = {20};
        BigInteger n = little(blob, offset, full);
        BigInteger p = little(blob, offset, half);
        BigInteger q = little(blob, offset, half);
        BigInteger dp = little(blob, offset, half);
        BigInteger dq = little(blob, offset, half);
        BigInteger qinv = little(blob, offset, half);
        BigInteger d = little(blob, offset, full);
        return new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qinv);
    }

    private static BigInteger little(byte[] blob, int[] offset, int length) {
        byte[] big = new byte[length];
        for (int i = 0; i < length; i++) {
            big[i] = blob[offset[0] + length - 1 - i];
        }
        offset[0] += length;
        return new BigInteger(1, big);
    }

    private static int littleInt(byte[] b, int offset) {
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8 | (b[offset + 2] & 0xFF) << 16
                | (b[offset + 3] & 0xFF) << 24;
    }
}

package io.sessionkeys.tests.wrap;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent implementation, on the JDK's SHA-256 and HMAC, of the key SessionKeys' PKCS#1
 * unwrap returns for a ciphertext it rejects when the key algorithm allows every length from 1 to
 * k - 11 bytes (HmacSHA256): KDK and IPRF of draft-irtf-cfrg-rsa-guidance §7, the message the end
 * of IPRF(KDK, "message", 8k), its length 1 + the first 16 bits of IPRF(KDK, "length", 2048) times
 * (k - 11), over 2^16.
 */
final class ImplicitRejection {

    private ImplicitRejection() {
    }

    static byte[] hmacKey(RSAPrivateKey key, byte[] ciphertext) throws GeneralSecurityException {
        int k = (key.getModulus().bitLength() + 7) / 8;
        byte[] d = key.getPrivateExponent().toByteArray();
        byte[] encodedD = new byte[k];
        int n = Math.min(d.length, k);
        System.arraycopy(d, d.length - n, encodedD, k - n, n);
        byte[] kdk = hmac(MessageDigest.getInstance("SHA-256").digest(encodedD), ciphertext);
        byte[] message = iprf(kdk, "message", k);
        byte[] lengths = iprf(kdk, "length", 256);
        int r = ((lengths[0] & 0xFF) << 8) | (lengths[1] & 0xFF);
        int length = 1 + (int) (((long) r * (k - 11)) >>> 16);
        return Arrays.copyOfRange(message, k - length, k);
    }

    private static byte[] iprf(byte[] kdk, String label, int bytes) throws GeneralSecurityException {
        byte[] out = new byte[bytes];
        byte[] l = label.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i * 32 < bytes; i++) {
            byte[] input = new byte[l.length + 4];
            input[0] = (byte) (i >> 8);
            input[1] = (byte) i;
            System.arraycopy(l, 0, input, 2, l.length);
            input[l.length + 2] = (byte) ((bytes * 8) >> 8);
            input[l.length + 3] = (byte) (bytes * 8);
            System.arraycopy(hmac(kdk, input), 0, out, i * 32, Math.min(32, bytes - i * 32));
        }
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256", "SunJCE");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }
}

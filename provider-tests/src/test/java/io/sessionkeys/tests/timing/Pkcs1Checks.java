package io.sessionkeys.tests.timing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * RSA/ECB/PKCS1Padding unwrapping must not be a padding oracle (Bleichenbacher 1998; the "Marvin"
 * timing variant, 2023): a correctly padded 16-byte AES key, a bad padding, and a correct padding
 * around a message of a length AES does not allow must take the same time, since all three
 * return a key (the last two the implicit-rejection key). The encoded messages are built by hand
 * and raised to the public exponent, so each ciphertext decrypts to exactly the chosen case. The
 * RSA private-key operation itself is the JDK's and is in every measurement.
 */
final class Pkcs1Checks {

    private final Provider provider;
    private final int measurements;
    private final KeyPair pair;

    enum Defect { NONE, BLOCK_TYPE, NO_SEPARATOR, WRONG_LENGTH }

    Pkcs1Checks(Provider provider, int measurements) throws GeneralSecurityException {
        this.provider = provider;
        this.measurements = measurements;
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        this.pair = g.generateKeyPair();
    }

    List<TimingCheck> all() throws GeneralSecurityException {
        return List.of(check("pkcs1-unwrap-valid-vs-bad-block-type", Defect.NONE, Defect.BLOCK_TYPE),
                check("pkcs1-unwrap-valid-vs-no-separator", Defect.NONE, Defect.NO_SEPARATOR),
                check("pkcs1-unwrap-valid-vs-wrong-length", Defect.NONE, Defect.WRONG_LENGTH));
    }

    private TimingCheck check(String name, Defect zero, Defect one) throws GeneralSecurityException {
        Cipher unwrap = Cipher.getInstance("RSA/ECB/PKCS1Padding", provider);
        unwrap.init(Cipher.UNWRAP_MODE, pair.getPrivate());
        return new SymmetricChecks.Check(name, measurements) {
            @Override
            public Object prepare(boolean classOne, SplittableRandom r) throws GeneralSecurityException {
                return ciphertext(classOne ? one : zero, r);
            }

            @Override
            public void measure(Object input) throws Exception {
                SecretKey key = (SecretKey) unwrap.unwrap((byte[]) input, "AES", Cipher.SECRET_KEY);
                key.destroy(); // every case returns a key: none may end in an exception
            }
        };
    }

    /** EM = 0x00 ‖ 0x02 ‖ PS (non-zero) ‖ 0x00 ‖ M, with the chosen defect, then EM^e mod n. */
    byte[] ciphertext(Defect defect, SplittableRandom r) {
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        int k = (pub.getModulus().bitLength() + 7) / 8;
        int messageLength = defect == Defect.WRONG_LENGTH ? 20 : 16;
        byte[] em = new byte[k];
        em[1] = defect == Defect.BLOCK_TYPE ? (byte) 1 : 2;
        int separator = k - messageLength - 1;
        for (int i = 2; i < k; i++) {
            em[i] = (byte) (1 + r.nextInt(255));
        }
        if (defect != Defect.NO_SEPARATOR) {
            em[separator] = 0;
        }
        byte[] c = new BigInteger(1, em).modPow(pub.getPublicExponent(), pub.getModulus()).toByteArray();
        byte[] fixed = new byte[k];
        int n = Math.min(c.length, k);
        System.arraycopy(c, c.length - n, fixed, k - n, n);
        return fixed;
    }
}

package io.sessionkeys.tests.timing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * OAEP decoding failures of different kinds (RFC 8017 §7.1.2 step 3g: the leading byte Y, the label
 * hash, the 0x01 separator) must be indistinguishable, or the decoder is a Manger oracle. The
 * encoded messages are built by hand here and raised to the public exponent, so each ciphertext
 * decrypts to exactly the chosen defect.
 */
final class OaepChecks {

    private static final int HASH = 32; // SHA-256

    private final Provider provider;
    private final int measurements;
    private final KeyPair pair;
    private final OAEPParameterSpec spec = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);

    enum Defect { NONE, LEADING_BYTE, LABEL_HASH, NO_SEPARATOR }

    OaepChecks(Provider provider, int measurements) throws GeneralSecurityException {
        this.provider = provider;
        this.measurements = measurements;
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        this.pair = g.generateKeyPair();
    }

    List<TimingCheck> all() throws GeneralSecurityException {
        Cipher dec = Cipher.getInstance("RSA/ECB/OAEPPadding", provider);
        dec.init(Cipher.DECRYPT_MODE, pair.getPrivate(), spec);
        byte[] sane = dec.doFinal(ciphertext(Defect.NONE, new SplittableRandom(1)));
        if (sane.length != 16) {
            throw new IllegalStateException("the hand-made OAEP encoding is wrong: " + sane.length + " bytes decoded");
        }
        return List.of(check("oaep-leading-byte-vs-label-hash", Defect.LEADING_BYTE, Defect.LABEL_HASH),
                check("oaep-label-hash-vs-no-separator", Defect.LABEL_HASH, Defect.NO_SEPARATOR));
    }

    private TimingCheck check(String name, Defect zero, Defect one) throws GeneralSecurityException {
        Cipher dec = Cipher.getInstance("RSA/ECB/OAEPPadding", provider);
        dec.init(Cipher.DECRYPT_MODE, pair.getPrivate(), spec);
        return new SymmetricChecks.Check(name, measurements) {
            @Override
            public Object prepare(boolean classOne, SplittableRandom r) throws GeneralSecurityException {
                return ciphertext(classOne ? one : zero, r);
            }

            @Override
            public void measure(Object input) throws Exception {
                try {
                    dec.doFinal((byte[]) input);
                    throw new IllegalStateException("a defective OAEP encoding was accepted");
                } catch (BadPaddingException expected) {
                    // both classes end here
                }
            }
        };
    }

    /** EM = Y ‖ maskedSeed ‖ maskedDB with DB = lHash ‖ PS ‖ 0x01 ‖ M (16 bytes), then EM^e mod n. */
    byte[] ciphertext(Defect defect, SplittableRandom r) throws GeneralSecurityException {
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        int k = (pub.getModulus().bitLength() + 7) / 8;
        byte[] db = new byte[k - HASH - 1];
        byte[] lHash = MessageDigest.getInstance("SHA-256").digest(new byte[0]);
        System.arraycopy(lHash, 0, db, 0, HASH);
        if (defect == Defect.LABEL_HASH) {
            db[r.nextInt(HASH)] ^= (byte) (1 + r.nextInt(255));
        }
        int messageStart = db.length - 16;
        if (defect != Defect.NO_SEPARATOR) {
            db[messageStart - 1] = 1;
        }
        for (int i = messageStart; i < db.length; i++) {
            db[i] = (byte) (2 + r.nextInt(254)); // neither 0 nor 1, so a missing separator is not found in M
        }
        byte[] seed = new byte[HASH];
        r.nextBytes(seed);
        xor(db, mgf1(seed, db.length));
        byte[] maskedSeed = seed.clone();
        xor(maskedSeed, mgf1(db, HASH));
        byte[] em = new byte[k];
        em[0] = defect == Defect.LEADING_BYTE ? (byte) 1 : 0;
        System.arraycopy(maskedSeed, 0, em, 1, HASH);
        System.arraycopy(db, 0, em, 1 + HASH, db.length);
        byte[] c = new BigInteger(1, em).modPow(pub.getPublicExponent(), pub.getModulus()).toByteArray();
        byte[] fixed = new byte[k];
        int n = Math.min(c.length, k);
        System.arraycopy(c, c.length - n, fixed, k - n, n);
        return fixed;
    }

    private static byte[] mgf1(byte[] seed, int length) throws GeneralSecurityException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] mask = new byte[length];
        for (int counter = 0, done = 0; done < length; counter++) {
            sha.update(seed);
            sha.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
            byte[] block = sha.digest();
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, mask, done, n);
            done += n;
        }
        return mask;
    }

    private static void xor(byte[] into, byte[] mask) {
        for (int i = 0; i < into.length; i++) {
            into[i] ^= mask[i];
        }
    }
}

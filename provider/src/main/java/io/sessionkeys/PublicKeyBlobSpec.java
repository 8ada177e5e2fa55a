package io.sessionkeys;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.util.Objects;

/**
 * A CryptoAPI {@code PUBLICKEYBLOB} of an RSA key: the public keys that a Java service and a
 * Windows application hand each other so that each can send the other a {@code SIMPLEBLOB}.
 * Layout, little-endian: {@code BLOBHEADER} (bType 0x06, bVersion 2, reserved 0, aiKeyAlg
 * {@code CALG_RSA_KEYX} or {@code CALG_RSA_SIGN}), {@code RSAPUBKEY} (magic "RSA1", bitlen,
 * pubexp), then the modulus in bitlen/8 bytes, least significant byte first.
 *
 * <p>It is an {@link RSAPublicKeySpec}, so any provider's RSA {@code KeyFactory} turns it into a
 * key, and a key into it:
 * <pre>{@code
 * PublicKey windowsKey = KeyFactory.getInstance("RSA").generatePublic(PublicKeyBlobSpec.parse(blob));
 * byte[] forWindows = PublicKeyBlobSpec.of(myRsaPublicKey).blob();
 * }</pre>
 * A public key is no secret: the spec copies freely.
 */
public final class PublicKeyBlobSpec extends RSAPublicKeySpec {

    private static final int HEADER = 8;
    private static final int RSAPUBKEY = 12;
    private static final int BLOB_TYPE = 0x06;
    private static final int BLOB_VERSION = 2;
    private static final int RSA1 = 0x31415352;
    /** CALG_RSA_KEYX: the key of an exchange key pair, the one a SIMPLEBLOB is made for. */
    public static final int CALG_RSA_KEYX = 0xA400;
    /** CALG_RSA_SIGN: the key of a signature key pair. */
    public static final int CALG_RSA_SIGN = 0x2400;

    private final int algId;

    private PublicKeyBlobSpec(BigInteger modulus, BigInteger publicExponent, int algId) {
        super(modulus, publicExponent);
        this.algId = algId;
    }

    /**
     * Reads a {@code PUBLICKEYBLOB}.
     *
     * @throws InvalidKeySpecException if it is not a well-formed {@code PUBLICKEYBLOB} of an RSA
     *     key, saying which field is wrong
     */
    public static PublicKeyBlobSpec parse(byte[] blob) throws InvalidKeySpecException {
        if (blob == null || blob.length < HEADER + RSAPUBKEY) {
            throw new InvalidKeySpecException("a PUBLICKEYBLOB has a 20-byte BLOBHEADER and RSAPUBKEY; got "
                    + (blob == null ? "null" : blob.length + " bytes"));
        }
        if ((blob[0] & 0xFF) != BLOB_TYPE) {
            throw new InvalidKeySpecException("not a PUBLICKEYBLOB: its BLOBHEADER has bType 0x"
                    + String.format("%02X", blob[0] & 0xFF) + ", a PUBLICKEYBLOB has 0x06");
        }
        if ((blob[1] & 0xFF) != BLOB_VERSION || blob[2] != 0 || blob[3] != 0) {
            throw new InvalidKeySpecException("the PUBLICKEYBLOB's BLOBHEADER has bVersion " + (blob[1] & 0xFF)
                    + " and reserved " + (blob[2] | blob[3]) + "; expected version 2 and reserved 0");
        }
        int algId = readInt(blob, 4);
        if (algId != CALG_RSA_KEYX && algId != CALG_RSA_SIGN) {
            throw new InvalidKeySpecException("the PUBLICKEYBLOB's aiKeyAlg is " + String.format("0x%04X", algId)
                    + "; an RSA key has CALG_RSA_KEYX (0xA400) or CALG_RSA_SIGN (0x2400)");
        }
        if (readInt(blob, HEADER) != RSA1) {
            throw new InvalidKeySpecException("the PUBLICKEYBLOB's RSAPUBKEY magic is "
                    + String.format("0x%08X", readInt(blob, HEADER)) + ", not \"RSA1\" (0x31415352)");
        }
        long bitLength = readInt(blob, HEADER + 4) & 0xFFFFFFFFL;
        if (bitLength < 512 || bitLength > 16384 || bitLength % 8 != 0) {
            throw new InvalidKeySpecException("the PUBLICKEYBLOB's bitlen is " + bitLength
                    + "; expected a multiple of 8 from 512 to 16384");
        }
        int modulusBytes = (int) (bitLength / 8);
        if (blob.length != HEADER + RSAPUBKEY + modulusBytes) {
            throw new InvalidKeySpecException("a PUBLICKEYBLOB of a " + bitLength + "-bit key is "
                    + (HEADER + RSAPUBKEY + modulusBytes) + " bytes long, got " + blob.length);
        }
        BigInteger exponent = BigInteger.valueOf(readInt(blob, HEADER + 8) & 0xFFFFFFFFL);
        byte[] bigEndian = new byte[modulusBytes];
        for (int i = 0; i < modulusBytes; i++) {
            bigEndian[i] = blob[blob.length - 1 - i];
        }
        BigInteger modulus = new BigInteger(1, bigEndian);
        if (modulus.bitLength() != bitLength || !modulus.testBit(0)) {
            throw new InvalidKeySpecException("the PUBLICKEYBLOB's modulus is not an odd " + bitLength + "-bit number");
        }
        if (!exponent.testBit(0) || exponent.compareTo(BigInteger.valueOf(3)) < 0) {
            throw new InvalidKeySpecException("the PUBLICKEYBLOB's public exponent " + exponent
                    + " is not an odd number of at least 3");
        }
        return new PublicKeyBlobSpec(modulus, exponent, algId);
    }

    /**
     * The {@code PUBLICKEYBLOB} of an RSA exchange key ({@code CALG_RSA_KEYX}).
     *
     * @throws IllegalArgumentException if the public exponent does not fit the blob's 32 bits
     */
    public static PublicKeyBlobSpec of(RSAPublicKey key) {
        Objects.requireNonNull(key, "key");
        BigInteger e = key.getPublicExponent();
        if (e.signum() <= 0 || e.bitLength() > 32) {
            throw new IllegalArgumentException("a PUBLICKEYBLOB holds a public exponent of at most 32 bits; this key's"
                    + " has " + e.bitLength());
        }
        return new PublicKeyBlobSpec(key.getModulus(), e, CALG_RSA_KEYX);
    }

    /** The key's aiKeyAlg: {@link #CALG_RSA_KEYX} or {@link #CALG_RSA_SIGN}. */
    public int algId() {
        return algId;
    }

    /** The {@code PUBLICKEYBLOB}, freshly encoded. */
    public byte[] blob() {
        int modulusBytes = (getModulus().bitLength() + 7) / 8;
        byte[] blob = new byte[HEADER + RSAPUBKEY + modulusBytes];
        blob[0] = BLOB_TYPE;
        blob[1] = BLOB_VERSION;
        writeInt(blob, 4, algId);
        writeInt(blob, HEADER, RSA1);
        writeInt(blob, HEADER + 4, modulusBytes * 8);
        writeInt(blob, HEADER + 8, getPublicExponent().intValue());
        byte[] bigEndian = getModulus().toByteArray(); // may carry a leading sign byte
        for (int i = 0; i < modulusBytes; i++) {
            blob[HEADER + RSAPUBKEY + i] = bigEndian[bigEndian.length - 1 - i];
        }
        return blob;
    }

    private static int readInt(byte[] b, int offset) {
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8 | (b[offset + 2] & 0xFF) << 16
                | (b[offset + 3] & 0xFF) << 24;
    }

    private static void writeInt(byte[] b, int offset, int value) {
        for (int k = 0; k < 4; k++) {
            b[offset + k] = (byte) (value >>> (8 * k));
        }
    }

    @Override
    public String toString() {
        return "PublicKeyBlobSpec[RSA-" + getModulus().bitLength() + ", " + (algId == CALG_RSA_KEYX
                ? "CALG_RSA_KEYX" : "CALG_RSA_SIGN") + "]";
    }
}

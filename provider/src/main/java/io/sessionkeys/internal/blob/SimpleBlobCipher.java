package io.sessionkeys.internal.blob;

import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyUnwrapSpec;
import io.sessionkeys.internal.common.WindowsKeyBlobs;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import javax.crypto.Cipher;
import io.sessionkeys.internal.service.SessionKeysCipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;

/**
 * {@code Cipher "SIMPLEBLOB"}: CryptoAPI's key transport blob. {@code WRAP_MODE} with the
 * recipient's RSA public key turns a session key into a whole {@code SIMPLEBLOB};
 * {@code UNWRAP_MODE} with the RSA private key turns a {@code SIMPLEBLOB} back into a session
 * key. Layout, little-endian: {@code BLOBHEADER} (bType 0x01, bVersion 2, reserved 0, aiKeyAlg
 * {@code CALG_AES_128/192/256}), the exchange key's ALG_ID ({@code CALG_RSA_KEYX}), then the
 * RSAES-PKCS1-v1_5 encryption of the key, byte-reversed (least significant byte first).
 *
 * <p>The RSA part is the provider's own {@code RSA/ECB/PKCS1Padding}, reached through JCA:
 * it records the export, and its unwrap answers bad padding with an implicit-rejection key rather
 * than an error. This cipher asks it for exactly the size the header names ("AES_256"), so the
 * stand-in key has that size too, and neither the outcome nor its timing tells a padding oracle
 * anything. Only what the header and the ciphertext's length say in the clear (public data) is
 * refused with an exception.
 */
public final class SimpleBlobCipher extends SessionKeysCipherSpi {

    private static final String NAME = "SIMPLEBLOB";
    private static final String RSA = "RSA/ECB/PKCS1Padding";
    /** BLOBHEADER and the exchange key's ALG_ID, before the encrypted key. */
    private static final int PREFIX = WindowsKeyBlobs.BLOBHEADER_LENGTH + 4;

    private final ProviderContext context;
    private int opmode;
    private int modulusBytes;
    private Cipher rsa;

    SimpleBlobCipher(ProviderContext context) {
        this.context = context;
    }

    @Override
    protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
        if (mode != null) {
            throw new NoSuchAlgorithmException(NAME + " has no modes; ask for \"SIMPLEBLOB\" alone");
        }
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
        if (padding != null) {
            throw new NoSuchPaddingException(NAME + " always uses PKCS#1 v1.5; ask for \"SIMPLEBLOB\" alone");
        }
    }

    @Override
    protected int engineGetBlockSize() {
        return 0;
    }

    /** The length of the blob that {@code wrap} makes (whatever the key's length). */
    @Override
    protected int engineGetOutputSize(int inputLen) {
        return PREFIX + modulusBytes;
    }

    @Override
    protected byte[] engineGetIV() {
        return null;
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        return null;
    }

    @Override
    protected int engineGetKeySize(Key key) throws InvalidKeyException {
        if (!(key instanceof RSAKey)) {
            throw new InvalidKeyException(NAME + " takes RSA keys, not " + describe(key));
        }
        return ((RSAKey) key).getModulus().bitLength();
    }

    @Override
    protected void engineInit(int mode, Key key, SecureRandom random) throws InvalidKeyException {
        try {
            engineInit(mode, key, (AlgorithmParameterSpec) null, random);
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("no parameters were refused", e);
        }
    }

    @Override
    protected void engineInit(int mode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null) {
            throw new InvalidAlgorithmParameterException(NAME + " takes no AlgorithmParameters");
        }
        engineInit(mode, key, (AlgorithmParameterSpec) null, random);
    }

    /**
     * @param spec {@code null}, or a {@code SessionKeyUnwrapSpec} for the unwrapped key's policy
     *     and scope (passed on to {@code RSA/ECB/PKCS1Padding}, which checks it)
     */
    @Override
    protected void engineInit(int mode, Key key, AlgorithmParameterSpec spec, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (mode != Cipher.WRAP_MODE && mode != Cipher.UNWRAP_MODE) {
            throw new UnsupportedOperationException(NAME + " only wraps and unwraps keys (WRAP_MODE, UNWRAP_MODE);"
                    + " encrypt data with " + RSA);
        }
        boolean wrap = mode == Cipher.WRAP_MODE;
        if (wrap ? !(key instanceof RSAPublicKey) : !(key instanceof RSAPrivateKey)) {
            throw new InvalidKeyException(NAME + (wrap ? " wraps under the recipient's RSA public key"
                    : " unwraps with the RSA private key") + ", not " + describe(key));
        }
        Cipher c = rsaCipher();
        // An RSA key is the application's, so without a SessionKeyUnwrapSpec the RSA cipher would be
        // served by the next provider (plain key bytes, no implicit rejection): always pass one.
        AlgorithmParameterSpec rsaSpec = wrap || spec != null ? spec : SessionKeyUnwrapSpec.builder().build();
        c.init(mode, key, rsaSpec, random != null ? random : context.random());
        this.rsa = c;
        this.opmode = mode;
        this.modulusBytes = (((RSAKey) key).getModulus().bitLength() + 7) / 8;
    }

    private Cipher rsaCipher() {
        try {
            return Cipher.getInstance(RSA, context.provider());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SessionKeys has no " + RSA + " service", e);
        }
    }

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        requireMode(Cipher.WRAP_MODE, "wrapping (WRAP_MODE)");
        if (key == null || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
            throw new InvalidKeyException(NAME + " in SessionKeys carries AES session keys, not " + describe(key));
        }
        int algId = WindowsKeyBlobs.aesAlgId(keyBytes(key));
        if (algId < 0) {
            throw new InvalidKeyException(NAME + " carries 128-, 192- or 256-bit AES keys, not " + describe(key));
        }
        // the RSA cipher checks the key (a session key whose policy allows wrapping) and records the export;
        // its output has exactly the modulus length
        byte[] encrypted = rsa.wrap(key);
        byte[] blob = new byte[PREFIX + modulusBytes];
        WindowsKeyBlobs.writeHeader(blob, WindowsKeyBlobs.SIMPLEBLOB, algId);
        WindowsKeyBlobs.writeInt(blob, WindowsKeyBlobs.BLOBHEADER_LENGTH, WindowsKeyBlobs.CALG_RSA_KEYX);
        for (int i = 0; i < modulusBytes; i++) {
            blob[PREFIX + i] = encrypted[modulusBytes - 1 - i];
        }
        return blob;
    }

    /** The key's length in bytes, from its public size (session keys) or its encoding (foreign keys). */
    private static int keyBytes(Key key) {
        if (key instanceof SessionKey) {
            return ((SessionKey) key).keySizeBits() / 8;
        }
        byte[] encoded = key.getEncoded();
        try {
            return encoded == null ? -1 : encoded.length;
        } finally {
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }

    /**
     * @param algorithm "AES" (or a sized name, "AES_256", that must match the header)
     * @param type {@code Cipher.SECRET_KEY}
     */
    @Override
    protected Key engineUnwrap(byte[] blob, String algorithm, int type) throws InvalidKeyException,
            NoSuchAlgorithmException {
        requireMode(Cipher.UNWRAP_MODE, "unwrapping (UNWRAP_MODE)");
        if (type != Cipher.SECRET_KEY || algorithm == null
                || !(algorithm.equalsIgnoreCase("AES") || algorithm.matches("(?i)AES_(128|192|256)"))) {
            throw new NoSuchAlgorithmException(NAME + " in SessionKeys unwraps AES keys (Cipher.SECRET_KEY), not "
                    + algorithm + " of key type " + type);
        }
        int algId;
        try {
            algId = WindowsKeyBlobs.readHeader(blob, WindowsKeyBlobs.SIMPLEBLOB, NAME);
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeyException(e.getMessage(), e);
        }
        int keyBytes = WindowsKeyBlobs.aesKeyBytes(algId);
        if (keyBytes < 0) {
            throw new InvalidKeyException("the " + NAME + " holds a key of ALG_ID " + WindowsKeyBlobs.describeAlgId(algId)
                    + "; SessionKeys unwraps CALG_AES_128, CALG_AES_192 and CALG_AES_256");
        }
        String sized = "AES_" + keyBytes * 8;
        if (!algorithm.equalsIgnoreCase("AES") && !algorithm.equalsIgnoreCase(sized)) {
            throw new InvalidKeyException("the " + NAME + " holds a " + WindowsKeyBlobs.describeAlgId(algId)
                    + " key, not " + algorithm);
        }
        if (blob.length < PREFIX) {
            throw new InvalidKeyException("the " + NAME + " is truncated: " + blob.length
                    + " bytes, no room for the exchange key's ALG_ID");
        }
        int exchange = WindowsKeyBlobs.readInt(blob, WindowsKeyBlobs.BLOBHEADER_LENGTH);
        if (exchange != WindowsKeyBlobs.CALG_RSA_KEYX) {
            throw new InvalidKeyException("the " + NAME + " was made for an exchange key of ALG_ID "
                    + WindowsKeyBlobs.describeAlgId(exchange) + "; SessionKeys unwraps CALG_RSA_KEYX (0xA400)");
        }
        if (blob.length != PREFIX + modulusBytes) {
            throw new InvalidKeyException("a " + NAME + " for a " + modulusBytes * 8 + "-bit RSA key is "
                    + (PREFIX + modulusBytes) + " bytes long, got " + blob.length);
        }
        byte[] encrypted = new byte[modulusBytes];
        for (int i = 0; i < modulusBytes; i++) {
            encrypted[i] = blob[blob.length - 1 - i];
        }
        return rsa.unwrap(encrypted, sized, Cipher.SECRET_KEY);
    }

    private void requireMode(int expected, String what) {
        if (opmode != expected) {
            throw new IllegalStateException(NAME + " is not initialized for " + what);
        }
    }

    private static String describe(Key key) {
        return key == null ? "null" : "a " + key.getAlgorithm() + " key (" + key.getClass().getName() + ")";
    }

    // A SIMPLEBLOB cipher carries keys, never data: Cipher refuses update and doFinal in WRAP_MODE
    // and UNWRAP_MODE before they reach the SPI, and init refuses the data modes.

    @Override
    protected byte[] engineUpdate(byte[] input, int offset, int length) {
        throw dataRefused();
    }

    @Override
    protected int engineUpdate(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        throw dataRefused();
    }

    @Override
    protected int engineUpdate(ByteBuffer input, ByteBuffer output) {
        throw dataRefused();
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int offset, int length) {
        throw dataRefused();
    }

    @Override
    protected int engineDoFinal(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        throw dataRefused();
    }

    @Override
    protected int engineDoFinal(ByteBuffer input, ByteBuffer output) {
        throw dataRefused();
    }

    private static IllegalStateException dataRefused() {
        return new IllegalStateException(NAME + " wraps and unwraps keys only; it encrypts no data");
    }
}

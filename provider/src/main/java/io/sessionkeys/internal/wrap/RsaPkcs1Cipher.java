package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.common.ConstantTime;
import io.sessionkeys.internal.key.KeyToWrap;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.UnwrappedKeys;
import io.sessionkeys.internal.key.KeyAlgorithm;
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
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;

/**
 * {@code RSA/ECB/PKCS1Padding}: RSAES-PKCS1-v1_5 key transport and encryption, with SunJCE's
 * behaviour for encryption and decryption (a public key encrypts and a private key decrypts with
 * block type 2; a private key "encrypts" and a public key "decrypts" with block type 1), and
 * WRAP/UNWRAP of session keys with a public and a private key.
 *
 * <p>Decryption reports bad padding as SunJCE does, with {@link BadPaddingException}: that is
 * the API's contract. Unwrapping does not: a ciphertext whose padding is bad, or whose message
 * does not have a length the requested key algorithm allows, gives a session key made from the
 * {@link ImplicitRejection implicit-rejection} message, chosen by masks, so that neither the
 * result nor its timing tells a padding oracle anything. The RSA primitive is the JDK's
 * ({@link RawRsa}).
 */
public final class RsaPkcs1Cipher extends CipherSpi {

    private static final String NAME = "RSA/ECB/PKCS1Padding";

    private final ProviderContext context;
    private final MessageBuffer buffered = new MessageBuffer();

    private int opmode;
    private boolean publicKey;
    private int k;
    private RawRsa raw;
    private SecureRandom random;
    private WrapParameters parameters;
    /** UNWRAP_MODE: SHA-256 of the private exponent, the implicit-rejection key; wiped at re-init. */
    private byte[] exponentHash;

    public RsaPkcs1Cipher(ProviderContext context) {
        this.context = context;
    }

    @Override
    protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
        if (mode != null && !"ECB".equalsIgnoreCase(mode) && !"NONE".equalsIgnoreCase(mode)) {
            throw new NoSuchAlgorithmException(NAME + " supports only mode ECB, not " + mode);
        }
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
        if (padding != null && !"PKCS1Padding".equalsIgnoreCase(padding)) {
            throw new NoSuchPaddingException(NAME + " supports only PKCS1Padding, not " + padding);
        }
    }

    @Override
    protected int engineGetBlockSize() {
        return 0;
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        return k;
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
        return rsaKey(key).getModulus().bitLength();
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
            throw new InvalidAlgorithmParameterException("Parameters not supported by " + NAME);
        }
        engineInit(mode, key, (AlgorithmParameterSpec) null, random);
    }

    @Override
    protected void engineInit(int mode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        WrapParameters p = WrapParameters.from(params);
        if (p.cipherParameters() != null) {
            // SunJCE's own TLS premaster spec included: with delayed provider selection JCA then moves on
            throw new InvalidAlgorithmParameterException("Parameters not supported by " + NAME + ": "
                    + p.cipherParameters().getClass().getName());
        }
        RSAKey rsa = rsaKey(key);
        boolean isPublic = key instanceof RSAPublicKey;
        if (mode == Cipher.WRAP_MODE && !isPublic || mode == Cipher.UNWRAP_MODE && isPublic) {
            throw new InvalidKeyException(NAME + " wraps with an RSA public key and unwraps with an RSA private key;"
                    + " wrapping with a private key would let anyone holding the public key read the wrapped key");
        }
        int modulusBytes = (rsa.getModulus().bitLength() + 7) / 8;
        if (modulusBytes < Pkcs1Encoding.OVERHEAD + 1) {
            throw new InvalidKeyException("an RSA key of " + rsa.getModulus().bitLength() + " bits is too short for "
                    + NAME);
        }
        byte[] hash = mode == Cipher.UNWRAP_MODE ? ImplicitRejection.exponentHash((RSAPrivateKey) key, modulusBytes)
                : null;
        // RSAEP with the public key or RSADP with the private key, whatever the direction
        this.raw = RawRsa.init(isPublic, key);
        ManagedSessionKey.wipe(exponentHash);
        this.exponentHash = hash;
        this.opmode = mode;
        this.publicKey = isPublic;
        this.k = modulusBytes;
        this.random = random;
        this.parameters = p;
        buffered.clear();
    }

    private static RSAKey rsaKey(Key key) throws InvalidKeyException {
        if (!(key instanceof RSAPublicKey) && !(key instanceof RSAPrivateKey)) {
            throw new InvalidKeyException(NAME + " needs an RSA public or private key, got "
                    + (key == null ? "null" : key.getAlgorithm() + " " + key.getClass().getName()));
        }
        if (((RSAKey) key).getModulus() == null) {
            throw new InvalidKeyException(NAME + " needs an RSA key with a readable modulus");
        }
        return (RSAKey) key;
    }

    /** Block type 2 between a public encryptor and a private decryptor; type 1 the other way round. */
    private int blockType() {
        boolean encrypting = opmode == Cipher.ENCRYPT_MODE || opmode == Cipher.WRAP_MODE;
        return encrypting == publicKey ? 2 : 1;
    }

    private void requireData() {
        if (opmode != Cipher.ENCRYPT_MODE && opmode != Cipher.DECRYPT_MODE) {
            throw new IllegalStateException(NAME + " is not initialized for encryption or decryption");
        }
    }

    @Override
    protected byte[] engineUpdate(byte[] input, int offset, int length) {
        requireData();
        buffered.append(input, offset, length);
        return new byte[0];
    }

    @Override
    protected int engineUpdate(byte[] input, int offset, int length, byte[] output, int outputOffset) {
        requireData();
        buffered.append(input, offset, length);
        return 0;
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int offset, int length) throws IllegalBlockSizeException,
            BadPaddingException {
        requireData();
        buffered.append(input, offset, length);
        byte[] message = buffered.take();
        try {
            if (opmode == Cipher.ENCRYPT_MODE) {
                if (message.length > k - Pkcs1Encoding.OVERHEAD) {
                    throw new IllegalBlockSizeException("Data must not be longer than " + (k - Pkcs1Encoding.OVERHEAD)
                            + " bytes");
                }
                byte[] em = new byte[k];
                System.arraycopy(message, 0, em, k - message.length, message.length);
                return encryptEncoded(em, message.length);
            }
            byte[] em = decryptToEncoded(message);
            try {
                long decoded = Pkcs1Encoding.decode(em, blockType());
                if (!Pkcs1Encoding.valid(decoded)) {
                    throw new BadPaddingException("Padding error in decryption");
                }
                return Arrays.copyOfRange(em, Pkcs1Encoding.start(decoded), k);
            } finally {
                ManagedSessionKey.wipe(em);
            }
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            ManagedSessionKey.wipe(message);
        }
    }

    @Override
    protected int engineDoFinal(byte[] input, int offset, int length, byte[] output, int outputOffset)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        requireData();
        if (output.length - outputOffset < k) { // SunJCE's rule: room for k bytes, checked before any work
            throw new ShortBufferException("Need " + k + " bytes for output");
        }
        byte[] result = engineDoFinal(input, offset, length);
        try {
            System.arraycopy(result, 0, output, outputOffset, result.length);
            return result.length;
        } finally {
            ManagedSessionKey.wipe(result);
        }
    }

    /** PKCS#1-encodes in place (the message is at the end of {@code em}) and applies the primitive; zeroes {@code em}. */
    private byte[] encryptEncoded(byte[] em, int messageLength) throws InvalidKeyException {
        try {
            Pkcs1Encoding.encode(em, messageLength, blockType(), random != null ? random : context.random());
            return raw.apply(em);
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException(NAME + ": RSA encryption failed: " + e.getMessage(), e);
        } finally {
            ManagedSessionKey.wipe(em);
        }
    }

    /**
     * The primitive applied to a ciphertext, as SunJCE does: one longer than the modulus is
     * refused, a shorter one is read as the number it encodes (leading zeros implied).
     */
    private byte[] decryptToEncoded(byte[] ciphertext) throws IllegalBlockSizeException, BadPaddingException {
        if (ciphertext.length > k) {
            throw new IllegalBlockSizeException("Data must not be longer than " + k + " bytes");
        }
        try {
            return raw.apply(leftPadded(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new BadPaddingException("Message is larger than modulus");
        }
    }

    private byte[] leftPadded(byte[] ciphertext) {
        byte[] c = new byte[k];
        System.arraycopy(ciphertext, 0, c, k - ciphertext.length, ciphertext.length);
        return c;
    }

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        if (opmode != Cipher.WRAP_MODE) {
            throw new IllegalStateException(NAME + " is not initialized for wrapping (WRAP_MODE)");
        }
        try (KeyToWrap toWrap = KeyToWrap.of(key, NAME)) {
            int length = toWrap.length();
            if (length > k - Pkcs1Encoding.OVERHEAD) {
                throw new InvalidKeyException(toWrap.describe() + " is too long to wrap with a " + k * 8
                        + "-bit RSA key: at most " + (k - Pkcs1Encoding.OVERHEAD) + " bytes");
            }
            byte[] em = new byte[k];
            toWrap.copyInto(em, k - length);
            byte[] wrapped = encryptEncoded(em, length);
            toWrap.recordExport(NAME);
            return wrapped;
        }
    }

    @Override
    protected Key engineUnwrap(byte[] wrappedKey, String algorithm, int type) throws InvalidKeyException,
            NoSuchAlgorithmException {
        if (opmode != Cipher.UNWRAP_MODE) {
            throw new IllegalStateException(NAME + " is not initialized for unwrapping (UNWRAP_MODE)");
        }
        KeyAlgorithm kind = UnwrappedKeys.kindOf(algorithm, type, NAME);
        int[] lengths = UnwrapLengths.allowed(kind, k - Pkcs1Encoding.OVERHEAD);
        if (lengths.length == 0) {
            throw new InvalidKeyException("a " + k * 8 + "-bit RSA key cannot carry any " + kind.name()
                    + " key with PKCS#1 v1.5 padding");
        }
        if (wrappedKey.length > k) {
            throw new InvalidKeyException("Key is too long for unwrapping: " + wrappedKey.length + " bytes, the"
                    + " modulus has " + k); // public: the length of the ciphertext, not its content
        }
        byte[] c = leftPadded(wrappedKey);
        byte[] em = null;
        byte[] alternative = new byte[k];
        try {
            int length = ImplicitRejection.alternative(exponentHash, c, lengths, alternative);
            try {
                em = raw.apply(c);
            } catch (GeneralSecurityException notBelowModulus) {
                em = new byte[k]; // c >= n is public, but answering with the alternative keeps one behaviour
            }
            long decoded = Pkcs1Encoding.decode(em, 2);
            int start = Pkcs1Encoding.start(decoded);
            int real = Pkcs1Encoding.validMask(decoded) & UnwrapLengths.contains(lengths, k - start);
            length = ConstantTime.select(real, k - start, length);
            for (int i = 0; i < k; i++) { // both messages end at byte k: pick every byte by the mask
                alternative[i] = (byte) ConstantTime.select(real, em[i], alternative[i]);
            }
            return UnwrappedKeys.make(context, kind, alternative, k - length, length, parameters.policy(),
                    parameters.scope());
        } finally {
            ManagedSessionKey.wipe(em);
            ManagedSessionKey.wipe(alternative);
        }
    }

    // CipherSpi's defaults would leave heap copies of decrypted data unzeroed (see ZeroedBufferForms).

    @Override
    protected int engineUpdate(ByteBuffer input, ByteBuffer output) {
        return ZeroedBufferForms.update(input, in -> engineUpdate(in, 0, in.length));
    }

    @Override
    protected int engineDoFinal(ByteBuffer input, ByteBuffer output) throws ShortBufferException,
            IllegalBlockSizeException, BadPaddingException {
        requireData();
        return ZeroedBufferForms.doFinal(NAME, k, input, output, in -> engineDoFinal(in, 0, in.length));
    }
}

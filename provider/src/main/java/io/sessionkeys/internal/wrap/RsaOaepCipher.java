package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.service.ProviderContext;
import io.sessionkeys.internal.service.SessionKeysCipherSpi;
import java.math.BigInteger;
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
import java.security.spec.InvalidParameterSpecException;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * {@code Cipher} for RSA-OAEP key transport: wraps a session key under an RSA public key, and
 * unwraps into a session key with the RSA private key (also ENCRYPT/DECRYPT of short messages,
 * as SunJCE allows). OAEP is done here, constant-time on decoding; the RSA primitive is the
 * JDK's ({@link RawRsa}).
 *
 * <p>Without an {@code OAEPParameterSpec}, {@code OAEPWith<H>AndMGF1Padding} means label hash H
 * with MGF1 over SHA-1, as in SunJCE (docs/key-wrap.md explains the choice).
 */
public final class RsaOaepCipher extends SessionKeysCipherSpi {

    private final ProviderContext context;
    private final String name;
    private final OAEPParameterSpec defaults;

    private int opmode;
    private int k;
    private OAEPParameterSpec spec;
    private OaepCodec codec;
    private RawRsa raw;
    private SecureRandom random;
    private WrapParameters parameters;
    private final MessageBuffer buffered = new MessageBuffer();

    /**
     * @param hashName the label hash the transformation names, or {@code null} for
     *     {@code RSA/ECB/OAEPPadding} (SHA-1 unless an {@code OAEPParameterSpec} says otherwise)
     */
    public RsaOaepCipher(ProviderContext context, String name, String hashName) {
        this.context = context;
        this.name = name;
        this.defaults = hashName == null ? OAEPParameterSpec.DEFAULT
                : new OAEPParameterSpec(hashName, "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
    }

    @Override
    protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
        if (mode != null && !"ECB".equalsIgnoreCase(mode) && !"NONE".equalsIgnoreCase(mode)) {
            throw new NoSuchAlgorithmException(name + " supports only mode ECB, not " + mode);
        }
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
        String expected = name.substring(name.lastIndexOf('/') + 1);
        if (padding != null && !expected.equalsIgnoreCase(padding)
                && !expected.replace("SHA-1", "SHA1").equalsIgnoreCase(padding)) {
            throw new NoSuchPaddingException(name + " supports only " + expected + ", not " + padding);
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
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("OAEP");
            params.init(spec == null ? defaults : spec);
            return params;
        } catch (NoSuchAlgorithmException | InvalidParameterSpecException e) {
            throw new IllegalStateException("the JDK has no OAEP AlgorithmParameters", e);
        }
    }

    @Override
    protected int engineGetKeySize(Key key) throws InvalidKeyException {
        return modulusOf(key).bitLength();
    }

    @Override
    protected void engineInit(int mode, Key key, SecureRandom random) throws InvalidKeyException {
        try {
            engineInit(mode, key, (AlgorithmParameterSpec) null, random);
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("default parameters were refused", e);
        }
    }

    @Override
    protected void engineInit(int mode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        OAEPParameterSpec s = null;
        if (params != null) {
            try {
                s = params.getParameterSpec(OAEPParameterSpec.class);
            } catch (InvalidParameterSpecException e) {
                throw new InvalidAlgorithmParameterException(name + " accepts only OAEP parameters", e);
            }
        }
        engineInit(mode, key, s, random);
    }

    @Override
    protected void engineInit(int mode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        WrapParameters p = WrapParameters.from(params);
        OAEPParameterSpec s = oaepSpec(p.cipherParameters());
        boolean publicSide = mode == Cipher.ENCRYPT_MODE || mode == Cipher.WRAP_MODE;
        if (publicSide ? !(key instanceof RSAPublicKey) : !(key instanceof RSAPrivateKey)) {
            throw new InvalidKeyException(name + " needs an RSA " + (publicSide ? "public" : "private") + " key to "
                    + (publicSide ? "encrypt or wrap" : "decrypt or unwrap") + ", got "
                    + (key == null ? "null" : key.getAlgorithm() + " " + key.getClass().getName()));
        }
        int modulusBytes = (modulusOf(key).bitLength() + 7) / 8;
        OaepCodec c = codec(s);
        if (c.maxMessageLength(modulusBytes) < 0) {
            throw new InvalidKeyException("an RSA key of " + modulusOf(key).bitLength() + " bits is too short for"
                    + " OAEP with " + s.getDigestAlgorithm() + ": it needs at least " + (2 * c.hashLength() + 2)
                    + " bytes of modulus");
        }
        this.raw = RawRsa.init(publicSide, key);
        this.opmode = mode;
        this.k = modulusBytes;
        this.spec = s;
        this.codec = c;
        this.random = random;
        this.parameters = p;
        buffered.clear();
    }

    private OAEPParameterSpec oaepSpec(AlgorithmParameterSpec s) throws InvalidAlgorithmParameterException {
        if (s == null) {
            return defaults;
        }
        if (!(s instanceof OAEPParameterSpec)) {
            throw new InvalidAlgorithmParameterException(name + " accepts only an OAEPParameterSpec, not "
                    + s.getClass().getName());
        }
        OAEPParameterSpec o = (OAEPParameterSpec) s;
        if (!"MGF1".equalsIgnoreCase(o.getMGFAlgorithm()) || !(o.getMGFParameters() instanceof MGF1ParameterSpec)) {
            throw new InvalidAlgorithmParameterException(name + " supports only MGF1 with an MGF1ParameterSpec,"
                    + " not " + o.getMGFAlgorithm());
        }
        if (!(o.getPSource() instanceof PSource.PSpecified)) {
            throw new InvalidAlgorithmParameterException(name + " supports only PSource.PSpecified labels");
        }
        return o;
    }

    private static OaepCodec codec(OAEPParameterSpec s) throws InvalidAlgorithmParameterException {
        try {
            return new OaepCodec(s.getDigestAlgorithm(), ((MGF1ParameterSpec) s.getMGFParameters()).getDigestAlgorithm(),
                    ((PSource.PSpecified) s.getPSource()).getValue());
        } catch (NoSuchAlgorithmException e) {
            throw new InvalidAlgorithmParameterException("OAEP hash not available: " + e.getMessage(), e);
        }
    }

    private BigInteger modulusOf(Key key) throws InvalidKeyException {
        if (!(key instanceof RSAKey) || ((RSAKey) key).getModulus() == null) {
            throw new InvalidKeyException(name + " needs an RSA key with a readable modulus, got "
                    + (key == null ? "null" : key.getClass().getName()));
        }
        return ((RSAKey) key).getModulus();
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

    private void requireData() {
        if (opmode != Cipher.ENCRYPT_MODE && opmode != Cipher.DECRYPT_MODE) {
            throw new IllegalStateException(name + " is not initialized for encryption or decryption");
        }
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int offset, int length) throws IllegalBlockSizeException,
            BadPaddingException {
        requireData();
        buffered.append(input, offset, length);
        byte[] message = buffered.take();
        try {
            if (opmode == Cipher.ENCRYPT_MODE) {
                if (message.length > codec.maxMessageLength(k)) {
                    throw new IllegalBlockSizeException(tooLong(message.length));
                }
                byte[] em = new byte[k];
                System.arraycopy(message, 0, em, k - message.length, message.length);
                return encryptEncoded(em, message.length);
            }
            byte[] em = decryptToEncoded(message);
            if (em == null) {
                throw new BadPaddingException(decryptionError());
            }
            try {
                int start = codec.decode(em);
                if (start < 0) {
                    throw new BadPaddingException(decryptionError());
                }
                return java.util.Arrays.copyOfRange(em, start, k);
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
        // checked before any work, so that the caller can retry with a bigger buffer
        int needed = opmode == Cipher.ENCRYPT_MODE ? k : Math.max(0, codec.maxMessageLength(k));
        if (output.length - outputOffset < needed) {
            throw new ShortBufferException(name + " needs " + needed + " bytes of output space, has "
                    + (output.length - outputOffset));
        }
        byte[] result = engineDoFinal(input, offset, length);
        try {
            System.arraycopy(result, 0, output, outputOffset, result.length);
            return result.length;
        } finally {
            ManagedSessionKey.wipe(result);
        }
    }

    private String tooLong(int length) {
        return length + " bytes do not fit in RSA-OAEP with a " + (k * 8) + "-bit key and " + spec.getDigestAlgorithm()
                + ": at most " + codec.maxMessageLength(k) + " bytes";
    }

    private static String decryptionError() {
        return "RSA-OAEP decryption error";
    }

    /** OAEP-encodes in place (the message is at the end of {@code em}) and applies RSAEP; zeroes {@code em}. */
    private byte[] encryptEncoded(byte[] em, int messageLength) throws InvalidKeyException {
        try {
            codec.encode(em, messageLength, random != null ? random : context.random());
            return raw.apply(em);
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException(name + ": RSA encryption failed: " + e.getMessage(), e);
        } finally {
            ManagedSessionKey.wipe(em);
        }
    }

    /**
     * Applies RSADP to a ciphertext; {@code null} for any ciphertext that has not exactly
     * {@code k} bytes or is not below the modulus, so that every failure looks alike.
     */
    private byte[] decryptToEncoded(byte[] ciphertext) throws IllegalBlockSizeException {
        if (ciphertext.length > k) {
            throw new IllegalBlockSizeException(name + ": the ciphertext is " + ciphertext.length
                    + " bytes, longer than the " + k + "-byte modulus");
        }
        if (ciphertext.length != k) {
            return null;
        }
        try {
            return raw.apply(ciphertext);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        if (opmode != Cipher.WRAP_MODE) {
            throw new IllegalStateException(name + " is not initialized for wrapping (WRAP_MODE)");
        }
        try (KeyToWrap toWrap = KeyToWrap.of(key, name)) {
            int length = toWrap.length();
            if (length > codec.maxMessageLength(k)) {
                throw new InvalidKeyException(toWrap.describe() + " is too long to wrap: " + tooLong(length));
            }
            byte[] em = new byte[k];
            toWrap.copyInto(em, k - length);
            byte[] wrapped = encryptEncoded(em, length);
            toWrap.recordExport(name);
            return wrapped;
        }
    }

    @Override
    protected Key engineUnwrap(byte[] wrappedKey, String algorithm, int type) throws InvalidKeyException,
            NoSuchAlgorithmException {
        if (opmode != Cipher.UNWRAP_MODE) {
            throw new IllegalStateException(name + " is not initialized for unwrapping (UNWRAP_MODE)");
        }
        KeyAlgorithm kind = UnwrappedKeys.kindOf(algorithm, type, name);
        byte[] em;
        try {
            em = decryptToEncoded(wrappedKey);
        } catch (IllegalBlockSizeException e) {
            throw new InvalidKeyException(e.getMessage(), e);
        }
        if (em == null) {
            throw new InvalidKeyException(unwrapError());
        }
        try {
            int start = codec.decode(em);
            if (start < 0) {
                throw new InvalidKeyException(unwrapError());
            }
            return UnwrappedKeys.make(context, kind, em, start, k - start, parameters.policy(), parameters.scope());
        } finally {
            ManagedSessionKey.wipe(em);
        }
    }

    private String unwrapError() {
        return name + " unwrapping failed: the wrapped key is not valid for this RSA private key and these OAEP"
                + " parameters";
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
        int needed = opmode == Cipher.ENCRYPT_MODE ? k : Math.max(0, codec.maxMessageLength(k)); // as the array form
        return ZeroedBufferForms.doFinal(name, needed, input, output, in -> engineDoFinal(in, 0, in.length));
    }
}

package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.engine.RsaOaepEngine;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.key.KeyToWrap;
import io.sessionkeys.internal.service.ProviderContext;
import java.math.BigInteger;
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
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * {@code Cipher} for RSA-OAEP key transport: wraps a session key under an RSA public key, and
 * unwraps into a session key with the RSA private key (also ENCRYPT/DECRYPT of short messages,
 * as SunJCE allows).
 *
 * <p>Decryption runs on the selected {@link RsaOaepEngine} where it takes the key and hashes
 * (OpenSSL: the message is recovered outside the Java heap and an unwrapped key is copied by
 * address into its session key's slot); otherwise, and for encryption, OAEP is done here,
 * constant-time on decoding, over the JDK's RSA primitive ({@link RawRsa}). Both engines give
 * the same exception, with the same message, for every kind of decryption failure.
 *
 * <p>Without an {@code OAEPParameterSpec}, {@code OAEPWith<H>AndMGF1Padding} means label hash H
 * with MGF1 over SHA-1, as in SunJCE (docs/key-wrap.md explains the choice).
 */
public final class RsaOaepCipher extends WholeMessageCipher {

    private final OAEPParameterSpec defaults;
    private final RsaOaepEngine engine;

    private int k;
    private OAEPParameterSpec spec;
    private OaepCodec codec;
    private RawRsa raw;
    private RsaOaepEngine.Decryptor decryptor; // null: the Java engine decrypts
    private byte[] label;
    private SecureRandom random;

    /**
     * @param hashName the label hash the transformation names, or {@code null} for
     *     {@code RSA/ECB/OAEPPadding} (SHA-1 unless an {@code OAEPParameterSpec} says otherwise)
     */
    public RsaOaepCipher(ProviderContext context, String name, String hashName, RsaOaepEngine engine) {
        super(context, name);
        this.defaults = OaepParameters.defaults(hashName);
        this.engine = engine;
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
    int outputSize(int messageLength) {
        return k;
    }

    /** Decryption needs room only for the longest message that fits (as SunJCE). */
    @Override
    int finalRoom(int messageLength) {
        return protects(opmode()) ? k : Math.max(0, codec.maxMessageLength(k));
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
    Class<OAEPParameterSpec> parameterSpecClass() {
        return OAEPParameterSpec.class;
    }

    @Override
    void init(int mode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        OAEPParameterSpec s = OaepParameters.checked(params, defaults, name);
        boolean publicSide = protects(mode);
        if (publicSide ? !(key instanceof RSAPublicKey) : !(key instanceof RSAPrivateKey)) {
            throw new InvalidKeyException(name + " needs an RSA " + (publicSide ? "public" : "private") + " key to "
                    + (publicSide ? "encrypt or wrap" : "decrypt or unwrap") + ", got "
                    + (key == null ? "null" : key.getAlgorithm() + " " + key.getClass().getName()));
        }
        int modulusBytes = (modulusOf(key).bitLength() + 7) / 8;
        OaepCodec c = OaepParameters.codec(s);
        if (c.maxMessageLength(modulusBytes) < 0) {
            throw new InvalidKeyException("an RSA key of " + modulusOf(key).bitLength() + " bits is too short for"
                    + " OAEP with " + s.getDigestAlgorithm() + ": it needs at least " + (2 * c.hashLength() + 2)
                    + " bytes of modulus");
        }
        RsaOaepEngine.Decryptor d = publicSide ? null : engine.decryptor((RSAPrivateKey) key,
                s.getDigestAlgorithm(), ((MGF1ParameterSpec) s.getMGFParameters()).getDigestAlgorithm());
        this.raw = d == null ? RawRsa.init(publicSide, key) : null;
        this.decryptor = d;
        this.label = ((PSource.PSpecified) s.getPSource()).getValue();
        this.k = modulusBytes;
        this.spec = s;
        this.codec = c;
        this.random = random;
    }

    private BigInteger modulusOf(Key key) throws InvalidKeyException {
        if (!(key instanceof RSAKey) || ((RSAKey) key).getModulus() == null) {
            throw new InvalidKeyException(name + " needs an RSA key with a readable modulus, got "
                    + (key == null ? "null" : key.getClass().getName()));
        }
        return ((RSAKey) key).getModulus();
    }

    @Override
    byte[] encrypt(byte[] message) throws IllegalBlockSizeException, InvalidKeyException {
        if (message.length > codec.maxMessageLength(k)) {
            throw new IllegalBlockSizeException(tooLong(message.length));
        }
        byte[] em = new byte[k];
        System.arraycopy(message, 0, em, k - message.length, message.length);
        return encryptEncoded(em, message.length);
    }

    @Override
    byte[] decrypt(byte[] message) throws IllegalBlockSizeException, BadPaddingException {
        if (decryptor != null) {
            try (RsaOaepEngine.Recovered r = decryptNatively(message)) {
                if (r == null) {
                    throw new BadPaddingException(decryptionError());
                }
                byte[] out = new byte[r.length()];
                r.copyTo(out, 0);
                return out;
            }
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
            return Arrays.copyOfRange(em, start, k);
        } finally {
            Zeroing.wipe(em);
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
            Zeroing.wipe(em);
        }
    }

    /**
     * Decrypts on the native engine; {@code null} for any ciphertext that has not exactly
     * {@code k} bytes or does not decrypt, so that every failure looks alike.
     */
    private RsaOaepEngine.Recovered decryptNatively(byte[] ciphertext) throws IllegalBlockSizeException {
        checkNotLonger(ciphertext);
        return ciphertext.length != k ? null : decryptor.decrypt(label, ciphertext);
    }

    private void checkNotLonger(byte[] ciphertext) throws IllegalBlockSizeException {
        if (ciphertext.length > k) {
            throw new IllegalBlockSizeException(name + ": the ciphertext is " + ciphertext.length
                    + " bytes, longer than the " + k + "-byte modulus");
        }
    }

    /**
     * Applies RSADP to a ciphertext; {@code null} for any ciphertext that has not exactly
     * {@code k} bytes or is not below the modulus, so that every failure looks alike.
     */
    private byte[] decryptToEncoded(byte[] ciphertext) throws IllegalBlockSizeException {
        checkNotLonger(ciphertext);
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
    byte[] wrapKey(KeyToWrap toWrap) throws InvalidKeyException {
        int length = toWrap.length();
        if (length > codec.maxMessageLength(k)) {
            throw new InvalidKeyException(toWrap.describe() + " is too long to wrap: " + tooLong(length));
        }
        byte[] em = new byte[k];
        try {
            toWrap.copyInto(em, k - length);
        } catch (InvalidKeyException | RuntimeException e) {
            Zeroing.wipe(em);
            throw e;
        }
        return encryptEncoded(em, length);
    }

    @Override
    Key unwrapKey(byte[] wrappedKey, KeyAlgorithm kind) throws InvalidKeyException {
        if (decryptor != null) {
            return unwrapNatively(wrappedKey, kind);
        }
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
            return newKey(kind, em, start, k - start);
        } finally {
            Zeroing.wipe(em);
        }
    }

    /** The recovered key goes from the engine's memory straight into the new key's slot. */
    private Key unwrapNatively(byte[] wrappedKey, KeyAlgorithm kind) throws InvalidKeyException {
        RsaOaepEngine.Recovered r;
        try {
            r = decryptNatively(wrappedKey);
        } catch (IllegalBlockSizeException e) {
            throw new InvalidKeyException(e.getMessage(), e);
        }
        if (r == null) {
            throw new InvalidKeyException(unwrapError());
        }
        try (r) {
            return newKeyFilled(kind, r.length(), r::copyTo);
        }
    }

    private String unwrapError() {
        return name + " unwrapping failed: the wrapped key is not valid for this RSA private key and these OAEP"
                + " parameters";
    }
}

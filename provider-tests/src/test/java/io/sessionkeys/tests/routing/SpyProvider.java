package io.sessionkeys.tests.routing;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Key;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.Mac;
import javax.crypto.MacSpi;
import javax.crypto.ShortBufferException;

/**
 * A provider that offers every Cipher and Mac SessionKeys offers and SunJCE has, records every key it is handed
 * (at init, for wrapping, for its size) and does the work on SunJCE, as a real provider would.
 * Placed right after SessionKeys, it is the provider SessionKeys passes foreign keys to, so it sees
 * anything SessionKeys hands on.
 */
final class SpyProvider extends Provider {

    private static final long serialVersionUID = 1L;

    /** Every key any of its SPIs was offered, in order. */
    final transient List<Key> offered = new CopyOnWriteArrayList<>();

    SpyProvider() {
        super("Spy", "1", "records every key it is offered");
        for (String name : FixedProviderPassThroughTest.ciphers()) {
            putService(new Service(this, "Cipher", name, SpyCipher.class.getName(), null, null) {
                @Override
                public Object newInstance(Object parameter) {
                    return new SpyCipher(offered, name);
                }
            });
        }
        for (String name : Services.of("Mac")) {
            putService(new Service(this, "Mac", name, SpyMac.class.getName(), null, null) {
                @Override
                public Object newInstance(Object parameter) {
                    return new SpyMac(offered, name);
                }
            });
        }
    }

    /** Records {@code key}: every SPI calls this first with whatever key it is handed. */
    private static void record(List<Key> offered, Key key) {
        offered.add(key);
    }

    /** A Cipher that records every key and then does the work on SunJCE, like a real provider would. */
    static final class SpyCipher extends CipherSpi {
        private final List<Key> offered;
        private final String algorithm;
        private String mode;
        private String padding;
        private Cipher sun;

        SpyCipher(List<Key> offered, String algorithm) {
            this.offered = offered;
            this.algorithm = algorithm;
        }

        private Cipher sun() {
            if (sun == null) {
                String t = mode == null ? algorithm : algorithm + "/" + mode + "/" + padding;
                try {
                    sun = Cipher.getInstance(t, "SunJCE");
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
            return sun;
        }

        @Override
        protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
            record(offered, key);
            sun().init(opmode, key, random);
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            record(offered, key);
            sun().init(opmode, key, params, random);
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            record(offered, key);
            sun().init(opmode, key, params, random);
        }

        @Override
        protected byte[] engineWrap(Key key) throws InvalidKeyException, IllegalBlockSizeException {
            record(offered, key);
            return sun().wrap(key);
        }

        @Override
        protected Key engineUnwrap(byte[] wrapped, String keyAlgorithm, int type)
                throws InvalidKeyException, NoSuchAlgorithmException {
            return sun().unwrap(wrapped, keyAlgorithm, type);
        }

        @Override
        protected int engineGetKeySize(Key key) throws InvalidKeyException {
            record(offered, key);
            throw new InvalidKeyException("the spy does not measure keys");
        }

        @Override
        protected void engineSetMode(String m) {
            this.mode = m;
        }

        @Override
        protected void engineSetPadding(String p) {
            this.padding = p;
        }

        @Override
        protected int engineGetBlockSize() {
            return sun().getBlockSize();
        }

        @Override
        protected int engineGetOutputSize(int inputLen) {
            return sun().getOutputSize(inputLen);
        }

        @Override
        protected byte[] engineGetIV() {
            return sun().getIV();
        }

        @Override
        protected AlgorithmParameters engineGetParameters() {
            return sun().getParameters();
        }

        @Override
        protected byte[] engineUpdate(byte[] input, int inputOffset, int inputLen) {
            return sun().update(input, inputOffset, inputLen);
        }

        @Override
        protected int engineUpdate(byte[] input, int inputOffset, int inputLen, byte[] output, int outputOffset)
                throws ShortBufferException {
            return sun().update(input, inputOffset, inputLen, output, outputOffset);
        }

        @Override
        protected byte[] engineDoFinal(byte[] input, int inputOffset, int inputLen)
                throws IllegalBlockSizeException, BadPaddingException {
            return input == null ? sun().doFinal() : sun().doFinal(input, inputOffset, inputLen);
        }

        @Override
        protected int engineDoFinal(byte[] input, int inputOffset, int inputLen, byte[] output, int outputOffset)
                throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
            return sun().doFinal(input, inputOffset, inputLen, output, outputOffset);
        }
    }

    /** A Mac that records every key and then does the work on SunJCE. */
    static final class SpyMac extends MacSpi {
        private final List<Key> offered;
        private final Mac sun;

        SpyMac(List<Key> offered, String algorithm) {
            this.offered = offered;
            try {
                this.sun = Mac.getInstance(algorithm, "SunJCE");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected int engineGetMacLength() {
            return sun.getMacLength();
        }

        @Override
        protected void engineInit(Key key, AlgorithmParameterSpec params)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            record(offered, key);
            sun.init(key, params);
        }

        @Override
        protected void engineUpdate(byte input) {
            sun.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            sun.update(input, offset, len);
        }

        @Override
        protected byte[] engineDoFinal() {
            return sun.doFinal();
        }

        @Override
        protected void engineReset() {
            sun.reset();
        }
    }
}

package io.sessionkeys.internal.service;

import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeyUnwrapSpec;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;

/**
 * What JCA holds for every SessionKeys {@code Cipher}: SessionKeys serves the keys it owns and
 * passes every other key, whole operation and all, to the provider that would have served it
 * without SessionKeys.
 *
 * <p>JCA fixes a {@code Cipher}'s provider before the key is known when the caller asks it anything
 * first ({@code getProvider()}, {@code getBlockSize()}, ...), so a foreign key can reach SessionKeys
 * even though its services declare that they take session keys only. At each {@code init}:
 * <ul>
 * <li>a {@link SessionKey}, or a SessionKeys parameter spec: SessionKeys' own SPI ({@link #own});
 * <li>any other key: the next provider's {@code Cipher} for the same transformation, initialized
 *     with the same arguments; every later call goes to it, so results, parameters, exceptions and
 *     speed are that provider's. Like JCA, the provider chosen at the first such {@code init} stays.
 * </ul>
 * A session key is never handed to another provider: wrapping one under a foreign key-encryption
 * key is done by SessionKeys (with the same arguments, so it writes what the other provider would),
 * and only if SessionKeys' SPI accepts that key-encryption key.
 *
 * <p>Before any {@code init}, questions go to the first other provider's uninitialized
 * {@code Cipher}, so that {@code getBlockSize}, {@code getIV} and {@code getParameters} answer as it
 * would without a key.
 */
final class RoutingCipherSpi extends CipherSpi {

    private enum Route { NONE, OWN, FOREIGN }

    private final SessionKeysCipherSpi own;
    private final Provider self;
    private final String algorithm;
    private final Readiness readiness;
    private String mode;
    private String padding;

    private Route route = Route.NONE;
    /** The other provider's Cipher, chosen at the first foreign init and kept, as JCA keeps a provider. */
    private Cipher foreign;
    /** The other provider's uninitialized Cipher that answers questions asked before any init. */
    private Cipher unkeyed;
    /** In WRAP_MODE under a foreign key: starts {@link #own} to wrap a session key, or null. */
    private OwnStart ownWrapStart;

    RoutingCipherSpi(SessionKeysCipherSpi own, Provider self, String algorithm, Readiness readiness) {
        this.own = own;
        this.self = self;
        this.algorithm = algorithm;
        this.readiness = readiness;
    }

    @FunctionalInterface
    private interface OwnStart {
        void start() throws InvalidKeyException, InvalidAlgorithmParameterException;
    }

    /** The transformation the caller asked for: the service's name with the mode and padding JCA set. */
    String transformation() {
        String[] parts = algorithm.split("/", -1);
        String m = mode != null ? mode : parts.length > 1 ? parts[1] : "";
        String p = padding != null ? padding : parts.length > 2 ? parts[2] : "";
        return m.isEmpty() && p.isEmpty() ? parts[0] : parts[0] + "/" + m + "/" + p;
    }

    @Override
    protected void engineSetMode(String m) throws NoSuchAlgorithmException {
        own.engineSetMode(m);
        this.mode = m;
    }

    @Override
    protected void engineSetPadding(String p) throws NoSuchPaddingException {
        own.engineSetPadding(p);
        this.padding = p;
    }

    // ---- init: choose who serves ----

    @Override
    protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
        if (key instanceof SessionKey) {
            startingOwn();
            readiness.ensure();
            own.engineInit(opmode, key, random);
            route = Route.OWN;
            return;
        }
        try {
            route(opmode, key, null, false, () -> own.engineInit(opmode, key, random),
                    c -> c.init(opmode, key, random));
        } catch (InvalidAlgorithmParameterException e) {
            throw new InvalidKeyException(e.getMessage(), e); // only our own SPI's wrapping can get here
        }
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (key instanceof SessionKey) {
            startingOwn();
            readiness.ensure();
            own.engineInit(opmode, key, params, random);
            route = Route.OWN;
            return;
        }
        route(opmode, key, params, params != null, () -> own.engineInit(opmode, key, params, random),
                c -> c.init(opmode, key, params, random));
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (key instanceof SessionKey) {
            startingOwn();
            readiness.ensure();
            own.engineInit(opmode, key, params, random);
            route = Route.OWN;
            return;
        }
        route(opmode, key, null, params != null, () -> own.engineInit(opmode, key, params, random),
                c -> c.init(opmode, key, params, random));
    }

    /**
     * A session key always goes to our own SPI: the three {@code engineInit}s take that case before
     * {@link #route}, whose lambdas would cost two allocations on every init of every message.
     */
    private void startingOwn() {
        route = Route.NONE;
        ownWrapStart = null;
    }

    private void route(int opmode, Key key, AlgorithmParameterSpec spec, boolean givenParameters, OwnStart ownStart,
            OtherProviders.Start<Cipher> foreignStart) throws InvalidKeyException, InvalidAlgorithmParameterException {
        startingOwn();
        if (key instanceof SessionKey || spec instanceof SessionKeyUnwrapSpec) {
            readiness.ensure();
            ownStart.start();
            route = Route.OWN;
            return;
        }
        Cipher chosen = foreign;
        if (chosen != null) {
            foreignStart.start(chosen);
        } else {
            chosen = OtherProviders.cipherAccepting(self, transformation(), key, foreignStart);
            if (chosen == null) {
                // No other provider offers this transformation: SessionKeys' own rules apply.
                readiness.ensure();
                ownStart.start();
                route = Route.OWN;
                return;
            }
            foreign = chosen;
        }
        route = Route.FOREIGN;
        if (opmode == Cipher.WRAP_MODE) {
            // Without parameters, SessionKeys takes the other provider's (its IV, if any), so that
            // the blob does not depend on which of the two wraps it.
            ownWrapStart = givenParameters ? ownStart
                    : () -> own.engineInit(opmode, key, foreign.getParameters(), null);
        }
    }

    // ---- queries ----

    /**
     * The Cipher that answers before any init: the first other provider's, uninitialized (the one
     * JCA would have fixed for such a question without SessionKeys); null if no other provider
     * offers the transformation. It never gets a key: the first foreign init looks for the first
     * provider that accepts the key, as the principle asks, rather than failing where that one would.
     */
    private Cipher unkeyed() {
        if (unkeyed == null) {
            unkeyed = OtherProviders.anyCipher(self, transformation());
        }
        return unkeyed;
    }

    /** Who answers a question: the foreign Cipher, our own SPI (null), or before any init the unkeyed one. */
    private Cipher asked() {
        if (route == Route.FOREIGN) {
            return foreign;
        }
        return route == Route.NONE ? unkeyed() : null;
    }

    @Override
    protected int engineGetBlockSize() {
        Cipher c = asked();
        return c != null ? c.getBlockSize() : own.engineGetBlockSize();
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        return route == Route.FOREIGN ? foreign.getOutputSize(inputLen) : own.engineGetOutputSize(inputLen);
    }

    @Override
    protected byte[] engineGetIV() {
        Cipher c = asked();
        return c != null ? c.getIV() : own.engineGetIV();
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        Cipher c = asked();
        return c != null ? c.getParameters() : own.engineGetParameters();
    }

    @Override
    protected int engineGetKeySize(Key key) throws InvalidKeyException {
        if (key instanceof SessionKey) {
            return own.engineGetKeySize(key);
        }
        // JCA asks only for its crypto-permission check; the length of the encoding is the answer
        byte[] encoded = key == null ? null : key.getEncoded();
        if (encoded == null) {
            return own.engineGetKeySize(key);
        }
        java.util.Arrays.fill(encoded, (byte) 0);
        return encoded.length * 8;
    }

    // ---- data ----

    @Override
    protected byte[] engineUpdate(byte[] in, int off, int len) {
        return route == Route.FOREIGN ? foreign.update(in, off, len) : own.engineUpdate(in, off, len);
    }

    @Override
    protected int engineUpdate(byte[] in, int off, int len, byte[] out, int outOff) throws ShortBufferException {
        return route == Route.FOREIGN ? foreign.update(in, off, len, out, outOff)
                : own.engineUpdate(in, off, len, out, outOff);
    }

    @Override
    protected int engineUpdate(ByteBuffer in, ByteBuffer out) throws ShortBufferException {
        return route == Route.FOREIGN ? foreign.update(in, out) : own.engineUpdate(in, out);
    }

    @Override
    protected byte[] engineDoFinal(byte[] in, int off, int len) throws IllegalBlockSizeException,
            BadPaddingException {
        if (route != Route.FOREIGN) {
            return own.engineDoFinal(in, off, len);
        }
        // Cipher.doFinal() reaches the SPI as (null, 0, 0); the public API wants no input instead
        return in == null ? foreign.doFinal() : foreign.doFinal(in, off, len);
    }

    @Override
    protected int engineDoFinal(byte[] in, int off, int len, byte[] out, int outOff)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        if (route != Route.FOREIGN) {
            return own.engineDoFinal(in, off, len, out, outOff);
        }
        return in == null ? foreign.doFinal(out, outOff) : foreign.doFinal(in, off, len, out, outOff);
    }

    @Override
    protected int engineDoFinal(ByteBuffer in, ByteBuffer out)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        return route == Route.FOREIGN ? foreign.doFinal(in, out) : own.engineDoFinal(in, out);
    }

    @Override
    protected void engineUpdateAAD(byte[] src, int offset, int len) {
        if (route == Route.FOREIGN) {
            foreign.updateAAD(src, offset, len);
        } else {
            own.engineUpdateAAD(src, offset, len);
        }
    }

    @Override
    protected void engineUpdateAAD(ByteBuffer src) {
        if (route == Route.FOREIGN) {
            foreign.updateAAD(src);
        } else {
            own.engineUpdateAAD(src);
        }
    }

    // ---- keys ----

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        if (route != Route.FOREIGN) {
            return own.engineWrap(key);
        }
        if (!(key instanceof SessionKey)) {
            return foreign.wrap(key);
        }
        // A session key leaves only through SessionKeys, even under another provider's key.
        readiness.ensure();
        try {
            ownWrapStart.start();
        } catch (InvalidAlgorithmParameterException e) {
            throw new InvalidKeyException(transformation() + " in SessionKeys cannot wrap a session key under"
                    + " these parameters: " + e.getMessage(), e);
        } catch (InvalidKeyException | UnsupportedOperationException e) {
            throw new InvalidKeyException("a session key leaves SessionKeys only through a SessionKeys wrapping"
                    + " cipher, and " + transformation() + " in SessionKeys cannot wrap under this key-encryption"
                    + " key (" + e.getMessage() + ")", e);
        }
        return own.engineWrap(key);
    }

    @Override
    protected Key engineUnwrap(byte[] wrapped, String keyAlgorithm, int keyType) throws InvalidKeyException,
            NoSuchAlgorithmException {
        return route == Route.FOREIGN ? foreign.unwrap(wrapped, keyAlgorithm, keyType)
                : own.engineUnwrap(wrapped, keyAlgorithm, keyType);
    }

    @Override
    public String toString() {
        return route == Route.FOREIGN ? "SessionKeys " + transformation() + " passing a foreign key to "
                + foreign.getProvider().getName() : own.toString();
    }
}

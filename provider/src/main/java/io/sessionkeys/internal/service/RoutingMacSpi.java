package io.sessionkeys.internal.service;

import io.sessionkeys.SessionKey;
import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.MacSpi;

/**
 * What JCA holds for every SessionKeys {@code Mac}: a session key is served by SessionKeys' own
 * SPI, any other key by the next provider's {@code Mac} for the same algorithm (see
 * {@link RoutingCipherSpi}; the JDK's TLS asks {@code getMacLength()} before {@code init}, which
 * fixes the provider before the key is seen).
 *
 * <p>Cloneable as the other provider's {@code Mac} is, while it serves; SessionKeys' own HMAC
 * refuses to be cloned (a clone would copy keyed state out of the key).
 */
final class RoutingMacSpi extends MacSpi implements Cloneable {

    private final Supplier<SessionKeysMacSpi> ownFactory;
    private final Provider self;
    private final String algorithm;
    private final Readiness readiness;
    private SessionKeysMacSpi own;
    /** The other provider's Mac, chosen at the first foreign init and kept, as JCA keeps a provider. */
    private Mac foreign;
    private boolean foreignServes;
    /** SessionKeys' own SPI holds a session key. */
    private boolean ownKeyed;

    /**
     * @param own SessionKeys' SPI for this object, or null to make one with {@code ownFactory} when needed
     * @param ownFactory makes a fresh SessionKeys SPI (for a clone)
     * @param readiness the provider's checks, run before SessionKeys' SPI takes a key
     */
    RoutingMacSpi(SessionKeysMacSpi own, Supplier<SessionKeysMacSpi> ownFactory, Provider self, String algorithm,
            Readiness readiness) {
        this.own = own;
        this.ownFactory = ownFactory;
        this.self = self;
        this.algorithm = algorithm;
        this.readiness = readiness;
    }

    private SessionKeysMacSpi own() {
        if (own == null) {
            own = ownFactory.get();
        }
        return own;
    }

    @Override
    protected int engineGetMacLength() {
        return foreignServes ? foreign.getMacLength() : own().engineGetMacLength();
    }

    @Override
    protected void engineInit(Key key, AlgorithmParameterSpec params)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        foreignServes = false;
        if (key instanceof SessionKey) {
            ownKeyed = false;
            readiness.ensure();
            own().engineInit(key, params);
            ownKeyed = true;
            return;
        }
        OtherProviders.Start<Mac> start = m -> {
            if (params == null) {
                m.init(key);
            } else {
                m.init(key, params);
            }
        };
        if (foreign != null) {
            start.start(foreign);
        } else {
            Mac chosen = OtherProviders.macAccepting(self, algorithm, key, start);
            if (chosen == null) {
                readiness.ensure();
                own().engineInit(key, params); // no other provider offers it: SessionKeys' rules apply
                ownKeyed = true;
                return;
            }
            foreign = chosen;
        }
        foreignServes = true;
    }

    @Override
    protected void engineUpdate(byte input) {
        if (foreignServes) {
            foreign.update(input);
        } else {
            own().engineUpdate(input);
        }
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        if (foreignServes) {
            foreign.update(input, offset, len);
        } else {
            own().engineUpdate(input, offset, len);
        }
    }

    @Override
    protected void engineUpdate(ByteBuffer input) {
        if (foreignServes) {
            foreign.update(input);
        } else {
            own().engineUpdate(input);
        }
    }

    @Override
    protected byte[] engineDoFinal() {
        return foreignServes ? foreign.doFinal() : own().engineDoFinal();
    }

    @Override
    protected void engineReset() {
        if (foreignServes) {
            foreign.reset();
        } else {
            own().engineReset();
        }
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        RoutingMacSpi copy = new RoutingMacSpi(null, ownFactory, self, algorithm, readiness);
        if (foreignServes) {
            copy.foreign = (Mac) foreign.clone();
            copy.foreignServes = true;
            return copy;
        }
        if (ownKeyed) {
            throw new CloneNotSupportedException("a SessionKeys " + algorithm + " keyed with a session key cannot"
                    + " be cloned: the clone would copy keyed state out of the key");
        }
        return copy; // nothing keyed yet: a fresh object is an exact copy
    }

    @Override
    public String toString() {
        return foreignServes ? "SessionKeys " + algorithm + " passing a foreign key to "
                + foreign.getProvider().getName() : String.valueOf(own);
    }
}

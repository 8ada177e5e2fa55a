package io.sessionkeys.internal.mac;

import io.sessionkeys.internal.engine.HmacComputation;
import io.sessionkeys.internal.engine.HmacEngine;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SessionKeyChecks;
import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.spec.AlgorithmParameterSpec;
import io.sessionkeys.internal.service.SessionKeysMacSpi;

/**
 * {@code Mac} HmacSHA256, HmacSHA384 and HmacSHA512 with session keys only.
 *
 * <p>The keyed state (the chaining values after K0 XOR ipad and K0 XOR opad) lives with the key,
 * as the engine's precomputation: off-heap beside it on the Java engine, in OpenSSL contexts
 * keyed from its slot on the native one ({@link HmacEngine}). This object holds only the current
 * message's computation, which is wiped (or its native context given back) by {@code reset()},
 * after every {@code doFinal()}, and when the key is destroyed. Every
 * {@code update} and {@code doFinal} passes the key's gate, so a destroyed or expired key is
 * refused on the next step with an {@link IllegalStateException} that names the reason.
 *
 * <p>Key use: {@link KeyUse#PROCESS}. {@code javax.crypto.Mac} has no separate verify operation:
 * the same computation makes a tag and checks one. A key that is {@code DECRYPT_ONLY} (its
 * protection period is over, NIST SP 800-57's recipient-usage period) must still verify the tags
 * it made while active, so HMAC accepts it; the provider cannot tell a verification from a new
 * signature. MAC computation does not count against a key's encryption limits. Compare tags with
 * {@link java.security.MessageDigest#isEqual}, which is constant-time.
 *
 * <p>Not {@link Cloneable}: a clone would be a second copy of keyed state outside the key.
 */
public final class SessionKeyHmac extends SessionKeysMacSpi {

    private final ShaAlgorithm hash;
    private final HmacEngine engine;
    private ManagedSessionKey key;
    private HmacComputation state;

    public SessionKeyHmac(HmacEngine engine) {
        this.hash = engine.hash();
        this.engine = engine;
    }

    @Override
    protected int engineGetMacLength() {
        return hash.digestLength();
    }

    @Override
    protected void engineInit(Key newKey, AlgorithmParameterSpec params)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null) {
            throw new InvalidAlgorithmParameterException("HMAC does not use parameters, got "
                    + params.getClass().getName());
        }
        ManagedSessionKey sessionKey = SessionKeyChecks.require(newKey, hash.hmacName(), "Mac " + hash.hmacName());
        sessionKey.checkUsable(KeyUse.PROCESS);
        release();
        HmacComputation fresh = engine.newComputation();
        sessionKey.attachment(LiveHmacStates.SLOT).add(fresh);
        try {
            // The first init with a key computes its keyed state; later ones only load it.
            sessionKey.withMaterial(KeyUse.PROCESS, engine.precomputation(), keyed -> {
                fresh.start(keyed);
                return null;
            });
        } catch (IllegalStateException destroyedMeanwhile) {
            fresh.wipe();
            throw new InvalidKeyException(destroyedMeanwhile.getMessage());
        }
        this.key = sessionKey;
        this.state = fresh;
    }

    @Override
    protected void engineUpdate(byte input) {
        throughGate(keyed -> state.update(keyed, input));
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int length) {
        if (length == 0) {
            return;
        }
        throughGate(keyed -> state.update(keyed, input, offset, length));
    }

    @Override
    protected void engineUpdate(ByteBuffer input) {
        int length = input.remaining();
        if (length == 0) {
            return;
        }
        int position = input.position();
        throughGate(keyed -> state.update(keyed, input, position, length));
        input.position(position + length);
    }

    @Override
    protected byte[] engineDoFinal() {
        byte[] tag = new byte[hash.digestLength()];
        throughGate(keyed -> state.finish(keyed, tag, 0));
        return tag;
    }

    @Override
    protected void engineReset() {
        if (state != null) {
            state.wipe();
        }
    }

    /** One step, inside the key's gate; wipes the message state if the key was destroyed. */
    private void throughGate(Step step) {
        try {
            key.withMaterial(KeyUse.PROCESS, engine.precomputation(), keyed -> {
                if (!state.started()) {
                    state.start(keyed); // after reset() or doFinal(): a new message
                }
                step.run(keyed);
                return null;
            });
        } catch (IllegalStateException refused) {
            state.wipe();
            throw refused;
        }
    }

    /** Forgets the previous key: its state is wiped and no longer listed with it. */
    private void release() {
        if (state != null) {
            state.wipe();
            key.attachment(LiveHmacStates.SLOT).remove(state);
            state = null;
            key = null;
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(ByteBuffer keyed);
    }
}

package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.key.SecretReader;
import java.nio.ByteBuffer;

/**
 * A whole AEAD message between direct buffers as one engine call by address
 * ({@link AeadEngine#sealDirect}, {@link AeadEngine#openDirect}), run through the key's gate:
 * {@link OneCallMessage}'s counterpart for direct buffers, made the same way: the instance its
 * {@link AeadMessage} keeps only makes the calls, and each message runs on a fresh instance that
 * holds that call's arguments and is the gate's reader (see {@link OneCallMessage} for why fresh).
 */
final class OneCallDirect implements SecretReader<Boolean, RuntimeException> {

    private final AeadEngine engine;
    private final SafetyLimits limits;

    private boolean sealing;
    private ManagedSessionKey key;
    private byte[] nonce;
    private byte[] aad;
    private int aadLength;
    private ByteBuffer in;
    private int inIndex;
    private int length;
    private ByteBuffer out;
    private int outIndex;
    private int tagLength;

    OneCallDirect(AeadEngine engine, SafetyLimits limits) {
        this.engine = engine;
        this.limits = limits;
    }

    /**
     * Charges {@code length} bytes to the key and encrypts them from {@code in} at
     * {@code inIndex}, writing the ciphertext and then {@code tagLength} bytes of tag to
     * {@code out} at {@code outIndex}. Positions do not move.
     */
    void seal(ManagedSessionKey key, byte[] nonce, byte[] aad, int aadLength, ByteBuffer in, int inIndex, int length,
            ByteBuffer out, int outIndex, int tagLength) {
        OneCallDirect call = new OneCallDirect(engine, limits);
        call.hold(true, key, nonce, aad, aadLength, in, inIndex, length, out, outIndex, tagLength);
        key.withMaterial(KeyUse.PROTECT, engine.precomputation(), call);
    }

    /**
     * Verifies the tag that follows {@code length} bytes of ciphertext in {@code in} at
     * {@code inIndex} and only then writes the plaintext to {@code out} at {@code outIndex};
     * returns whether the tag matched. Positions do not move.
     */
    boolean open(ManagedSessionKey key, byte[] nonce, byte[] aad, int aadLength, ByteBuffer in, int inIndex, int length,
            ByteBuffer out, int outIndex, int tagLength) {
        OneCallDirect call = new OneCallDirect(engine, limits);
        call.hold(false, key, nonce, aad, aadLength, in, inIndex, length, out, outIndex, tagLength);
        return key.withMaterial(KeyUse.PROCESS, engine.precomputation(), call);
    }

    /** Inside the gate. */
    @Override
    public Boolean read(ByteBuffer keyData) {
        if (sealing) {
            // Charged inside the gate: bytes refused because the key went away are not counted.
            key.chargeBytes(length, limits);
            engine.sealDirect(keyData, nonce, aad, 0, aadLength, in, inIndex, length, out, outIndex, tagLength);
            return Boolean.TRUE;
        }
        return engine.openDirect(keyData, nonce, aad, 0, aadLength, in, inIndex, length, tagLength, out, outIndex);
    }

    private void hold(boolean sealing, ManagedSessionKey key, byte[] nonce, byte[] aad, int aadLength, ByteBuffer in,
            int inIndex, int length, ByteBuffer out, int outIndex, int tagLength) {
        this.sealing = sealing;
        this.key = key;
        this.nonce = nonce;
        this.aad = aad;
        this.aadLength = aadLength;
        this.in = in;
        this.inIndex = inIndex;
        this.length = length;
        this.out = out;
        this.outIndex = outIndex;
        this.tagLength = tagLength;
    }
}

package io.sessionkeys.internal.aead;

import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.SafetyLimits;
import io.sessionkeys.internal.key.SecretReader;
import java.nio.ByteBuffer;

/**
 * A whole AEAD message as one engine call ({@link AeadEngine#seal}, {@link AeadEngine#open}),
 * run through the key's gate. The instance its {@link AeadMessage} keeps only makes the calls:
 * each message runs on a fresh instance holding that call's arguments, which is the gate's
 * reader and garbage afterwards, so it keeps no key or caller array reachable. Fresh on
 * purpose: a cipher kept for many messages soon lives in the old generation, and G1 fences
 * every store of a reference into an old object (its card-marking barrier), so holding five
 * arguments in the kept instance cost more than this small allocation (measured: 25 to 45 ns
 * per message once the cipher was old; about 5 ns more while it is young).
 */
final class OneCallMessage implements SecretReader<Boolean, RuntimeException> {

    private final AeadEngine engine;
    private final SafetyLimits limits;

    private boolean sealing;
    private ManagedSessionKey key;
    private byte[] nonce;
    private byte[] aad;
    private int aadLength;
    private byte[] in;
    private int inOffset;
    private int length;
    private byte[] out;
    private int outOffset;
    private int tagLength;

    OneCallMessage(AeadEngine engine, SafetyLimits limits) {
        this.engine = engine;
        this.limits = limits;
    }

    /**
     * Charges {@code length} bytes to the key and encrypts all of {@code in}, writing the
     * ciphertext and then {@code tagLength} bytes of tag to {@code out}.
     */
    void seal(ManagedSessionKey key, byte[] nonce, byte[] aad, int aadLength, byte[] in, int inOffset, int length,
            byte[] out, int outOffset, int tagLength) {
        OneCallMessage call = new OneCallMessage(engine, limits);
        call.hold(true, key, nonce, aad, aadLength, in, inOffset, length, out, outOffset, tagLength);
        key.withMaterial(KeyUse.PROTECT, engine.precomputation(), call);
    }

    /**
     * Verifies the tag that follows {@code length} bytes of ciphertext in {@code in} (from 0) and
     * only then writes the plaintext to {@code out}; returns whether the tag matched.
     */
    boolean open(ManagedSessionKey key, byte[] nonce, byte[] aad, int aadLength, byte[] in, int length, byte[] out,
            int outOffset, int tagLength) {
        OneCallMessage call = new OneCallMessage(engine, limits);
        call.hold(false, key, nonce, aad, aadLength, in, 0, length, out, outOffset, tagLength);
        return key.withMaterial(KeyUse.PROCESS, engine.precomputation(), call);
    }

    /** Inside the gate. */
    @Override
    public Boolean read(ByteBuffer keyData) {
        if (sealing) {
            // Charged inside the gate: bytes refused because the key went away are not counted.
            key.chargeBytes(length, limits);
            engine.seal(keyData, nonce, aad, 0, aadLength, in, inOffset, length, out, outOffset, tagLength);
            return Boolean.TRUE;
        }
        return engine.open(keyData, nonce, aad, 0, aadLength, in, 0, length, in, length, tagLength, out, outOffset);
    }

    private void hold(boolean sealing, ManagedSessionKey key, byte[] nonce, byte[] aad, int aadLength, byte[] in,
            int inOffset, int length, byte[] out, int outOffset, int tagLength) {
        this.sealing = sealing;
        this.key = key;
        this.nonce = nonce;
        this.aad = aad;
        this.aadLength = aadLength;
        this.in = in;
        this.inOffset = inOffset;
        this.length = length;
        this.out = out;
        this.outOffset = outOffset;
        this.tagLength = tagLength;
    }
}

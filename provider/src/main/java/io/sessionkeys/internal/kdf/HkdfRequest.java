package io.sessionkeys.internal.kdf;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.service.ProviderContext;
import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.util.List;

/**
 * One HKDF derivation, checked when it is made (so that {@code KeyGenerator.init} and
 * {@code KDF.deriveKey} report bad input with {@link InvalidAlgorithmParameterException}) and
 * run by {@link #deriveKey} or {@link #deriveBytes}. Shared by the {@code KeyGenerator} route
 * and the JDK 25 {@code KDF} route.
 */
final class HkdfRequest {

    private final ProviderContext context;
    private final ShaAlgorithm hash;
    private final Hkdf.Mode mode;
    private final List<KeyingPart> salt;
    private final List<KeyingPart> input;
    private final byte[] info;
    private final int length;

    HkdfRequest(ProviderContext context, ShaAlgorithm hash, Hkdf.Mode mode, List<KeyingPart> salt,
            List<KeyingPart> input, byte[] info, int length) throws InvalidAlgorithmParameterException {
        this.context = context;
        this.hash = hash;
        this.mode = mode;
        this.salt = List.copyOf(salt);
        this.input = List.copyOf(input);
        this.info = info == null ? new byte[0] : info;
        this.length = length;
        if (length <= 0) {
            throw new InvalidAlgorithmParameterException("the HKDF output length must be positive, was " + length);
        }
        if (mode == Hkdf.Mode.EXTRACT_ONLY && length != hash.digestLength()) {
            throw new InvalidAlgorithmParameterException("HKDF extract makes a PRK of exactly "
                    + hash.digestLength() + " bytes (" + hash.digestLength() * 8 + " bits), not " + length);
        }
        if (length > Hkdf.maxLength(hash)) {
            throw new InvalidAlgorithmParameterException("HKDF-" + hash.digestName() + " can make at most "
                    + Hkdf.maxLength(hash) + " bytes (255 hash blocks), not " + length);
        }
        for (KeyingPart part : this.salt) {
            part.checkUsable();
        }
        for (KeyingPart part : this.input) {
            part.checkUsable();
        }
    }

    /** The output length in bytes. */
    int length() {
        return length;
    }

    /** The key algorithm for {@code name}, or a refusal that lists the ones SessionKeys makes. */
    static KeyAlgorithm keyAlgorithm(String name, int sizeBits) throws InvalidAlgorithmParameterException {
        KeyAlgorithm algorithm = KeyAlgorithm.forName(name).orElseThrow(() -> new InvalidAlgorithmParameterException(
                "HKDF in SessionKeys derives session keys of " + KeyAlgorithm.knownNames() + ", not " + name));
        if (!algorithm.allowsBits(sizeBits)) {
            throw new InvalidAlgorithmParameterException(algorithm + " key size must be " + algorithm.describeSizes()
                    + ", was " + sizeBits);
        }
        return algorithm;
    }

    /**
     * Refuses a policy that would let the derived key leave in a way an input session key may
     * not: otherwise HKDF would be a way around the input's export rules.
     */
    void checkExportRights(KeyPolicy derived) throws InvalidAlgorithmParameterException {
        for (KeyingPart part : input) {
            KeyPolicy source = part.policy();
            if (source == null) {
                continue;
            }
            if (derived.plaintextExportable() && !source.plaintextExportable()) {
                throw new InvalidAlgorithmParameterException("the derived key's policy allows plaintext export, but"
                        + " the input session key's forbids it; give the derived key a policy without"
                        + " plaintextExportable");
            }
            if (derived.wrappable() && !source.wrappable()) {
                throw new InvalidAlgorithmParameterException("the derived key's policy allows wrapping, but the"
                        + " input session key's forbids it; give the derived key a policy that is not wrappable");
            }
        }
    }

    /**
     * Derives a session key of {@code algorithm} on {@code engine}, which writes the output
     * straight into the new key's off-heap slot: the derived key is never on the heap.
     */
    ManagedSessionKey deriveKey(HkdfEngine engine, KeyAlgorithm algorithm, KeyPolicy policy, KeyScope scope) {
        return ManagedSessionKey.createFilled(algorithm.name(), length * 8, length,
                slot -> Hkdf.derive(engine, hash, mode, salt, input, info, slot),
                context.policyOrDefault(policy), scope, context.clock());
    }

    /**
     * Derives bytes for the caller: plaintext that leaves the provider, so refused when an input
     * session key may not be revealed in plaintext, and recorded as its plaintext export otherwise
     * (the bytes are as good as the key for whatever they were derived for).
     */
    byte[] deriveBytes(HkdfEngine engine) throws InvalidAlgorithmParameterException {
        for (KeyingPart part : input) {
            KeyPolicy source = part.policy();
            if (source != null && !source.plaintextExportable()) {
                throw new InvalidAlgorithmParameterException("HKDF output derived from a session key whose policy"
                        + " forbids plaintext export can only be a session key: use deriveKey, not deriveData");
            }
        }
        for (KeyingPart part : input) {
            part.recordDerivedData();
        }
        byte[] out = new byte[length];
        Hkdf.derive(engine, hash, mode, salt, input, info, ByteBuffer.wrap(out));
        return out;
    }
}

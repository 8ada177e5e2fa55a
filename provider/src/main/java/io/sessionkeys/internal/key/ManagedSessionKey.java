package io.sessionkeys.internal.key;

import io.sessionkeys.DestroyReason;
import io.sessionkeys.KeyExport;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.KeyState;
import io.sessionkeys.SessionKey;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The one implementation of {@link SessionKey}: a handle whose identity is the key's identity.
 *
 * <p>{@link #withMaterial} is the only way to read key material, so every read is easy to find.
 * It keeps this handle reachable for the whole read ({@link Reference#reachabilityFence}): the
 * cleaner, which zeroizes keys that become unreachable, can never run while the key is in use
 * (the failure behind CVE-2022-45146, where a cleaner zeroized a key still being used). The
 * cleaner is {@link LiveKeys}: it destroys a key once its handle is unreachable.
 */
public final class ManagedSessionKey implements SessionKey, KeyScope.Member {

    private static final long serialVersionUID = 1L;

    private final transient KeyCore core;

    private ManagedSessionKey(KeyCore core) {
        this.core = core;
    }

    /**
     * Makes a session key from {@code length} bytes of {@code source} at {@code offset}. The bytes
     * are copied off the heap; the caller zeroes {@code source} (in {@code finally}).
     *
     * @param scope a scope to bind the key to, or {@code null}
     */
    public static ManagedSessionKey create(String algorithm, int sizeBits, byte[] source, int offset, int length,
            KeyPolicy policy, KeyScope scope, Clock clock) {
        return start(algorithm, sizeBits, new KeyMaterial(source, offset, length), policy, scope, clock);
    }

    /**
     * Makes a session key of {@code length} bytes written by {@code fill} straight into the key's
     * off-heap slot (a derivation's output, which then never exists on the heap). {@code fill}
     * gets the zero-filled slot (limit {@code length}) and must not keep it; if it throws, the
     * slot is zeroed and released and no key is made.
     *
     * @param scope a scope to bind the key to, or {@code null}
     */
    public static ManagedSessionKey createFilled(String algorithm, int sizeBits, int length,
            Consumer<ByteBuffer> fill, KeyPolicy policy, KeyScope scope, Clock clock) {
        return start(algorithm, sizeBits, KeyMaterial.filled(length, fill), policy, scope, clock);
    }

    private static ManagedSessionKey start(String algorithm, int sizeBits, KeyMaterial material, KeyPolicy policy,
            KeyScope scope, Clock clock) {
        KeyCore core = new KeyCore(algorithm, sizeBits, ThreadLocalRandom.current().nextLong(), policy, clock, material);
        ManagedSessionKey key = new ManagedSessionKey(core);
        core.start(key);
        if (scope != null) {
            scope.bind(key);
        }
        return key;
    }

    // ---- the gate ----

    /**
     * Runs {@code reader} on this key's raw material ({@code precomputation == null}) or on a
     * precomputation of it, made on first use and kept off the heap with the key.
     *
     * @throws IllegalStateException if the key is destroyed, or if {@code use} is
     *     {@link KeyUse#PROTECT} and its encryption lifetime is over (nothing is read then)
     */
    public <R, X extends Exception> R withMaterial(KeyUse use, Precomputation precomputation,
            SecretReader<R, X> reader) throws X {
        core.checkStillUsable(use);
        try {
            return core.material().read(precomputation, reader);
        } catch (KeyMaterial.MaterialGoneException gone) {
            throw new IllegalStateException(core.destroyedMessage());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** The core, for white-box tests and the self-test in this package. */
    KeyCore core() {
        return core;
    }

    /** The raw material's length in bytes. */
    public int materialLength() {
        return core.material().length();
    }

    /** For {@code init}: refuses a destroyed key, or a {@code DECRYPT_ONLY} key for {@code PROTECT}. */
    public void checkUsable(KeyUse use) throws InvalidKeyException {
        core.checkUsable(use);
    }

    /** Charges one encryption at {@code init}; refuses it at the key's limit. */
    public void chargeEncryption(SafetyLimits limits) throws InvalidKeyException {
        core.chargeEncryption(limits);
    }

    /** Charges {@code count} plaintext bytes; refuses them past the key's limit. */
    public void chargeBytes(long count, SafetyLimits limits) {
        core.chargeBytes(count, limits);
    }

    /**
     * Refuses export if the key is destroyed or its policy forbids this kind of export, and
     * records the export otherwise. Call it just before the key leaves.
     */
    public void recordExport(String method, boolean plaintext) throws InvalidKeyException {
        core.checkUsable(KeyUse.PROCESS);
        if (plaintext ? !core.policy.plaintextExportable() : !core.policy.wrappable()) {
            throw new InvalidKeyException(core.describe() + " may not be exported "
                    + (plaintext ? "in plaintext" : "wrapped") + ": its policy forbids it ("
                    + core.policy + ")");
        }
        core.recordExport(method);
    }

    /** Per-key state shared by every user of this key (see {@link Attachment}). */
    public <T> T attachment(Attachment<T> slot) {
        return core.attachment(slot);
    }

    /** Destroys the key for {@code reason}; the first reason wins. Idempotent and thread-safe. */
    public void destroy(DestroyReason reason) {
        core.destroy(reason);
    }

    /** For {@link KeyScope#close()}. */
    @Override
    public void scopeClosed() {
        destroy(DestroyReason.SCOPE_CLOSED);
    }

    // ---- SessionKey ----

    @Override
    public String getAlgorithm() {
        return core.algorithm;
    }

    /** {@code "RAW"} if the policy allows plaintext export, else {@code null}. */
    @Override
    public String getFormat() {
        requireLive();
        return core.policy.plaintextExportable() ? "RAW" : null;
    }

    /**
     * A fresh copy of the key if the policy allows plaintext export (each read recorded: an export
     * in {@link #exports()}, a {@code io.sessionkeys.KeyExported} JFR event with the reader's stack
     * trace, the MBean's plaintext-read count), else {@code null}, as the JCA contract provides for
     * keys without an encoding; except that a {@code KeyStore} asking to store a sealed key is told
     * why it cannot ({@link IllegalStateException}), instead of failing on the {@code null}.
     */
    @Override
    public byte[] getEncoded() {
        requireLive();
        if (!core.policy.plaintextExportable()) {
            if (KeyStoreReads.inProgress()) {
                // The KeyStore turns this into its KeyStoreException, message included.
                throw new IllegalStateException(this + " is a volatile session key and cannot be stored in a"
                        + " KeyStore: its policy seals its bytes. Keep it for the session, or store it wrapped"
                        + " (Cipher WRAP_MODE under a key from the KeyStore)");
            }
            return null;
        }
        byte[] copy = withMaterial(KeyUse.PROCESS, null, material -> {
            byte[] out = new byte[material.limit()];
            material.get(0, out);
            return out;
        });
        core.recordExport("plaintext");
        KeyStatistics.plaintextRead();
        return copy;
    }

    private void requireLive() {
        if (core.isDestroyed() || core.expireIfDue()) {
            throw new IllegalStateException(core.destroyedMessage());
        }
    }

    @Override
    public void destroy() {
        destroy(DestroyReason.EXPLICIT);
    }

    @Override
    public boolean isDestroyed() {
        return core.isDestroyed() || core.expireIfDue();
    }

    @Override
    public String keyId() {
        return core.idHex();
    }

    @Override
    public int keySizeBits() {
        return core.sizeBits;
    }

    @Override
    public KeyState state() {
        return core.state();
    }

    @Override
    public Optional<DestroyReason> destroyReason() {
        core.state();
        return Optional.ofNullable(core.destroyReason());
    }

    @Override
    public KeyPolicy policy() {
        return core.policy;
    }

    @Override
    public Instant createdAt() {
        return core.createdAt();
    }

    @Override
    public long encryptionCount() {
        return core.encryptionCount();
    }

    @Override
    public long bytesEncrypted() {
        return core.bytesEncrypted();
    }

    @Override
    public List<KeyExport> exports() {
        return core.exports();
    }

    /** Identity: a key equals only itself, and its hash says nothing about the material. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "SessionKey[" + core.algorithm + "-" + core.sizeBits + ", id=" + core.idHex() + ", " + core.state() + "]";
    }

    // ---- no serialization: a session key never leaves the provider unwrapped ----

    private void writeObject(ObjectOutputStream out) throws NotSerializableException {
        throw new NotSerializableException("a SessionKey is volatile and cannot be serialized or stored in a"
                + " KeyStore; export it by wrapping it with a Cipher in WRAP_MODE");
    }

    private void readObject(ObjectInputStream in) throws NotSerializableException {
        throw new NotSerializableException("a SessionKey cannot be deserialized");
    }
}

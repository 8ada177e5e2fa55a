package io.sessionkeys;

import java.security.spec.KeySpec;
import java.util.Objects;

/**
 * A CryptoAPI {@code PLAINTEXTKEYBLOB} of an AES key ({@code BLOBHEADER} with bType 0x08 and
 * aiKeyAlg {@code CALG_AES_128/192/256}, then dwKeySize and the key), for the SessionKeys
 * {@code SecretKeyFactory} "AES": what {@code CryptImportKey} and {@code CryptExportKey} take and
 * give for a plaintext key.
 *
 * <pre>{@code
 * SecretKeyFactory f = SecretKeyFactory.getInstance("AES", "SessionKeys");
 * SessionKey k = (SessionKey) f.generateSecret(PlaintextKeyBlobSpec.consuming(blob, policy, null));
 * // blob is now all zeros; the key lives off the heap
 * byte[] out = ((PlaintextKeyBlobSpec) f.getKeySpec(k, PlaintextKeyBlobSpec.class)).blob(); // if k's policy allows
 * }</pre>
 *
 * <p>The spec holds the caller's array itself, never a copy: an import zeroes it once the key is
 * made (a refused import leaves it intact, for the caller to zero or retry), and the array of an
 * exported spec belongs to the caller, who zeroes it when done. An export is allowed only where
 * the key's policy allows plaintext export (CryptoAPI's {@code CRYPT_EXPORTABLE}) and is recorded
 * on the key as {@code "PLAINTEXTKEYBLOB"}.
 */
public final class PlaintextKeyBlobSpec implements KeySpec {

    private final byte[] blob;
    private final KeyPolicy policy;
    private final KeyScope scope;

    private PlaintextKeyBlobSpec(byte[] blob, KeyPolicy policy, KeyScope scope) {
        this.blob = Objects.requireNonNull(blob, "blob");
        this.policy = policy;
        this.scope = scope;
    }

    /**
     * A spec over {@code blob}, which an import zeroes once the key is made.
     *
     * @param blob the whole {@code PLAINTEXTKEYBLOB}
     * @param policy the imported key's policy, or {@code null} for the configured default
     * @param scope a scope to bind the imported key to, or {@code null}
     */
    public static PlaintextKeyBlobSpec consuming(byte[] blob, KeyPolicy policy, KeyScope scope) {
        return new PlaintextKeyBlobSpec(blob, policy, scope);
    }

    /** The blob: the very array this spec was made with (zero it when done). */
    public byte[] blob() {
        return blob;
    }

    /** The policy, or {@code null} for the provider's configured default. */
    public KeyPolicy policy() {
        return policy;
    }

    /** The scope, or {@code null}. */
    public KeyScope scope() {
        return scope;
    }

    /** Never shows the blob. */
    @Override
    public String toString() {
        return "PlaintextKeyBlobSpec[" + blob.length + " bytes, " + (policy == null ? "default policy" : policy) + "]";
    }
}

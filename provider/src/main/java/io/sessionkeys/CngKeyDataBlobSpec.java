package io.sessionkeys;

import java.security.spec.KeySpec;
import java.util.Objects;

/**
 * A CNG {@code BCRYPT_KEY_DATA_BLOB} ({@code BCRYPT_KEY_DATA_BLOB_HEADER}: dwMagic
 * {@code BCRYPT_KEY_DATA_BLOB_MAGIC}, dwVersion 1, cbKeyData; then the key), for a SessionKeys
 * {@code SecretKeyFactory}: what {@code BCryptImportKey} and {@code BCryptExportKey} take and give
 * for a plaintext symmetric key. The blob names no algorithm: the factory's algorithm applies
 * ("AES", "ChaCha20", "HmacSHA256"...), and the key's length must suit it.
 *
 * <pre>{@code
 * SecretKeyFactory f = SecretKeyFactory.getInstance("AES", "SessionKeys");
 * SessionKey k = (SessionKey) f.generateSecret(CngKeyDataBlobSpec.consuming(blob, policy, null));
 * // blob is now all zeros; the key lives off the heap
 * byte[] out = ((CngKeyDataBlobSpec) f.getKeySpec(k, CngKeyDataBlobSpec.class)).blob(); // if k's policy allows
 * }</pre>
 *
 * <p>The spec holds the caller's array itself, never a copy: an import zeroes it once the key is
 * made (a refused import leaves it intact, for the caller to zero or retry), and the array of an
 * exported spec belongs to the caller, who zeroes it when done. An export is allowed only where
 * the key's policy allows plaintext export and is recorded on the key as
 * {@code "BCRYPT_KEY_DATA_BLOB"}.
 */
public final class CngKeyDataBlobSpec implements KeySpec {

    private final byte[] blob;
    private final KeyPolicy policy;
    private final KeyScope scope;

    private CngKeyDataBlobSpec(byte[] blob, KeyPolicy policy, KeyScope scope) {
        this.blob = Objects.requireNonNull(blob, "blob");
        this.policy = policy;
        this.scope = scope;
    }

    /**
     * A spec over {@code blob}, which an import zeroes once the key is made.
     *
     * @param blob the whole {@code BCRYPT_KEY_DATA_BLOB}
     * @param policy the imported key's policy, or {@code null} for the configured default
     * @param scope a scope to bind the imported key to, or {@code null}
     */
    public static CngKeyDataBlobSpec consuming(byte[] blob, KeyPolicy policy, KeyScope scope) {
        return new CngKeyDataBlobSpec(blob, policy, scope);
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
        return "CngKeyDataBlobSpec[" + blob.length + " bytes, " + (policy == null ? "default policy" : policy) + "]";
    }
}

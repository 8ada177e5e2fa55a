package io.sessionkeys.internal.keygen;

import io.sessionkeys.CngKeyDataBlobSpec;
import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.PlaintextKeyBlobSpec;
import io.sessionkeys.internal.common.WindowsKeyBlobs;
import io.sessionkeys.internal.common.WindowsKeyBlobs.KeyLocation;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidKeyException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import javax.crypto.SecretKey;

/**
 * The plaintext Windows key blobs in the {@code SecretKeyFactory}: CryptoAPI's
 * {@code PLAINTEXTKEYBLOB} (AES only: its ALG_ID names the algorithm) and CNG's
 * {@code BCRYPT_KEY_DATA_BLOB} (any session key algorithm: it names none).
 *
 * <p>An import copies the key straight from the caller's blob off the heap and then zeroes the
 * blob; a refused import changes nothing. An export writes the key into a fresh blob that goes to
 * the caller, is refused unless the key's policy allows plaintext export, and is recorded.
 */
final class KeyBlobSpecs {

    private KeyBlobSpecs() {
    }

    static boolean handles(KeySpec spec) {
        return spec instanceof PlaintextKeyBlobSpec || spec instanceof CngKeyDataBlobSpec;
    }

    static boolean handles(Class<?> specClass) {
        return specClass == PlaintextKeyBlobSpec.class || specClass == CngKeyDataBlobSpec.class;
    }

    static SecretKey importBlob(ProviderContext context, KeyAlgorithm algorithm, KeySpec spec)
            throws InvalidKeySpecException {
        if (spec instanceof PlaintextKeyBlobSpec) {
            PlaintextKeyBlobSpec s = (PlaintextKeyBlobSpec) spec;
            requireAes(algorithm, "PLAINTEXTKEYBLOB");
            KeyLocation at = WindowsKeyBlobs.plaintextKeyBlob(s.blob());
            return make(context, algorithm, s.blob(), at, s.policy(), s.scope(), "PLAINTEXTKEYBLOB");
        }
        CngKeyDataBlobSpec s = (CngKeyDataBlobSpec) spec;
        KeyLocation at = WindowsKeyBlobs.keyDataBlob(s.blob());
        return make(context, algorithm, s.blob(), at, s.policy(), s.scope(), "BCRYPT_KEY_DATA_BLOB");
    }

    private static SecretKey make(ProviderContext context, KeyAlgorithm algorithm, byte[] blob, KeyLocation at,
            KeyPolicy policy, KeyScope scope, String format)
            throws InvalidKeySpecException {
        int bits = at.length() * 8;
        if (!algorithm.allowsBits(bits)) {
            throw new InvalidKeySpecException("the " + format + " holds a " + bits + "-bit key; " + algorithm
                    + " keys are " + algorithm.describeSizes());
        }
        if (scope != null && scope.isClosed()) {
            throw new InvalidKeySpecException("the " + format + " spec's KeyScope is already closed: the key could"
                    + " not be bound to it");
        }
        SecretKey key = ManagedSessionKey.create(algorithm.name(), bits, blob, at.offset(), at.length(),
                context.policyOrDefault(policy), scope, context.clock());
        Zeroing.wipe(blob);
        return key;
    }

    static KeySpec exportBlob(ManagedSessionKey key, KeyAlgorithm algorithm, Class<?> specClass)
            throws InvalidKeySpecException {
        boolean capi = specClass == PlaintextKeyBlobSpec.class;
        String format = capi ? "PLAINTEXTKEYBLOB" : "BCRYPT_KEY_DATA_BLOB";
        if (capi) {
            requireAes(algorithm, format);
        }
        int length = key.materialLength();
        byte[] blob = new byte[length + (capi ? WindowsKeyBlobs.plaintextKeyBlobLength(0)
                : WindowsKeyBlobs.KEY_DATA_HEADER_LENGTH)];
        boolean done = false;
        try {
            if (capi) {
                WindowsKeyBlobs.writePlaintextKeyBlobHeader(blob, length);
            } else {
                WindowsKeyBlobs.writeKeyDataBlobHeader(blob, length);
            }
            int offset = blob.length - length;
            key.withMaterial(KeyUse.PROCESS, null, material -> {
                material.get(0, blob, offset, length);
                return null;
            });
            // checks the policy again (the caller checked it first) and records the export last,
            // so that a refused or failed export leaves no record and no blob
            key.recordExport(format, true);
            done = true;
            return capi ? PlaintextKeyBlobSpec.consuming(blob, null, null)
                    : CngKeyDataBlobSpec.consuming(blob, null, null);
        } catch (InvalidKeyException | IllegalStateException refused) {
            throw new InvalidKeySpecException(refused.getMessage(), refused);
        } finally {
            if (!done) {
                Zeroing.wipe(blob);
            }
        }
    }

    private static void requireAes(KeyAlgorithm algorithm, String format) throws InvalidKeySpecException {
        if (algorithm != KeyAlgorithm.AES) {
            throw new InvalidKeySpecException("a " + format + " carries AES keys in SessionKeys; use the \"AES\""
                    + " SecretKeyFactory, not \"" + algorithm + "\"");
        }
    }
}

package io.sessionkeys.internal.keygen;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.KeyScope;
import io.sessionkeys.SessionKeyImportSpec;
import io.sessionkeys.SpecAccess;
import io.sessionkeys.internal.common.Zeroing;
import io.sessionkeys.internal.key.KeyAlgorithm;
import io.sessionkeys.internal.key.KeyUse;
import io.sessionkeys.internal.key.ManagedSessionKey;
import io.sessionkeys.internal.service.ProviderContext;
import java.security.InvalidKeyException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactorySpi;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code SecretKeyFactory} for session keys: imports raw bytes (CryptoAPI's {@code CryptImportKey}
 * of a plaintext blob), translates foreign keys, and reveals a key's bytes only where its policy
 * allows plaintext export.
 */
public final class SessionKeyFactory extends SecretKeyFactorySpi {

    private final ProviderContext context;
    private final KeyAlgorithm algorithm;

    public SessionKeyFactory(ProviderContext context, KeyAlgorithm algorithm) {
        this.context = context;
        this.algorithm = algorithm;
    }

    @Override
    protected SecretKey engineGenerateSecret(KeySpec spec) throws InvalidKeySpecException {
        if (spec instanceof SessionKeyImportSpec) {
            SessionKeyImportSpec s = (SessionKeyImportSpec) spec;
            // A consuming spec hands over the caller's own array: zero it only once the key exists,
            // so that a refused import leaves the caller's bytes intact for another try.
            SpecAccess access = context.specAccess();
            return importRaw(s.algorithm(), access.keyBytes(s), s.policy(), s.scope(), !access.consumesCallerArray(s));
        }
        if (spec instanceof SecretKeySpec) {
            SecretKeySpec s = (SecretKeySpec) spec;
            return importRaw(s.getAlgorithm(), s.getEncoded(), null, null, true);
        }
        throw new InvalidKeySpecException("expected a SecretKeySpec or a SessionKeyImportSpec, got "
                + (spec == null ? "null" : spec.getClass().getName()));
    }

    /** Imports {@code raw} and zeroes it once imported, and also on failure if {@code wipeOnFailure}. */
    private SecretKey importRaw(String specAlgorithm, byte[] raw, KeyPolicy policy, KeyScope scope,
            boolean wipeOnFailure) throws InvalidKeySpecException {
        boolean imported = false;
        try {
            if (!algorithm.name().equalsIgnoreCase(specAlgorithm)) {
                throw new InvalidKeySpecException("this is the " + algorithm + " SecretKeyFactory; the key spec is for "
                        + specAlgorithm);
            }
            int bits = raw.length * 8;
            if (!algorithm.allowsBits(bits)) {
                throw new InvalidKeySpecException(algorithm + " key must be " + algorithm.describeSizes() + ", was "
                        + bits + " bits");
            }
            SecretKey key = ManagedSessionKey.create(algorithm.name(), bits, raw, 0, raw.length,
                    context.policyOrDefault(policy), scope, context.clock());
            imported = true;
            return key;
        } finally {
            if (imported || wipeOnFailure) {
                Zeroing.wipe(raw);
            }
        }
    }

    @Override
    protected KeySpec engineGetKeySpec(SecretKey key, Class<?> specClass) throws InvalidKeySpecException {
        if (!(key instanceof ManagedSessionKey) || !algorithm.name().equalsIgnoreCase(key.getAlgorithm())) {
            throw new InvalidKeySpecException("expected a SessionKeys " + algorithm + " key, got "
                    + (key == null ? "null" : key.getAlgorithm() + " " + key.getClass().getName()));
        }
        if (specClass == null || !specClass.isAssignableFrom(SecretKeySpec.class)) {
            throw new InvalidKeySpecException("a session key can be given only as a SecretKeySpec, not "
                    + (specClass == null ? "null" : specClass.getName()));
        }
        ManagedSessionKey sessionKey = (ManagedSessionKey) key;
        try {
            sessionKey.checkUsable(KeyUse.PROCESS);
        } catch (InvalidKeyException destroyed) {
            throw new InvalidKeySpecException(destroyed.getMessage(), destroyed);
        }
        if (!sessionKey.policy().plaintextExportable()) {
            throw new InvalidKeySpecException(sessionKey + " may not be revealed in plaintext: its policy forbids"
                    + " plaintext export (allow it with KeyPolicy.plaintextExportable or"
                    + " sessionkeys.policy.plaintextExport=true)");
        }
        byte[] raw = sessionKey.getEncoded();
        try {
            return new SecretKeySpec(raw, algorithm.name());
        } finally {
            Zeroing.wipe(raw);
        }
    }

    @Override
    protected SecretKey engineTranslateKey(SecretKey key) throws InvalidKeyException {
        if (key instanceof ManagedSessionKey) {
            if (!algorithm.name().equalsIgnoreCase(key.getAlgorithm())) {
                throw new InvalidKeyException("this is the " + algorithm + " SecretKeyFactory; the key is "
                        + key.getAlgorithm());
            }
            ((ManagedSessionKey) key).checkUsable(KeyUse.PROCESS);
            return key;
        }
        if (key == null || !"RAW".equalsIgnoreCase(key.getFormat())) {
            throw new InvalidKeyException("only keys with a RAW encoding can be imported, got "
                    + (key == null ? "null" : "format " + key.getFormat()));
        }
        try {
            return importRaw(key.getAlgorithm(), key.getEncoded(), null, null, true);
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeyException(e.getMessage(), e);
        }
    }
}

package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.Attempt;
import io.sessionkeys.conformance.run.CipherAttempts;
import io.sessionkeys.conformance.run.Checker;
import io.sessionkeys.conformance.run.DataPath;
import io.sessionkeys.conformance.run.Judge;
import io.sessionkeys.conformance.subject.Subject;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Set;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES-GCM and ChaCha20-Poly1305: encryption must give exactly {@code ct || tag}, decryption
 * exactly the plaintext; a modified tag or an unsupported nonce must never give plaintext.
 */
final class AeadChecker implements Checker<AeadCase> {

    private final String cipherName;
    private final String keyAlgorithm;
    private final Function<AeadCase, AlgorithmParameterSpec> params;
    private final Function<AeadCase, Boolean> mayBeUnsupported;

    private AeadChecker(String cipherName, String keyAlgorithm, Function<AeadCase, AlgorithmParameterSpec> params,
            Function<AeadCase, Boolean> mayBeUnsupported) {
        this.cipherName = cipherName;
        this.keyAlgorithm = keyAlgorithm;
        this.params = params;
        this.mayBeUnsupported = mayBeUnsupported;
    }

    /** GCM: a 12-byte IV with a 128-bit tag must work; other IV and tag sizes may be refused at init. */
    static AeadChecker gcm() {
        return new AeadChecker("AES/GCM/NoPadding", "AES", c -> new GCMParameterSpec(c.tagBits, c.iv),
                c -> c.iv.length != 12 || c.tagBits != 128);
    }

    /** RFC 8439 fixes the nonce at 12 bytes; Wycheproof's other sizes are invalid cases. */
    static AeadChecker chacha20Poly1305() {
        return new AeadChecker("ChaCha20-Poly1305", "ChaCha20", c -> new IvParameterSpec(c.iv),
                c -> c.iv.length != 12);
    }

    @Override
    public String missing(Subject s) {
        String name = s.cipherName(cipherName);
        if (name == null) {
            return "Cipher " + cipherName;
        }
        return s.missingKeyService(keyAlgorithm);
    }

    @Override
    public String note(Subject s) {
        return "";
    }

    @Override
    public CaseResult check(AeadCase c, Subject s, Set<DataPath> paths) {
        Judge judge = new Judge(c.id, c.expectation, mayBeUnsupported.apply(c));
        AlgorithmParameterSpec spec;
        try {
            spec = params.apply(c);
        } catch (IllegalArgumentException e) {
            // The JDK's own spec class refuses it (e.g. an empty IV): nobody can be given it.
            return judge.check("parameters", Attempt.refusedBySpecClass(e), null).result();
        }
        for (DataPath p : paths) {
            if (c.checkEncrypt && c.expectation != Expectation.INVALID) {
                judge.check("encrypt/" + p.label(), CipherAttempts.run(s, cipherName, Cipher.ENCRYPT_MODE, keyAlgorithm,
                        c.key, spec, c.aad, c.msg, p), c.ctAndTag);
            }
            judge.check("decrypt/" + p.label(), CipherAttempts.run(s, cipherName, Cipher.DECRYPT_MODE, keyAlgorithm,
                    c.key, spec, c.aad, c.ctAndTag, p), c.msg);
        }
        return judge.result();
    }
}

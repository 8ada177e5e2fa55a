package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.Attempt;
import io.sessionkeys.conformance.run.CipherAttempts;
import io.sessionkeys.conformance.run.Checker;
import io.sessionkeys.conformance.run.DataPath;
import io.sessionkeys.conformance.run.Judge;
import io.sessionkeys.conformance.subject.KeyFingerprint;
import io.sessionkeys.conformance.subject.Subject;
import java.util.Set;
import javax.crypto.Cipher;

/**
 * AES-KW and AES-KWP, both ways a user meets them: {@code ENCRYPT_MODE}/{@code DECRYPT_MODE}
 * over arbitrary key data on every data path, and {@code WRAP_MODE}/{@code UNWRAP_MODE} of AES
 * keys where the key data is 16, 24 or 32 bytes (an unwrapped key is compared by
 * {@link KeyFingerprint}, so a session key never has to reveal its bytes).
 */
final class KeyWrapChecker implements Checker<KeyWrapCase> {

    private final String[] cipherNames;
    private final KeyFingerprint fingerprint = new KeyFingerprint();

    /** @param cipherNames the standard name first, then the aliases a peer may use instead */
    KeyWrapChecker(String... cipherNames) {
        this.cipherNames = cipherNames;
    }

    @Override
    public String missing(Subject s) {
        if (s.cipherName(cipherNames) == null) {
            return "Cipher " + cipherNames[0];
        }
        if (s.isSessionKeys() && s.cipherName(KeyFingerprint.CIPHER) == null) {
            return "Cipher " + KeyFingerprint.CIPHER + " (to compare unwrapped keys)";
        }
        return s.missingKeyService("AES");
    }

    @Override
    public String note(Subject s) {
        String name = s.cipherName(cipherNames);
        return name.equals(cipherNames[0]) ? "" : "as " + name;
    }

    @Override
    public CaseResult check(KeyWrapCase c, Subject s, Set<DataPath> paths) {
        String name = s.cipherName(cipherNames);
        Judge judge = new Judge(c.id, c.expectation, false);
        byte[] none = new byte[0];
        for (DataPath p : paths) {
            if (c.wrapMustFail || (c.checkWrap && c.expectation != Expectation.INVALID)) {
                judge.check("encrypt/" + p.label(),
                        CipherAttempts.run(s, name, Cipher.ENCRYPT_MODE, "AES", c.kek, null, none, c.msg, p), c.ct);
            }
            judge.check("decrypt/" + p.label(),
                    CipherAttempts.run(s, name, Cipher.DECRYPT_MODE, "AES", c.kek, null, none, c.ct, p), c.msg);
        }
        if (!isAesKeyLength(c.keyLength)) {
            return judge.result();
        }
        if (c.checkWrap && c.expectation != Expectation.INVALID) {
            judge.check("wrap", Attempt.of(new Attempt.Operation<Cipher>() {
                @Override
                public Cipher init() throws Exception {
                    Cipher w = Cipher.getInstance(name, s.provider());
                    w.init(Cipher.WRAP_MODE, s.key("AES", c.kek));
                    return w;
                }

                @Override
                public byte[] run(Cipher w) throws Exception {
                    return w.wrap(s.key("AES", c.msg));
                }
            }), c.ct);
        }
        byte[] expected;
        try {
            expected = c.msg == null ? null : fingerprint.of(c.msg, "AES");
        } catch (java.security.GeneralSecurityException e) {
            return judge.fail("SunJCE could not fingerprint the expected key: " + e).result();
        }
        judge.check("unwrap", Attempt.of(new Attempt.Operation<Cipher>() {
            @Override
            public Cipher init() throws Exception {
                Cipher u = Cipher.getInstance(name, s.provider());
                u.init(Cipher.UNWRAP_MODE, s.key("AES", c.kek));
                return u;
            }

            @Override
            public byte[] run(Cipher u) throws Exception {
                return fingerprint.of(s.unwrapped(u.unwrap(c.ct, "AES", Cipher.SECRET_KEY)), s);
            }
        }), expected);
        return judge.result();
    }

    private static boolean isAesKeyLength(int n) {
        return n == 16 || n == 24 || n == 32;
    }
}

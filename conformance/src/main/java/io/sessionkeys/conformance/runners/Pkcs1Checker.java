package io.sessionkeys.conformance.runners;

import io.sessionkeys.conformance.model.CaseResult;
import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.run.Attempt;
import io.sessionkeys.conformance.run.Checker;
import io.sessionkeys.conformance.run.DataPath;
import io.sessionkeys.conformance.run.Judge;
import io.sessionkeys.conformance.subject.KeyFingerprint;
import io.sessionkeys.conformance.subject.Subject;
import io.sessionkeys.conformance.vectors.VectorSource;
import io.sessionkeys.conformance.vectors.WycheproofFile;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;

/**
 * RSA/ECB/PKCS1Padding: {@code DECRYPT_MODE} on every data path must give the message of a valid
 * vector and reject an invalid one, as SunJCE does. {@code UNWRAP_MODE} into an HmacSHA256 key
 * (the one key algorithm that takes every length a vector's message may have): a peer must give
 * the message as the key, or reject an invalid vector; SessionKeys must never reject, and must
 * give the message of a valid vector (1 byte or more) and otherwise the implicit-rejection key,
 * computed independently by {@link ImplicitRejectionReference}.
 */
final class Pkcs1Checker implements Checker<Pkcs1Case> {

    static final String CIPHER = "RSA/ECB/PKCS1Padding";
    private static final String KEY_ALGORITHM = "HmacSHA256";

    private final KeyFingerprint fingerprint = new KeyFingerprint();

    static List<Pkcs1Case> wycheproof(VectorSource source, String fileName) throws IOException {
        List<Pkcs1Case> cases = new ArrayList<>();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            for (WycheproofFile.Test t : WycheproofFile.load(source, fileName, "rsaes_pkcs1_decrypt_schema_v1.json")
                    .tests()) {
                RSAPrivateKey key = (RSAPrivateKey) rsa.generatePrivate(
                        new PKCS8EncodedKeySpec(t.group.hex("privateKeyPkcs8")));
                cases.add(new Pkcs1Case(t.describe(), t.expectation, key, t.test.hex("msg"), t.test.hex("ct")));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(fileName + ": the JDK cannot read a private key: " + e, e);
        }
        return cases;
    }

    @Override
    public String missing(Subject s) {
        if (s.cipherName(CIPHER) == null) {
            return "Cipher " + CIPHER;
        }
        return s.isSessionKeys() && s.cipherName(KeyFingerprint.CIPHER) == null
                ? "Cipher " + KeyFingerprint.CIPHER + " (to compare unwrapped keys)" : null;
    }

    @Override
    public String note(Subject s) {
        return s.isSessionKeys() ? "unwrap: implicit rejection checked on every invalid vector" : "";
    }

    @Override
    public boolean usesKeyRoute() {
        return false;
    }

    @Override
    public CaseResult check(Pkcs1Case c, Subject s, Set<DataPath> paths) {
        Judge judge = new Judge(c.id, c.expectation, false);
        for (DataPath p : paths) {
            judge.check("decrypt/" + p.label(), Attempt.of(new Attempt.Operation<Cipher>() {
                @Override
                public Cipher init() throws Exception {
                    Cipher d = Cipher.getInstance(CIPHER, s.provider());
                    d.init(Cipher.DECRYPT_MODE, c.privateKey);
                    return d;
                }

                @Override
                public byte[] run(Cipher d) throws Exception {
                    return p.run(d, new byte[0], c.ct);
                }
            }), c.msg);
        }
        Attempt unwrap = Attempt.of(new Attempt.Operation<Cipher>() {
            @Override
            public Cipher init() throws Exception {
                Cipher u = Cipher.getInstance(CIPHER, s.provider());
                s.initUnwrap(u, c.privateKey, null);
                return u;
            }

            @Override
            public byte[] run(Cipher u) throws Exception {
                return fingerprint.of(s.unwrapped(u.unwrap(c.ct, KEY_ALGORITHM, Cipher.SECRET_KEY)), s);
            }
        });
        boolean realKey = c.expectation != Expectation.INVALID && c.msg.length > 0;
        try {
            if (!s.isSessionKeys()) {
                if (realKey || c.expectation == Expectation.INVALID) {
                    judge.check("unwrap", unwrap, realKey ? fingerprint.of(c.msg, KEY_ALGORITHM) : null);
                }
                return judge.result();
            }
            if (c.ct.length > (c.privateKey.getModulus().bitLength() + 7) / 8) {
                // longer than the modulus: public, refused before any decryption (as SunJCE does)
                return judge.check("unwrap", unwrap, null).result();
            }
            byte[] expected = fingerprint.of(realKey ? c.msg : ImplicitRejectionReference.hmacKey(c.privateKey, c.ct),
                    KEY_ALGORITHM);
            if (unwrap.kind() != Attempt.Kind.OUTPUT) {
                judge.fail("unwrap: no key (" + unwrap.kind() + " " + unwrap.exceptionName() + "), "
                        + (realKey ? "expected the message" : "expected the implicit-rejection key"));
            } else if (!Arrays.equals(expected, unwrap.output())) {
                judge.fail(realKey ? "unwrap: wrong key" : "unwrap: not the implicit-rejection key");
            }
        } catch (GeneralSecurityException e) {
            judge.fail("SunJCE could not compute the expected key: " + e);
        }
        return judge.result();
    }
}

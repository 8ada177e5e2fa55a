package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.RsaOaepEngine;
import java.util.List;

/**
 * The RSA part of the engine selection. RSA-OAEP decryption runs on OpenSSL 3 where the library
 * is loaded, libcrypto has the OpenSSL 3 key-building functions, and the known-answer tests pass
 * ({@link NativeRsaKnownAnswers}); else on the Java engine, with the reason recorded. RSA
 * PKCS#1 v1.5 always runs on the Java engine, and the report says why.
 */
final class RsaEngineSelection {

    static final String OAEP = "RSA-OAEP";
    static final String PKCS1 = "RSA PKCS#1 v1.5";

    /**
     * Why PKCS#1 v1.5 unwrapping stays on Java. OpenSSL 3.0 has no implicit rejection, so its
     * padding error would be an oracle. OpenSSL 3.2 and later reject implicitly, but pick the
     * synthetic message's length as the draft does (any length up to the maximum), while
     * SessionKeys picks one the requested key algorithm allows: for a bad padding the two return
     * different keys, and a synthetic length the algorithm refuses would be an exception an
     * attacker could tell from a good padding.
     */
    static final String PKCS1_REASON = "OpenSSL's implicit rejection (3.2+) picks other synthetic key lengths than"
            + " SessionKeys' (which keeps bad padding silent for every key algorithm); 3.0 has none";

    private RsaEngineSelection() {
    }

    static RsaOaepEngine select(EngineSelection.Mode mode, boolean loaded, String nativeName,
            List<EngineSelection.Choice> choices) {
        String why = mode == EngineSelection.Mode.JAVA ? "sessionkeys.engine=java"
                : !loaded ? nativeName : OpenSslRsaNative.open();
        if (why == null) {
            try {
                NativeRsaKnownAnswers.oaep(OpenSslRsaOaep.INSTANCE);
            } catch (AssertionError | RuntimeException e) {
                why = "the native engine failed its known-answer test: " + e.getMessage();
            }
        }
        RsaOaepEngine engine;
        if (why == null) {
            choices.add(new EngineSelection.Choice(OAEP, nativeName, "passed its known-answer tests"));
            engine = OpenSslRsaOaep.INSTANCE;
        } else {
            EngineSelection.refuseIfNative(mode, OAEP + ": " + why);
            choices.add(new EngineSelection.Choice(OAEP, EngineSelection.JAVA_ENGINE, why));
            engine = RsaOaepEngine.JAVA;
        }
        choices.add(new EngineSelection.Choice(PKCS1, EngineSelection.JAVA_ENGINE,
                mode == EngineSelection.Mode.JAVA ? "sessionkeys.engine=java" : PKCS1_REASON));
        return engine;
    }
}

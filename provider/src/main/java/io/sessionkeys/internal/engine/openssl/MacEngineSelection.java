package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.engine.HmacEngine;
import io.sessionkeys.internal.engine.hmac.JavaHkdf;
import io.sessionkeys.internal.engine.hmac.JavaHmacEngine;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The HMAC-SHA2 and HKDF part of the engine selection: HMAC on OpenSSL's SHA-2 functions per hash
 * where the library is loaded, libcrypto exports those functions and the known-answer tests pass ({@link NativeMacKnownAnswers}); HKDF runs natively only if HMAC does
 * for every hash. Everything else stays on the Java engines, with the reason recorded.
 */
final class MacEngineSelection {

    /** The engines chosen. */
    record Engines(Map<ShaAlgorithm, HmacEngine> hmac, HkdfEngine hkdf) {
    }

    private MacEngineSelection() {
    }

    /**
     * @param loaded whether the native library and libcrypto are loaded
     * @param nativeName the native engine's description, or why it is not loaded
     * @param mode the mode, to refuse loudly in {@code native}
     */
    static Engines select(EngineSelection.Mode mode, boolean loaded, String nativeName,
            List<EngineSelection.Choice> choices) {
        Map<ShaAlgorithm, HmacEngine> hmac = new EnumMap<>(ShaAlgorithm.class);
        for (ShaAlgorithm hash : ShaAlgorithm.values()) {
            hmac.put(hash, JavaHmacEngine.of(hash));
        }
        String why = mode == EngineSelection.Mode.JAVA ? "sessionkeys.engine=java"
                : !loaded ? nativeName : OpenSslMacNative.open();
        if (why != null) {
            EngineSelection.refuseIfNative(mode, "HMAC-SHA2 and HKDF: " + why);
            for (ShaAlgorithm hash : ShaAlgorithm.values()) {
                choices.add(new EngineSelection.Choice(hash.hmacName(), EngineSelection.JAVA_ENGINE, why));
            }
            choices.add(new EngineSelection.Choice("HKDF", EngineSelection.JAVA_ENGINE, why));
            return new Engines(hmac, JavaHkdf.INSTANCE);
        }
        boolean allNative = true;
        for (ShaAlgorithm hash : ShaAlgorithm.values()) {
            OpenSslHmacEngine candidate = OpenSslHmacEngine.of(hash);
            String problem = problem(() -> NativeMacKnownAnswers.hmac(candidate));
            allNative &= problem == null;
            if (problem == null) {
                hmac.put(hash, candidate);
            }
            record(mode, hash.hmacName(), problem, nativeName, choices);
        }
        String hkdfProblem = allNative ? problem(() -> NativeMacKnownAnswers.hkdf(OpenSslHkdf.INSTANCE))
                : "HMAC does not run natively for every hash";
        record(mode, "HKDF", hkdfProblem, nativeName, choices);
        return new Engines(hmac, hkdfProblem == null ? OpenSslHkdf.INSTANCE : JavaHkdf.INSTANCE);
    }

    private static void record(EngineSelection.Mode mode, String algorithm, String problem, String nativeName,
            List<EngineSelection.Choice> choices) {
        if (problem == null) {
            choices.add(new EngineSelection.Choice(algorithm, nativeName, "passed its known-answer tests"));
        } else {
            EngineSelection.refuseIfNative(mode, algorithm + ": " + problem);
            choices.add(new EngineSelection.Choice(algorithm, EngineSelection.JAVA_ENGINE, problem));
        }
    }

    private static String problem(Runnable knownAnswers) {
        try {
            knownAnswers.run();
            return null;
        } catch (AssertionError | RuntimeException e) {
            return "the native engine failed its known-answer test: " + e.getMessage();
        }
    }
}

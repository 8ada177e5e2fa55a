package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.KeyWrapEngine;
import java.util.List;

/**
 * The engine for AES-KW and KWP, chosen as {@link BlockModeSelection} chooses the block modes:
 * OpenSSL where the library loads, libcrypto has AES-ECB at the three key sizes (W and
 * W<sup>-1</sup> run on its single blocks), and the engine passes its known-answer tests; otherwise {@code null}, which leaves KW and KWP
 * on the Java AES engine, with the reason recorded.
 */
final class KeyWrapSelection {

    static final String ALGORITHM = "AES-KW, AES-KWP";

    private static final int[] CIPHERS = {
        OpenSslNative.AES_128_ECB, OpenSslNative.AES_128_ECB + 1, OpenSslNative.AES_128_ECB + 2,
    };

    private KeyWrapSelection() {
    }

    /** Picks the engine ({@code null}: the Java KW and KWP) and adds its line to {@code choices}. */
    static KeyWrapEngine select(EngineSelection.Mode mode, String libcrypto, List<EngineSelection.Choice> choices) {
        if (mode == EngineSelection.Mode.JAVA) {
            choices.add(new EngineSelection.Choice(ALGORITHM, EngineSelection.JAVA_ENGINE, "sessionkeys.engine=java"));
            return null;
        }
        NativeLibrary.Status status = NativeLibrary.load(libcrypto, mode == EngineSelection.Mode.NATIVE);
        String problem = status.loaded() ? problem() : status.detail();
        if (problem == null) {
            choices.add(new EngineSelection.Choice(ALGORITHM, status.detail(), "passed its known-answer tests"));
            return OpenSslKeyWrap.INSTANCE;
        }
        EngineSelection.refuseIfNative(mode, ALGORITHM + ": " + problem);
        choices.add(new EngineSelection.Choice(ALGORITHM, EngineSelection.JAVA_ENGINE, problem));
        return null;
    }

    private static String problem() {
        for (int cipher : CIPHERS) {
            if (!OpenSslNative.hasCipher(cipher)) {
                return "this libcrypto lacks it";
            }
        }
        try {
            NativeKeyWrapKnownAnswers.check(OpenSslKeyWrap.INSTANCE);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return "the native engine failed its known-answer test: " + e.getMessage();
        }
    }
}

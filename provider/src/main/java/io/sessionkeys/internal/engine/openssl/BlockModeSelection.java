package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.BlockModeEngine;
import io.sessionkeys.internal.engine.JavaBlockModes;
import io.sessionkeys.internal.engine.aes.AesBlockEngine;
import java.util.List;

/**
 * The engine for AES-CTR, CBC and ECB, chosen as {@link EngineSelection} chooses the AEAD ones:
 * OpenSSL where the library loads, libcrypto has all nine ciphers (three modes, three key
 * sizes), and the modes pass their known-answer tests; the Java modes over the constant-time
 * AES engine otherwise, with the reason recorded.
 */
final class BlockModeSelection {

    static final String ALGORITHM = "AES/CTR, CBC, ECB";

    private static final int[] CIPHERS = {
        OpenSslNative.AES_128_CTR, OpenSslNative.AES_128_CTR + 1, OpenSslNative.AES_128_CTR + 2,
        OpenSslNative.AES_128_CBC, OpenSslNative.AES_128_CBC + 1, OpenSslNative.AES_128_CBC + 2,
        OpenSslNative.AES_128_ECB, OpenSslNative.AES_128_ECB + 1, OpenSslNative.AES_128_ECB + 2,
    };

    private BlockModeSelection() {
    }

    /** Picks the engine and adds its line to {@code choices}. */
    static BlockModeEngine select(EngineSelection.Mode mode, String libcrypto,
            List<EngineSelection.Choice> choices) {
        BlockModeEngine java = new JavaBlockModes(AesBlockEngine.INSTANCE);
        if (mode == EngineSelection.Mode.JAVA) {
            choices.add(new EngineSelection.Choice(ALGORITHM, EngineSelection.JAVA_ENGINE, "sessionkeys.engine=java"));
            return java;
        }
        NativeLibrary.Status status = NativeLibrary.load(libcrypto, mode == EngineSelection.Mode.NATIVE);
        String problem = status.loaded() ? problem() : status.detail();
        if (problem == null) {
            choices.add(new EngineSelection.Choice(ALGORITHM, status.detail(), "passed its known-answer tests"));
            return OpenSslBlockModes.INSTANCE;
        }
        EngineSelection.refuseIfNative(mode, ALGORITHM + ": " + problem);
        choices.add(new EngineSelection.Choice(ALGORITHM, EngineSelection.JAVA_ENGINE, problem));
        return java;
    }

    private static String problem() {
        for (int cipher : CIPHERS) {
            if (!OpenSslNative.hasCipher(cipher)) {
                return "this libcrypto lacks it";
            }
        }
        try {
            NativeBlockModeKnownAnswers.check(OpenSslBlockModes.INSTANCE);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return "the native engine failed its known-answer test: " + e.getMessage();
        }
    }
}

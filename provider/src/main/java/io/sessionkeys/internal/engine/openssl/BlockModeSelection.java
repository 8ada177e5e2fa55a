package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.internal.engine.BlockModeEngine;
import io.sessionkeys.internal.engine.JavaBlockModes;
import io.sessionkeys.internal.engine.aes.AesBlockEngine;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine for AES-CTR, CBC and ECB, chosen as {@link EngineSelection} chooses the AEAD ones:
 * OpenSSL where the library loads, libcrypto has all nine ciphers (three modes, three key
 * sizes), and the modes pass their known-answer tests; the Java modes over the constant-time
 * AES engine otherwise, with the reason recorded. AES-CFB8, CFB128 and OFB are chosen the same
 * way on their own ({@link #selectSegments}), so that either group can fail without the other.
 */
final class BlockModeSelection {

    static final String ALGORITHM = "AES/CTR, CBC, ECB";
    static final String SEGMENT_ALGORITHM = "AES/CFB8, CFB, OFB";

    private static final int[] CIPHERS = {
        OpenSslNative.AES_128_CTR, OpenSslNative.AES_128_CTR + 1, OpenSslNative.AES_128_CTR + 2,
        OpenSslNative.AES_128_CBC, OpenSslNative.AES_128_CBC + 1, OpenSslNative.AES_128_CBC + 2,
        OpenSslNative.AES_128_ECB, OpenSslNative.AES_128_ECB + 1, OpenSslNative.AES_128_ECB + 2,
    };

    private static final int[] SEGMENT_CIPHERS = {
        OpenSslNative.AES_128_CFB8, OpenSslNative.AES_128_CFB8 + 1, OpenSslNative.AES_128_CFB8 + 2,
        OpenSslNative.AES_128_CFB128, OpenSslNative.AES_128_CFB128 + 1, OpenSslNative.AES_128_CFB128 + 2,
        OpenSslNative.AES_128_OFB, OpenSslNative.AES_128_OFB + 1, OpenSslNative.AES_128_OFB + 2,
    };

    private BlockModeSelection() {
    }

    /** Picks the engine for CTR, CBC and ECB and adds its line to {@code choices}. */
    static BlockModeEngine select(EngineSelection.Mode mode, String libcrypto, boolean aesKernel,
            List<EngineSelection.Choice> choices) {
        BlockModeEngine engine = select(mode, libcrypto, choices, ALGORITHM, CIPHERS,
                NativeBlockModeKnownAnswers::check);
        if (engine != OpenSslBlockModes.INSTANCE) {
            return engine;
        }
        // OpenSSL's modes passed (CBC encryption stays on them): the own kernel for the rest?
        String kernelProblem = !aesKernel ? "sessionkeys.aesKernel=off" : OpenSslNative.aesKernelUnavailable();
        if (kernelProblem == null) {
            kernelProblem = knownAnswerProblem(OpenSslBlockModes.KERNEL, NativeBlockModeKnownAnswers::check);
        }
        EngineSelection.Choice openSsl = choices.remove(choices.size() - 1);
        if (kernelProblem == null) {
            choices.add(new EngineSelection.Choice(ALGORITHM, openSsl.engine()
                    + " with SessionKeys' AES kernel (VAES) for CTR, CBC decryption and ECB", openSsl.reason()));
            return OpenSslBlockModes.KERNEL;
        }
        choices.add(new EngineSelection.Choice(ALGORITHM, openSsl.engine(), openSsl.reason()
                + "; own AES kernel not used: " + kernelProblem));
        return engine;
    }

    /** Picks the engine for CFB8, CFB128 and OFB and adds its line to {@code choices}. */
    static BlockModeEngine selectSegments(EngineSelection.Mode mode, String libcrypto,
            List<EngineSelection.Choice> choices) {
        return select(mode, libcrypto, choices, SEGMENT_ALGORITHM, SEGMENT_CIPHERS,
                NativeSegmentKnownAnswers::check);
    }

    private static BlockModeEngine select(EngineSelection.Mode mode, String libcrypto,
            List<EngineSelection.Choice> choices, String algorithm, int[] ciphers,
            Consumer<BlockModeEngine> knownAnswers) {
        BlockModeEngine java = new JavaBlockModes(AesBlockEngine.INSTANCE);
        if (mode == EngineSelection.Mode.JAVA) {
            choices.add(new EngineSelection.Choice(algorithm, EngineSelection.JAVA_ENGINE, "sessionkeys.engine=java"));
            return java;
        }
        NativeLibrary.Status status = NativeLibrary.load(libcrypto, mode == EngineSelection.Mode.NATIVE);
        String problem = status.loaded() ? problem(ciphers, knownAnswers) : status.detail();
        if (problem == null) {
            choices.add(new EngineSelection.Choice(algorithm, status.detail(), "passed its known-answer tests"));
            return OpenSslBlockModes.INSTANCE;
        }
        EngineSelection.refuseIfNative(mode, algorithm + ": " + problem);
        choices.add(new EngineSelection.Choice(algorithm, EngineSelection.JAVA_ENGINE, problem));
        return java;
    }

    private static String problem(int[] ciphers, Consumer<BlockModeEngine> knownAnswers) {
        for (int cipher : ciphers) {
            if (!OpenSslNative.hasCipher(cipher)) {
                return "this libcrypto lacks it";
            }
        }
        return knownAnswerProblem(OpenSslBlockModes.INSTANCE, knownAnswers);
    }

    private static String knownAnswerProblem(BlockModeEngine engine, Consumer<BlockModeEngine> knownAnswers) {
        try {
            knownAnswers.accept(engine);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return "the native engine failed its known-answer test: " + e.getMessage();
        }
    }
}

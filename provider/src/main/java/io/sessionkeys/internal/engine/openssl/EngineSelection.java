package io.sessionkeys.internal.engine.openssl;

import io.sessionkeys.ConfigurationException;
import io.sessionkeys.internal.engine.AeadEngine;
import io.sessionkeys.internal.engine.BlockModeEngine;
import io.sessionkeys.internal.engine.HkdfEngine;
import io.sessionkeys.internal.engine.HmacEngine;
import io.sessionkeys.internal.engine.KeyBytesEngine;
import io.sessionkeys.internal.engine.KeyWrapEngine;
import io.sessionkeys.internal.engine.RsaOaepEngine;
import io.sessionkeys.internal.engine.aes.AesGcmEngine;
import io.sessionkeys.internal.engine.chacha.ChaCha20Poly1305Engine;
import io.sessionkeys.internal.engine.sha.ShaAlgorithm;
import io.sessionkeys.internal.key.KeyStatistics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Which engine runs each algorithm, and why: the {@code sessionkeys.engine} setting applied.
 *
 * <ul>
 *   <li>{@code java}: the constant-time Java engines; the native library is never loaded.
 *   <li>{@code auto}: per algorithm, the OpenSSL engine where the library loads without a JDK
 *       warning, libcrypto has the cipher, and the engine passes its known-answer tests; the Java
 *       engine elsewhere, with the reason recorded.
 *   <li>{@code native}: the OpenSSL engine for every algorithm that has one, or a
 *       {@link ConfigurationException} saying why it cannot run.
 * </ul>
 *
 * Algorithms without a native engine yet run on Java in every mode, and say so. A selection is
 * made once per JVM for each (mode, libcrypto, kernel setting).
 *
 * <p>Where AES-GCM runs natively, whole messages under 12-byte nonces go to SessionKeys' own
 * AES-GCM kernel (VAES, VPCLMULQDQ) if the {@code sessionkeys.aesKernel} setting allows it, the
 * CPU has it, and it passes the same known-answer tests; else to OpenSSL, with the reason
 * recorded. The kernel is never required: {@code native} mode does not fail for its lack.
 *
 * <p>Where the library runs, new keys' bytes come from OpenSSL's DRBG ({@link OpenSslKeyBytes})
 * when the caller passes no {@code SecureRandom} of its own, once it passes a health check.
 */
public final class EngineSelection {

    public enum Mode {
        AUTO, NATIVE, JAVA;

        /** Parses a setting's value; {@link IllegalArgumentException} if it is none of the three. */
        public static Mode parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not auto, native or java");
            }
        }
    }

    /** One algorithm's engine and the reason it was chosen. */
    public record Choice(String algorithm, String engine, String reason) {
        @Override
        public String toString() {
            return algorithm + ": " + engine + " (" + reason + ")";
        }
    }

    static final String JAVA_ENGINE = "Java (constant-time)";
    private static final String KEY_BYTES = "Key generation";

    private static final Map<String, EngineSelection> MADE = new ConcurrentHashMap<>();

    private final AeadEngine aesGcm;
    private final AeadEngine chaCha20Poly1305;
    private final List<Choice> choices;
    private final BlockModeEngine aesModes;
    private final BlockModeEngine aesSegmentModes;
    private final MacEngineSelection.Engines mac;
    private final KeyWrapEngine aesKeyWrap;
    private final RsaOaepEngine rsaOaep;
    private final KeyBytesEngine keyBytes;

    private EngineSelection(AeadEngine aesGcm, AeadEngine chaCha20Poly1305, BlockModeEngine aesModes,
            BlockModeEngine aesSegmentModes, List<Choice> choices, MacEngineSelection.Engines mac,
            KeyWrapEngine aesKeyWrap, RsaOaepEngine rsaOaep, KeyBytesEngine keyBytes) {
        this.aesGcm = aesGcm;
        this.chaCha20Poly1305 = chaCha20Poly1305;
        this.aesModes = aesModes;
        this.aesSegmentModes = aesSegmentModes;
        this.choices = Collections.unmodifiableList(choices);
        this.mac = mac;
        this.aesKeyWrap = aesKeyWrap;
        this.rsaOaep = rsaOaep;
        this.keyBytes = keyBytes;
    }

    /**
     * The engines for {@code mode}, with libcrypto from {@code libcrypto} ({@code null}: the
     * system's {@code libcrypto.so.3}, else {@code libcrypto.so.1.1}).
     *
     * @throws ConfigurationException in {@code native} mode, if an engine cannot run
     */
    public static EngineSelection select(Mode mode, String libcrypto, boolean aesKernel) {
        String key = mode + "|" + libcrypto + "|" + aesKernel;
        EngineSelection made = MADE.get(key);
        if (made == null) {
            made = MADE.computeIfAbsent(key, k -> make(mode, libcrypto, aesKernel));
        }
        KeyStatistics.recordEngines(made.report());
        return made;
    }

    private static EngineSelection make(Mode mode, String libcrypto, boolean aesKernel) {
        List<Choice> choices = new ArrayList<>();
        AeadEngine gcm = AesGcmEngine.INSTANCE;
        AeadEngine chacha = ChaCha20Poly1305Engine.INSTANCE;
        boolean loaded = false;
        String nativeName = null;
        if (mode == Mode.JAVA) {
            choices.add(new Choice("AES-GCM", JAVA_ENGINE, "sessionkeys.engine=java"));
            choices.add(new Choice("ChaCha20-Poly1305", JAVA_ENGINE, "sessionkeys.engine=java"));
        } else {
            NativeLibrary.Status status = NativeLibrary.load(libcrypto, mode == Mode.NATIVE);
            if (!status.loaded()) {
                refuseIfNative(mode, status.detail());
                choices.add(new Choice("AES-GCM", JAVA_ENGINE, status.detail()));
                choices.add(new Choice("ChaCha20-Poly1305", JAVA_ENGINE, status.detail()));
            } else {
                String engine = status.detail();
                loaded = true;
                String gcmProblem = problem(OpenSslAeadEngine.AES_GCM, NativeKnownAnswers::aesGcm,
                        OpenSslNative.AES_128_GCM, OpenSslNative.AES_192_GCM, OpenSslNative.AES_256_GCM);
                gcm = gcmProblem == null
                        ? nativeGcm(aesKernel, engine, choices)
                        : pick(mode, "AES-GCM", gcmProblem, OpenSslAeadEngine.AES_GCM, gcm, engine, choices);
                String chachaProblem = problem(OpenSslAeadEngine.CHACHA20_POLY1305,
                        NativeKnownAnswers::chaCha20Poly1305, OpenSslNative.CHACHA20_POLY1305);
                chacha = pick(mode, "ChaCha20-Poly1305", chachaProblem, OpenSslAeadEngine.CHACHA20_POLY1305, chacha,
                        engine, choices);
            }
            nativeName = status.detail();
        }
        BlockModeEngine modes = BlockModeSelection.select(mode, libcrypto, aesKernel, choices);
        BlockModeEngine segmentModes = BlockModeSelection.selectSegments(mode, libcrypto, choices);
        KeyWrapEngine keyWrap = KeyWrapSelection.select(mode, libcrypto, choices);
        MacEngineSelection.Engines mac = MacEngineSelection.select(mode, loaded, nativeName, choices);
        RsaOaepEngine rsa = RsaEngineSelection.select(mode, loaded, nativeName, choices);
        KeyBytesEngine keyBytes = keyBytes(mode, loaded, nativeName, choices);
        return new EngineSelection(gcm, chacha, modes, segmentModes, choices, mac, keyWrap, rsa, keyBytes);
    }

    /** OpenSSL's DRBG for new keys' bytes where the library runs and passes its health check; else none. */
    private static KeyBytesEngine keyBytes(Mode mode, boolean loaded, String nativeName, List<Choice> choices) {
        String why;
        if (!loaded) {
            why = mode == Mode.JAVA ? "sessionkeys.engine=java" : "the native library is not loaded";
        } else {
            try {
                KeyBytesEngine drbg = OpenSslKeyBytes.checked(nativeName);
                choices.add(new Choice(KEY_BYTES, drbg.name(), "passed its health check; used where the caller"
                        + " passes no SecureRandom of its own"));
                return drbg;
            } catch (IllegalStateException e) {
                why = e.getMessage();
                refuseIfNative(mode, KEY_BYTES + ": " + why);
            }
        }
        choices.add(new Choice(KEY_BYTES, "SecureRandom", why));
        return null;
    }

    private static AeadEngine pick(Mode mode, String algorithm, String problem, AeadEngine nativeEngine,
            AeadEngine javaEngine, String nativeName, List<Choice> choices) {
        if (problem == null) {
            choices.add(new Choice(algorithm, nativeName, "passed its known-answer tests"));
            return nativeEngine;
        }
        refuseIfNative(mode, algorithm + ": " + problem);
        choices.add(new Choice(algorithm, JAVA_ENGINE, problem));
        return javaEngine;
    }

    /** AES-GCM once OpenSSL's passed: with the own kernel where it may and can run, and passes too. */
    private static AeadEngine nativeGcm(boolean aesKernel, String nativeName, List<Choice> choices) {
        String kernelProblem;
        if (!aesKernel) {
            kernelProblem = "sessionkeys.aesKernel=off";
        } else {
            kernelProblem = OpenSslNative.gcmKernelUnavailable();
            if (kernelProblem == null) {
                kernelProblem = problem(OpenSslAeadEngine.AES_GCM_KERNEL, NativeKnownAnswers::aesGcm);
            }
        }
        if (kernelProblem == null) {
            choices.add(new Choice("AES-GCM", nativeName + " with SessionKeys' AES-GCM kernel (VAES, VPCLMULQDQ)",
                    "passed its known-answer tests"));
            return OpenSslAeadEngine.AES_GCM_KERNEL;
        }
        choices.add(new Choice("AES-GCM", nativeName, "passed its known-answer tests; own AES-GCM kernel not used: "
                + kernelProblem));
        return OpenSslAeadEngine.AES_GCM;
    }

    /** Why the native engine cannot run an algorithm, or {@code null} if it can. */
    private static String problem(AeadEngine engine, Consumer<AeadEngine> knownAnswers, int... ciphers) {
        for (int cipher : ciphers) {
            if (!OpenSslNative.hasCipher(cipher)) {
                return "this libcrypto lacks it";
            }
        }
        try {
            knownAnswers.accept(engine);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return "the native engine failed its known-answer test: " + e.getMessage();
        }
    }

    static void refuseIfNative(Mode mode, String why) {
        if (mode == Mode.NATIVE) {
            throw new ConfigurationException("sessionkeys.engine=native, but the native engine cannot run: " + why);
        }
    }

    public AeadEngine aesGcm() {
        return aesGcm;
    }

    public AeadEngine chaCha20Poly1305() {
        return chaCha20Poly1305;
    }

    /** AES-CTR, CBC and ECB as whole messages. */
    public BlockModeEngine aesModes() {
        return aesModes;
    }

    /** AES-CFB8, CFB128 and OFB as whole messages (the other segment sizes always run on Java). */
    public BlockModeEngine aesSegmentModes() {
        return aesSegmentModes;
    }

    /** AES-KW and KWP run whole, or {@code null} where they run on the Java AES engine. */
    public KeyWrapEngine aesKeyWrap() {
        return aesKeyWrap;
    }

    public HmacEngine hmac(ShaAlgorithm hash) {
        return mac.hmac().get(hash);
    }

    public HkdfEngine hkdf() {
        return mac.hkdf();
    }

    /** RSA-OAEP decryption: OpenSSL's, or {@link RsaOaepEngine#JAVA} (the wrap family's own). */
    public RsaOaepEngine rsaOaep() {
        return rsaOaep;
    }

    /**
     * Where new keys' bytes come from when the caller names no source of randomness, or
     * {@code null}: from the provider's {@code SecureRandom}.
     */
    public KeyBytesEngine keyBytes() {
        return keyBytes;
    }

    /** Every algorithm family with its engine and reason, for the CLI and the MXBean. */
    public List<Choice> choices() {
        return choices;
    }

    private Map<String, String> report() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Choice c : choices) {
            m.put(c.algorithm(), c.engine() + " (" + c.reason() + ")");
        }
        return m;
    }
}

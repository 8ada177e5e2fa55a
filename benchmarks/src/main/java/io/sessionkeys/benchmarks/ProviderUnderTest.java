package io.sessionkeys.benchmarks;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.sessionkeys.SessionKey;
import io.sessionkeys.SessionKeysProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.security.auth.DestroyFailedException;
import javax.security.auth.Destroyable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.conscrypt.Conscrypt;

/**
 * The providers the suite compares, by the label used as the JMH {@code provider} parameter.
 * None is installed with {@code Security.addProvider}: every benchmark asks its provider object
 * directly, so JCA's provider order never decides what is measured.
 */
public enum ProviderUnderTest {
    /** SessionKeys with its default engine selection (auto: OpenSSL where the native engine runs). */
    SESSIONKEYS("SessionKeys"),
    /** SessionKeys forced onto its constant-time Java engine ({@code sessionkeys.engine=java}). */
    SESSIONKEYS_JAVA("SessionKeys-java"),
    SUNJCE("SunJCE"),
    /** SunJCE in a JVM with its AES/GHASH (and on newer JDKs ChaCha20/Poly1305) intrinsics off. */
    SUNJCE_NO_INTRINSICS("SunJCE-nointrinsics"),
    BOUNCY_CASTLE("BC"),
    CORRETTO("ACCP"),
    CONSCRYPT("Conscrypt");

    private static final Map<ProviderUnderTest, Provider> LOADED = new EnumMap<>(ProviderUnderTest.class);

    private final String label;

    ProviderUnderTest(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** SessionKeys ciphers take only session keys; every other provider gets a SecretKeySpec. */
    public boolean makesSessionKeys() {
        return this == SESSIONKEYS || this == SESSIONKEYS_JAVA;
    }

    /** The providers that are not SessionKeys and not a baseline: the ones "best peer" is taken from. */
    public boolean isPeer() {
        return !makesSessionKeys() && this != SUNJCE_NO_INTRINSICS;
    }

    public static ProviderUnderTest byLabel(String label) {
        for (ProviderUnderTest p : values()) {
            if (p.label.equalsIgnoreCase(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + label + "'; expected one of "
                + Arrays.stream(values()).map(ProviderUnderTest::label).collect(Collectors.joining(", ")));
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(ProviderUnderTest::label).collect(Collectors.toList());
    }

    /**
     * The provider (or the JDK's own one), made once per JVM: a benchmark fork uses one provider,
     * and the suite's probe asks for each many times.
     *
     * @throws NotProvidedException if the provider cannot be had on this JDK and platform
     * @throws IllegalStateException for SunJCE-nointrinsics in a JVM with intrinsics still on
     */
    public Provider load() throws NotProvidedException {
        if (this == SUNJCE_NO_INTRINSICS) {
            Intrinsics.requireSwitchedOff();
        }
        synchronized (LOADED) {
            Provider provider = LOADED.get(this);
            if (provider == null) {
                provider = newInstance();
                LOADED.put(this, provider);
            }
            return provider;
        }
    }

    private Provider newInstance() throws NotProvidedException {
        switch (this) {
            case SESSIONKEYS:
                return new SessionKeysProvider();
            case SESSIONKEYS_JAVA:
                return javaEngineSessionKeys();
            case SUNJCE_NO_INTRINSICS:
            case SUNJCE:
                return sunJce();
            case BOUNCY_CASTLE:
                return new BouncyCastleProvider();
            case CORRETTO:
                return corretto();
            case CONSCRYPT:
                return conscrypt();
            default:
                throw new AssertionError(this);
        }
    }

    /** Releases a key made for a benchmark: session keys are destroyed, others are just dropped. */
    public static void discard(Object key) {
        if (key instanceof SessionKey) {
            try {
                // Through Destroyable, whose destroy() may throw: compiles whether or not
                // SessionKey narrows it.
                ((Destroyable) key).destroy();
            } catch (DestroyFailedException e) {
                throw new IllegalStateException("a session key could not be destroyed", e);
            }
        }
    }

    /** A second SessionKeys provider in the same JVM, configured (by file) onto the Java engine. */
    private static Provider javaEngineSessionKeys() throws NotProvidedException {
        try {
            Path config = Files.createTempFile("sessionkeys-java-engine", ".conf");
            try {
                Files.writeString(config, "sessionkeys.engine = java\n");
                return new SessionKeysProvider().configure(config.toString());
            } finally {
                Files.deleteIfExists(config);
            }
        } catch (IOException e) {
            throw new NotProvidedException("cannot write the Java-engine configuration: " + oneLine(e), e);
        }
    }

    private static Provider sunJce() throws NotProvidedException {
        Provider p = Security.getProvider("SunJCE");
        if (p == null) {
            throw new NotProvidedException("this JDK has no SunJCE provider");
        }
        return p;
    }

    private static Provider corretto() throws NotProvidedException {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable error = accp.getLoadingError();
            if (error != null) {
                throw new NotProvidedException("ACCP's native library did not load: " + oneLine(error), error);
            }
            return accp;
        } catch (LinkageError e) {
            throw new NotProvidedException("ACCP could not be loaded: " + oneLine(e), e);
        }
    }

    private static Provider conscrypt() throws NotProvidedException {
        try {
            if (!Conscrypt.isAvailable()) {
                Throwable why = unavailability();
                throw new NotProvidedException("Conscrypt's native library did not load: " + oneLine(why), why);
            }
            return Conscrypt.newProvider();
        } catch (LinkageError e) {
            throw new NotProvidedException("Conscrypt could not be loaded: " + oneLine(e), e);
        }
    }

    private static Throwable unavailability() {
        try {
            Conscrypt.checkAvailability();
            return new IllegalStateException("unknown reason");
        } catch (Throwable t) {
            return t;
        }
    }

    /** An exception as one line of text, for the availability file and the table's notes. */
    static String oneLine(Throwable t) {
        String message = t.getMessage();
        String text = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.replace('\n', ' ').replace('\t', ' ');
    }
}

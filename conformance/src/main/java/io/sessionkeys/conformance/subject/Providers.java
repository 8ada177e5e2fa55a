package io.sessionkeys.conformance.subject;

import io.sessionkeys.SessionKeysProvider;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The providers of a run. None is installed in {@code java.security}: every service is asked
 * for with {@code getInstance(name, provider)}, so the run changes nothing in the JVM. In the
 * shaded jar Bouncy Castle is the relocated copy, unsigned, which OpenJDK accepts as a JCE
 * provider because it does not verify provider signatures.
 */
public final class Providers {

    private Providers() {
    }

    public static Provider sessionKeys() {
        return new SessionKeysProvider();
    }

    public static Provider sunJce() {
        Provider p = Security.getProvider("SunJCE");
        if (p == null) {
            throw new IllegalStateException("this JVM has no SunJCE provider");
        }
        return p;
    }

    public static Provider bouncyCastle() {
        return new BouncyCastleProvider();
    }

    /** SessionKeys through each of {@code routes}, then (if asked) SunJCE and Bouncy Castle. */
    public static List<Subject> subjects(Provider sessionKeys, Set<KeyRoute> routes, boolean peers) {
        List<Subject> subjects = new ArrayList<>();
        for (KeyRoute r : routes) {
            subjects.add(Subject.sessionKeys(sessionKeys, r));
        }
        if (peers) {
            subjects.add(Subject.peer("SunJCE", sunJce()));
            subjects.add(Subject.peer("BC", bouncyCastle()));
        }
        return subjects;
    }
}

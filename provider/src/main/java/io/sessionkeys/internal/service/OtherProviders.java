package io.sessionkeys.internal.service;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;

/**
 * Finds the provider that would serve a request if SessionKeys were not installed: the installed
 * providers in preference order, skipping SessionKeys, and among them the first that offers the
 * algorithm and accepts the key at {@code init}, as JCA's delayed provider selection does. A
 * foreign key is handed to it as it is; SessionKeys never reads or copies it.
 */
public final class OtherProviders {

    private OtherProviders() {
    }

    /** Starts an engine of another provider with the caller's arguments. */
    @FunctionalInterface
    interface Start<E> {
        void start(E engine) throws InvalidKeyException, InvalidAlgorithmParameterException;
    }

    /** Every installed provider but SessionKeys (any instance of it), in preference order. */
    public static List<Provider> besides(Provider self) {
        List<Provider> others = new ArrayList<>();
        for (Provider p : Security.getProviders()) {
            if (p != self && p.getClass() != self.getClass()) {
                others.add(p);
            }
        }
        return others;
    }

    /**
     * The first other provider's {@code Cipher} for {@code transformation} that {@code start}
     * initializes with {@code key}, or {@code null} if no other provider offers the transformation
     * at all. If every one that offers it refuses, throws the first refusal, as JCA does.
     */
    static Cipher cipherAccepting(Provider self, String transformation, Key key, Start<Cipher> start)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        Exception first = null;
        boolean offered = false;
        for (Provider p : besides(self)) {
            if (!offers(p, "Cipher", cipherServiceNames(transformation))) {
                continue;
            }
            Cipher c = cipher(p, transformation);
            if (c == null) {
                continue;
            }
            offered = true;
            try {
                start.start(c);
                return c;
            } catch (InvalidKeyException | InvalidAlgorithmParameterException | RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (!offered) {
            return null;
        }
        return rethrow(first, key);
    }

    /** The first other provider's uninitialized {@code Cipher} for {@code transformation}, or null. */
    static Cipher anyCipher(Provider self, String transformation) {
        for (Provider p : besides(self)) {
            if (offers(p, "Cipher", cipherServiceNames(transformation))) {
                Cipher c = cipher(p, transformation);
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    /** As {@link #cipherAccepting}, for a {@code Mac}. */
    static Mac macAccepting(Provider self, String algorithm, Key key, Start<Mac> start)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        Exception first = null;
        boolean offered = false;
        for (Provider p : besides(self)) {
            if (!offers(p, "Mac", List.of(algorithm))) {
                continue;
            }
            Mac m;
            try {
                m = Mac.getInstance(algorithm, p);
            } catch (NoSuchAlgorithmException | RuntimeException e) {
                continue;
            }
            offered = true;
            try {
                start.start(m);
                return m;
            } catch (InvalidKeyException | InvalidAlgorithmParameterException | RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (!offered) {
            return null;
        }
        return rethrow(first, key);
    }

    private static <T> T rethrow(Exception first, Key key) throws InvalidKeyException,
            InvalidAlgorithmParameterException {
        if (first instanceof InvalidKeyException) {
            throw (InvalidKeyException) first;
        }
        if (first instanceof InvalidAlgorithmParameterException) {
            throw (InvalidAlgorithmParameterException) first;
        }
        if (first instanceof RuntimeException) {
            throw (RuntimeException) first;
        }
        throw new InvalidKeyException("No installed provider supports this key: "
                + (key == null ? "(null)" : key.getClass().getName()), first);
    }

    private static Cipher cipher(Provider p, String transformation) {
        try {
            return Cipher.getInstance(transformation, p);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether {@code p} registers one of {@code names}: checked before {@code getInstance}, whose
     * refusals would each cost an exception. The service's declared key classes are not consulted:
     * SessionKeys is reached with a foreign key when the caller fixed the provider before
     * {@code init}, and a provider fixed that way is handed any key and answers for itself.
     */
    private static boolean offers(Provider p, String type, List<String> names) {
        for (String name : names) {
            if (p.getService(type, name) != null) {
                return true;
            }
        }
        return false;
    }

    /** The service names JCA tries for a transformation: full, algorithm/mode, algorithm//padding, algorithm. */
    static List<String> cipherServiceNames(String transformation) {
        String[] parts = transformation.split("/", -1);
        if (parts.length != 3) {
            return List.of(transformation);
        }
        return List.of(transformation, parts[0] + "/" + parts[1], parts[0] + "//" + parts[2], parts[0]);
    }
}

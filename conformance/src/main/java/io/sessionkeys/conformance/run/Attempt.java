package io.sessionkeys.conformance.run;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.spec.InvalidKeySpecException;

/**
 * What one operation did: gave output, was refused at init (key import or {@code init}),
 * rejected its input during the operation, or threw something the JCA contract does not allow.
 */
public final class Attempt {

    /** The kinds of ending. */
    public enum Kind { OUTPUT, REFUSED_AT_INIT, REJECTED, BROKE_CONTRACT }

    /** An operation split into the two phases the JCA contract distinguishes. */
    public interface Operation<T> {
        /** Imports keys and initializes: may refuse unsupported parameters. */
        T init() throws Exception;

        /** Runs the initialized object; may reject bad input. */
        byte[] run(T initialized) throws Exception;
    }

    private final Kind kind;
    private final byte[] output;
    private final String detail;
    private final String exceptionName;

    private Attempt(Kind kind, byte[] output, String detail) {
        this(kind, output, detail, "");
    }

    private Attempt(Kind kind, byte[] output, Throwable e, String where) {
        this(kind, output, where + describe(e), name(e));
    }

    private Attempt(Kind kind, byte[] output, String detail, String exceptionName) {
        this.kind = kind;
        this.output = output;
        this.detail = detail;
        this.exceptionName = exceptionName;
    }

    /** Runs {@code op} and classifies how it ended. */
    public static <T> Attempt of(Operation<T> op) {
        T initialized;
        try {
            initialized = op.init();
        } catch (InvalidKeyException | InvalidAlgorithmParameterException | InvalidKeySpecException e) {
            return new Attempt(Kind.REFUSED_AT_INIT, null, e, "");
        } catch (Exception e) {
            return new Attempt(Kind.BROKE_CONTRACT, null, e, "at init: ");
        }
        try {
            return new Attempt(Kind.OUTPUT, op.run(initialized), "");
        } catch (GeneralSecurityException e) {
            return new Attempt(Kind.REJECTED, null, e, "");
        } catch (Exception e) {
            return new Attempt(Kind.BROKE_CONTRACT, null, e, "during the operation: ");
        }
    }

    /**
     * A parameter the JDK's own spec class already refuses (for example an IV no
     * {@code IvParameterSpec} can hold): no provider can be given it, so it counts as refused at init.
     */
    public static Attempt refusedBySpecClass(IllegalArgumentException e) {
        return new Attempt(Kind.REFUSED_AT_INIT, null, e, "the JDK spec class refuses it: ");
    }

    public Kind kind() {
        return kind;
    }

    public byte[] output() {
        return output;
    }

    public String detail() {
        return detail;
    }

    /** The simple name of the exception that ended the attempt, or "" if none did. */
    public String exceptionName() {
        return exceptionName;
    }

    /** The simple name, or the full name for anonymous classes (Bouncy Castle throws some). */
    static String name(Throwable e) {
        String simple = e.getClass().getSimpleName();
        return simple.isEmpty() ? e.getClass().getName() : simple;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return name(e) + (m == null ? "" : ": " + (m.length() > 160 ? m.substring(0, 160) + "…" : m));
    }
}

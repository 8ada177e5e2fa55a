package io.sessionkeys.compat.scenario;

import java.util.ArrayList;
import java.util.List;

/** How one case ended in one JVM: it worked (with its result) or failed (with the error chain). */
public record Outcome(boolean works, String detail) {

    private static final int MAX_DETAIL = 600;

    public static Outcome worked(String result) {
        return new Outcome(true, clean(result));
    }

    /** The error as the application sees it: each exception of the cause chain, outermost first. */
    public static Outcome failed(Throwable error) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = error; t != null && parts.size() < 6; t = t.getCause()) {
            parts.add(t.getClass().getName() + ": " + t.getMessage());
        }
        return new Outcome(false, clean(String.join(" <- ", parts)));
    }

    public static Outcome failed(String why) {
        return new Outcome(false, clean(why));
    }

    private static String clean(String s) {
        String one = String.valueOf(s).replaceAll("[\\t\\r\\n]+", " ");
        return one.length() <= MAX_DETAIL ? one : one.substring(0, MAX_DETAIL) + "...";
    }

    /** One line of the child's result file: {@code id TAB WORKS|FAILS TAB detail}. */
    public String toLine(String id) {
        return id + "\t" + (works ? "WORKS" : "FAILS") + "\t" + detail;
    }

    /** Reads a line written by {@link #toLine}; returns the case id in {@code id[0]}. */
    public static Outcome fromLine(String line, String[] id) {
        String[] f = line.split("\t", 3);
        if (f.length != 3 || !(f[1].equals("WORKS") || f[1].equals("FAILS"))) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        id[0] = f[0];
        return new Outcome(f[1].equals("WORKS"), f[2]);
    }
}

package io.sessionkeys.compat.scenario;

/**
 * One compatibility case: a small piece of real application code and the short result it reports.
 * The result must describe what the application sees (never which provider served it), so that
 * the runs without and with SessionKeys can be compared string for string.
 */
public record Case(String id, String library, String description, Body body) {

    /** The program of a case: returns its result, or throws what the application would see. */
    @FunctionalInterface
    public interface Body {
        String run() throws Exception;
    }
}

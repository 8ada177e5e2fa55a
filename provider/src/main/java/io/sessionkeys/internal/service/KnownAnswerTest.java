package io.sessionkeys.internal.service;

/**
 * One known-answer test: runs an engine on fixed inputs and throws if the output differs from the
 * expected one. Engines are called directly, never through JCA, so the self-test cannot recurse
 * into the provider it is testing.
 */
public interface KnownAnswerTest {

    String name();

    void run() throws Exception;

    static KnownAnswerTest of(String name, Check check) {
        return new KnownAnswerTest() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run() throws Exception {
                check.run();
            }
        };
    }

    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /** Throws unless the two arrays are equal; the message never shows either. */
    static void expectEqual(byte[] expected, byte[] actual, String what) {
        if (!java.util.Arrays.equals(expected, actual)) {
            throw new AssertionError(what + ": output differs from the known answer");
        }
    }
}

package io.sessionkeys.internal.provider;

import io.sessionkeys.internal.blockmode.BlockModeSelfTest;
import io.sessionkeys.internal.engine.aes.AesSelfTest;
import io.sessionkeys.internal.engine.chacha.ChaChaSelfTest;
import io.sessionkeys.internal.kdf.KdfSelfTest;
import io.sessionkeys.internal.key.KeyLifecycleSelfTest;
import io.sessionkeys.internal.mac.MacSelfTest;
import io.sessionkeys.internal.service.KnownAnswerTest;
import io.sessionkeys.internal.wrap.WrapSelfTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs every known-answer test once, lazily, before SessionKeys' first work of its own (the
 * provider's {@code Readiness}), and remembers the result. A provider whose self-test failed does
 * none: it makes no key and serves no session key.
 */
public final class SelfTest {

    private SelfTest() {
    }

    /**
     * Every known-answer test, family by family. Each lives next to the code it checks (the key
     * core, an engine, or a family); this list only says which exist.
     */
    static List<KnownAnswerTest> all() {
        List<KnownAnswerTest> all = new ArrayList<>();
        all.addAll(KeyLifecycleSelfTest.tests());
        all.addAll(ChaChaSelfTest.tests());
        all.addAll(AesSelfTest.tests());
        all.addAll(BlockModeSelfTest.tests());
        all.addAll(WrapSelfTest.tests());
        all.addAll(MacSelfTest.tests());
        all.addAll(KdfSelfTest.tests());
        return all;
    }

    /** The outcome: one line per test, and whether they all passed. */
    public static final class Result {
        private final List<String> lines;
        private final List<String> failures;

        Result(List<String> lines, List<String> failures) {
            this.lines = Collections.unmodifiableList(lines);
            this.failures = Collections.unmodifiableList(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }

        public List<String> lines() {
            return lines;
        }

        public List<String> failures() {
            return failures;
        }
    }

    private static final class Holder {
        static final Result RESULT = runAll();
    }

    public static Result result() {
        return Holder.RESULT;
    }

    static Result runAll() {
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (KnownAnswerTest test : all()) {
            try {
                test.run();
                lines.add("PASS " + test.name());
            } catch (Exception | AssertionError e) {
                String line = "FAIL " + test.name() + ": " + e.getMessage();
                lines.add(line);
                failures.add(line);
            }
        }
        return new Result(lines, failures);
    }
}

package io.sessionkeys.conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.conformance.model.Outcome;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

class JudgeTest {

    private static final byte[] RIGHT = {1, 2, 3};

    @Test
    void valid_rightOutput_passes() {
        assertEquals(Outcome.PASSED, judge(Expectation.VALID, false).check("x", output(RIGHT), RIGHT).result().outcome());
    }

    @Test
    void valid_wrongOutput_fails() {
        assertEquals(Outcome.FAILED, judge(Expectation.VALID, false).check("x", output(new byte[] {9}), RIGHT).result()
                .outcome());
    }

    @Test
    void valid_rejected_fails() {
        assertEquals(Outcome.FAILED, judge(Expectation.VALID, false).check("x", rejected(), RIGHT).result().outcome());
    }

    @Test
    void valid_refusedAtInitWhereUnsupportedAllowed_isRefused() {
        assertEquals(Outcome.REFUSED, judge(Expectation.VALID, true).check("x", refused(), RIGHT).result().outcome());
    }

    @Test
    void valid_refusedAtInitWhereSupportRequired_fails() {
        assertEquals(Outcome.FAILED, judge(Expectation.VALID, false).check("x", refused(), RIGHT).result().outcome());
    }

    @Test
    void valid_refusedOnOnePathAcceptedOnAnother_fails() {
        assertEquals(Outcome.FAILED, judge(Expectation.VALID, true).check("a", refused(), RIGHT)
                .check("b", output(RIGHT), RIGHT).result().outcome());
    }

    @Test
    void invalid_anyOutput_fails() {
        assertEquals(Outcome.FAILED, judge(Expectation.INVALID, false).check("x", output(RIGHT), null).result().outcome());
    }

    @Test
    void invalid_rejectedOrRefused_passes() {
        assertEquals(Outcome.PASSED, judge(Expectation.INVALID, false).check("a", rejected(), null)
                .check("b", refused(), null).result().outcome());
    }

    @Test
    void anyExpectation_uncheckedException_fails() {
        Attempt broke = Attempt.of(new Attempt.Operation<Object>() {
            @Override
            public Object init() {
                return this;
            }

            @Override
            public byte[] run(Object o) {
                throw new ArrayIndexOutOfBoundsException("boom");
            }
        });
        assertEquals(Outcome.FAILED, judge(Expectation.INVALID, false).check("x", broke, null).result().outcome());
    }

    @Test
    void acceptable_eitherOutcome_passesButWrongOutputFails() {
        assertEquals(Outcome.PASSED, judge(Expectation.ACCEPTABLE, false).check("x", rejected(), RIGHT).result().outcome());
        assertEquals(Outcome.PASSED, judge(Expectation.ACCEPTABLE, false).check("x", output(RIGHT), RIGHT).result()
                .outcome());
        assertEquals(Outcome.FAILED, judge(Expectation.ACCEPTABLE, false).check("x", output(new byte[0]), RIGHT)
                .result().outcome());
    }

    private static Judge judge(Expectation e, boolean mayBeUnsupported) {
        return new Judge("case", e, mayBeUnsupported);
    }

    private static Attempt output(byte[] b) {
        return Attempt.of(new Attempt.Operation<Object>() {
            @Override
            public Object init() {
                return this;
            }

            @Override
            public byte[] run(Object o) {
                return b;
            }
        });
    }

    private static Attempt rejected() {
        return Attempt.of(new Attempt.Operation<Object>() {
            @Override
            public Object init() {
                return this;
            }

            @Override
            public byte[] run(Object o) throws Exception {
                throw new AEADBadTagException("tag mismatch");
            }
        });
    }

    private static Attempt refused() {
        return Attempt.of(new Attempt.Operation<Object>() {
            @Override
            public Object init() throws Exception {
                throw new InvalidAlgorithmParameterException("unsupported");
            }

            @Override
            public byte[] run(Object o) {
                return null;
            }
        });
    }
}

package io.sessionkeys.internal.engine.chacha;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionkeys.internal.service.KnownAnswerTest;
import org.junit.jupiter.api.Test;

class ChaChaSelfTestTest {

    @Test
    void tests_allKnownAnswers_pass() throws Exception {
        int ran = 0;
        for (KnownAnswerTest test : ChaChaSelfTest.tests()) {
            test.run();
            ran++;
        }
        assertEquals(4, ran);
    }
}

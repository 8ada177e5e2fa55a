package io.sessionkeys.internal.engine.aes;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionkeys.internal.service.KnownAnswerTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class AesSelfTestTest {

    @Test
    void tests_everyKnownAnswer_passes() {
        List<KnownAnswerTest> tests = AesSelfTest.tests();
        assertEquals(3, tests.size());
        for (KnownAnswerTest test : tests) {
            assertDoesNotThrow(test::run, test.name());
        }
    }
}

package io.sessionkeys.internal.blockmode;

import io.sessionkeys.internal.service.KnownAnswerTest;
import org.junit.jupiter.api.Test;

class BlockModeSelfTestTest {

    @Test
    void tests_onTheProductionEngine_allPass() throws Exception {
        for (KnownAnswerTest test : BlockModeSelfTest.tests()) {
            test.run();
        }
    }
}

package io.sessionkeys.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionkeys.compat.scenario.Outcome;
import org.junit.jupiter.api.Test;

/** The comparison rule, on outcomes written by hand. */
class RowTest {

    private static final Outcome WORKED = Outcome.worked("TLSv1.3 TLS_AES_128_GCM_SHA256, 16384 bytes each way");
    private static final Refusal REFUSAL = new Refusal("case", "volatile", "cannot be persisted", null);
    private static final Refusal REFUSAL_WITH_SETTING =
            new Refusal("case", "volatile", "cannot be persisted", "sessionkeys.policy.plaintextExport = true");

    private static Verdict judge(Outcome without, Outcome with, Outcome withSetting, Refusal refusal) {
        return Row.judge("case", "library", "description", without, with, withSetting, refusal).verdict();
    }

    @Test
    void sameOutcome_works() {
        assertEquals(Verdict.WORKS, judge(WORKED, Outcome.worked(WORKED.detail()), null, null));
    }

    @Test
    void differentResultString_breaks() {
        assertEquals(Verdict.BREAKS, judge(WORKED, Outcome.worked("TLSv1.2 something else"), null, null));
    }

    @Test
    void failureNotListed_breaks() {
        assertEquals(Verdict.BREAKS, judge(WORKED, Outcome.failed(new IllegalStateException("x")), null, null));
    }

    @Test
    void listedRefusalWithItsMessage_isRefusedByDesign() {
        Outcome refused = Outcome.failed(new java.security.KeyStoreException("wrapped",
                new IllegalStateException("a session key cannot be persisted")));
        assertEquals(Verdict.REFUSED_BY_DESIGN, judge(WORKED, refused, null, REFUSAL));
    }

    @Test
    void listedRefusalWithAnotherMessage_breaks() {
        Outcome npe = Outcome.failed(new NullPointerException("buf is null"));
        assertEquals(Verdict.BREAKS, judge(WORKED, npe, null, REFUSAL));
    }

    @Test
    void listedRefusalThatWorks_isStale() {
        assertEquals(Verdict.STALE_REFUSAL, judge(WORKED, WORKED, null, REFUSAL));
    }

    @Test
    void refusalWhoseSettingDoesNotHelp_breaks() {
        Outcome refused = Outcome.failed(new IllegalStateException("cannot be persisted"));
        assertEquals(Verdict.BREAKS, judge(WORKED, refused, refused, REFUSAL_WITH_SETTING));
        assertEquals(Verdict.BREAKS, judge(WORKED, refused, null, REFUSAL_WITH_SETTING));
        assertEquals(Verdict.REFUSED_BY_DESIGN, judge(WORKED, refused, WORKED, REFUSAL_WITH_SETTING));
    }

    @Test
    void failureWithoutSessionKeys_isAScenarioFault() {
        Outcome failed = Outcome.failed(new IllegalStateException("x"));
        assertEquals(Verdict.SCENARIO_FAILS_WITHOUT_SESSIONKEYS, judge(failed, failed, null, null));
    }
}

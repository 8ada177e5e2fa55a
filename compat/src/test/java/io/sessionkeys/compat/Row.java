package io.sessionkeys.compat;

import io.sessionkeys.compat.scenario.Outcome;

/**
 * One case of one run of the suite: the outcomes without and with SessionKeys first, and the verdict.
 * {@code note} says why a case breaks, or, for a refusal, its reason and the setting that allows it.
 */
public record Row(String id, String library, String description, Outcome without, Outcome with,
        Verdict verdict, String note) {

    /** Compares one case. {@code withSetting} is the outcome under the refusal's setting, or null. */
    public static Row judge(String id, String library, String description, Outcome without, Outcome with,
            Outcome withSetting, Refusal refusal) {
        if (!without.works()) {
            return new Row(id, library, description, without, with, Verdict.SCENARIO_FAILS_WITHOUT_SESSIONKEYS,
                    "the scenario must work on the plain JDK");
        }
        if (with.equals(without)) {
            return refusal == null
                    ? new Row(id, library, description, without, with, Verdict.WORKS, "")
                    : new Row(id, library, description, without, with, Verdict.STALE_REFUSAL,
                            "remove it from the refusals by design");
        }
        if (refusal == null) {
            return new Row(id, library, description, without, with, Verdict.BREAKS, "");
        }
        if (with.works() || !with.detail().contains(refusal.expectedMessage())) {
            return new Row(id, library, description, without, with, Verdict.BREAKS,
                    "a refusal by design must say \"" + refusal.expectedMessage() + "\"");
        }
        if (refusal.setting() == null) {
            return new Row(id, library, description, without, with, Verdict.REFUSED_BY_DESIGN, refusal.reason());
        }
        if (withSetting == null || !withSetting.equals(without)) {
            return new Row(id, library, description, without, with, Verdict.BREAKS, "with `" + refusal.setting()
                    + "` it should work as without SessionKeys, but: "
                    + (withSetting == null ? "not run" : withSetting.detail()));
        }
        return new Row(id, library, description, without, with, Verdict.REFUSED_BY_DESIGN,
                refusal.reason() + "; works with `" + refusal.setting() + "`");
    }
}

package io.sessionkeys.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.compat.report.ResultFile;
import io.sessionkeys.compat.scenario.Outcome;
import io.sessionkeys.compat.support.SuiteRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The drop-in promise, checked with real code: every scenario runs in a child JVM on the plain JDK,
 * then with SessionKeys first through the shipped java.security snippet, and each case must end the
 * same way, or be one of the refusals by design ({@link Refusal#ALL}) with its expected message.
 * Writes {@code target/compat/results-jdkNN.md}, from which {@code CompatibilityTable} makes the
 * published table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DropInCompatibilityTest {

    private SuiteRun.Outcomes without;
    private SuiteRun.Outcomes with;
    private List<Row> rows;

    @BeforeAll
    void runEveryConfiguration() throws Exception {
        int jdk = Runtime.version().feature();
        Path results = Path.of(System.getProperty("compat.results", "target/compat"));
        SuiteRun suite = new SuiteRun(results.resolve("work-jdk" + jdk));
        without = suite.withoutSessionKeys();
        with = suite.withSessionKeysFirst();

        Map<String, Outcome> underSetting = new LinkedHashMap<>();
        long settingMillis = 0;
        Map<String, List<String>> casesBySetting = Refusal.ALL.stream().filter(r -> r.setting() != null)
                .collect(Collectors.groupingBy(Refusal::setting, TreeMap::new,
                        Collectors.mapping(Refusal::caseId, Collectors.toList())));
        for (Map.Entry<String, List<String>> e : casesBySetting.entrySet()) {
            SuiteRun.Outcomes o = suite.withSessionKeysFirstAndSetting(e.getKey(), e.getValue());
            e.getValue().forEach(id -> underSetting.put(id, o.byCase().get(id)));
            settingMillis += o.millis();
        }

        Map<String, Refusal> refusals = Refusal.byCase();
        rows = new ArrayList<>();
        for (Map.Entry<String, Outcome> e : without.byCase().entrySet()) {
            String id = e.getKey();
            String[] about = without.catalog().get(id);
            Outcome withSessionKeys = with.byCase().getOrDefault(id, Outcome.failed("not run"));
            rows.add(Row.judge(id, about[0], about[1], e.getValue(), withSessionKeys, underSetting.get(id),
                    refusals.get(id)));
        }

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("jdk", String.valueOf(jdk));
        facts.put("java.runtime.version", System.getProperty("java.runtime.version"));
        facts.put("java.vendor", System.getProperty("java.vendor"));
        facts.put("version Apache Santuario XML Encryption", System.getProperty("compat.santuario.version", "?"));
        facts.put("version Bouncy Castle CMS (bcpkix)", System.getProperty("compat.bouncycastle.version", "?"));
        facts.put("child JVM seconds (without, with, with settings)", String.format("%.1f, %.1f, %.1f",
                without.millis() / 1000.0, with.millis() / 1000.0, settingMillis / 1000.0));
        new ResultFile(facts, rows).write(results.resolve("results-jdk" + jdk + ".md"));
    }

    @Test
    void withoutSessionKeys_everyScenarioWorks() {
        List<String> failing = rows.stream().filter(r -> !r.without().works())
                .map(r -> r.id() + ": " + r.without().detail()).toList();
        assertTrue(failing.isEmpty(), "a scenario must work on the plain JDK; these do not:\n"
                + String.join("\n", failing));
        assertTrue(rows.size() > 50, "too few cases ran: " + rows.size());
    }

    @Test
    void snippet_putsSessionKeysFirst_andTheBaselineHasNoSessionKeys() {
        assertEquals("SessionKeys", with.setUp().get("first.provider"), with.setUp().toString());
        assertEquals("SessionKeys", with.setUp().get("aes.keygenerator"), with.setUp().toString());
        assertNotEquals("SessionKeys", without.setUp().get("first.provider"), without.setUp().toString());
        assertNotEquals("SessionKeys", without.setUp().get("aes.keygenerator"), without.setUp().toString());
    }

    @Test
    void everyRefusalByDesign_namesACaseOfTheSuite() {
        for (Refusal r : Refusal.ALL) {
            assertTrue(without.byCase().containsKey(r.caseId()), "no such case: " + r.caseId());
        }
    }

    @Test
    void withSessionKeysFirst_everyCaseEndsAsWithout_orIsARefusalByDesign() {
        List<String> differing = rows.stream().filter(r -> !r.verdict().acceptable())
                .map(r -> r.id() + ": " + r.verdict().label() + (r.note().isEmpty() ? "" : " (" + r.note() + ")")
                        + "\n    without: " + r.without().detail() + "\n    with:    " + r.with().detail())
                .toList();
        assertTrue(differing.isEmpty(), differing.size() + " of " + rows.size()
                + " cases end differently with SessionKeys first:\n" + String.join("\n", differing));
    }
}

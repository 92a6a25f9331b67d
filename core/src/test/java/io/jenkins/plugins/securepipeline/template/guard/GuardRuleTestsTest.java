package io.jenkins.plugins.securepipeline.template.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rule unit tests in the format of {@code cfn-guard test}. volumes_tests.yaml passes with cfn-guard 3.1.1
 * ({@code cfn-guard test -r volumes.guard -t volumes_tests.yaml}), and volumes_wrong_tests.yaml fails there in
 * exactly the expectation that fails here.
 */
class GuardRuleTestsTest {
    private static final Path DIR = Path.of("src/test/resources/guard/rule-tests");

    @Test
    void passingTestFile() throws Exception {
        GuardRules rules = GuardRules.load(List.of(DIR.resolve("volumes.guard")));
        List<GuardRuleTests.Outcome> outcomes = GuardRuleTests.run(rules, DIR.resolve("volumes_tests.yaml"));
        assertEquals(8, outcomes.size());
        assertTrue(outcomes.stream().allMatch(GuardRuleTests.Outcome::passed), outcomes.toString());
    }

    @Test
    void aWrongExpectationIsReportedWithCaseAndRule() throws Exception {
        GuardRules rules = GuardRules.load(List.of(DIR.resolve("volumes.guard")));
        List<GuardRuleTests.Outcome> failed = GuardRuleTests.run(rules, DIR.resolve("volumes_wrong_tests.yaml"))
                .stream().filter(o -> !o.passed()).toList();
        assertEquals(List.of(new GuardRuleTests.Outcome("encrypted small volume passes", "VOLUMES_SMALL",
                GuardStatus.FAIL, GuardStatus.PASS)), failed);
    }

    @Test
    void anExpectationForAnUnknownRuleFails() throws Exception {
        GuardRules rules = GuardRules.parse("r.guard", "rule A { Resources exists }\n");
        java.nio.file.Path tests = java.nio.file.Files.createTempFile("guard", "_tests.yaml");
        try {
            java.nio.file.Files.writeString(tests, "- name: typo\n  input: {Resources: {}}\n  expectations:\n"
                    + "    rules:\n      B: PASS\n");
            GuardRuleTests.Outcome outcome = GuardRuleTests.run(rules, tests).get(0);
            assertNull(outcome.actual());
            assertTrue(!outcome.passed());
        } finally {
            java.nio.file.Files.delete(tests);
        }
    }
}

package io.jenkins.plugins.securepipeline.template.guard;

import io.jenkins.plugins.securepipeline.template.TemplateNode;
import io.jenkins.plugins.securepipeline.template.TemplateParseException;
import io.jenkins.plugins.securepipeline.template.ReaderLimits;
import io.jenkins.plugins.securepipeline.template.TemplateReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs rule unit tests in the format {@code cfn-guard test} reads: a YAML (or JSON) list of cases, each with a
 * {@code name}, an {@code input} document and {@code expectations: {rules: {RULE_NAME: PASS|FAIL|SKIP}}}.
 * Rule authors test their rules with this engine exactly as they do with cfn-guard.
 */
public final class GuardRuleTests {
    /** One expectation of one case: what the test file expects and what the rules gave (null: no such rule). */
    public record Outcome(String testCase, String rule, GuardStatus expected, GuardStatus actual) {
        public boolean passed() {
            return expected == actual;
        }
    }

    private GuardRuleTests() {}

    public static List<Outcome> run(GuardRules rules, Path testFile) throws TemplateParseException,
            GuardRuleException {
        String source = testFile.toString();
        TemplateNode cases = TemplateReader.keepingNulls(ReaderLimits.DEFAULT).read(testFile);
        if (!cases.isList()) {
            throw new TemplateParseException(source, cases.line(), cases.column(),
                    "a rule test file is a list of cases (name, input, expectations.rules)");
        }
        List<Outcome> outcomes = new ArrayList<>();
        int number = 0;
        for (TemplateNode testCase : cases.items()) {
            number++;
            if (!testCase.isMap()) {
                throw new TemplateParseException(source, testCase.line(), testCase.column(), "test case " + number
                        + " is not a map");
            }
            TemplateNode name = testCase.get("name");
            String caseName = name != null && name.asText() != null ? name.asText() : "case " + number;
            TemplateNode input = testCase.get("input");
            TemplateNode expectations = testCase.path("expectations", "rules");
            if (input == null || expectations == null || !expectations.isMap()) {
                throw new TemplateParseException(source, testCase.line(), testCase.column(), "test case '" + caseName
                        + "' needs 'input' and 'expectations: {rules: {RULE: PASS|FAIL|SKIP}}'");
            }
            Map<String, GuardStatus> actual = new HashMap<>();
            for (GuardRuleResult result : rules.evaluate(input)) {
                actual.put(result.rule(), result.status());
            }
            for (Map.Entry<String, TemplateNode> expected : expectations.entries().entrySet()) {
                GuardStatus status;
                try {
                    status = GuardStatus.valueOf(String.valueOf(expected.getValue().asText()).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new TemplateParseException(source, expected.getValue().line(), expected.getValue().column(),
                            "expected status of " + expected.getKey() + " must be PASS, FAIL or SKIP");
                }
                outcomes.add(new Outcome(caseName, expected.getKey(), status, actual.get(expected.getKey())));
            }
        }
        return outcomes;
    }
}

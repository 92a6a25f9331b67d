package io.jenkins.plugins.securepipeline.template.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.securepipeline.template.TemplateReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Differential test against cfn-guard 3.1.1: every rule of every corpus rule file over every corpus template must
 * get the status cfn-guard gave it. The expectations in expected.tsv were recorded from the real binary by
 * record-expectations.sh (next to them); {@link GuardBinaryDifferentialTest} checks them against the binary
 * itself when it is installed.
 */
class GuardConformanceTest {
    static final Path CORPUS = Path.of("src/test/resources/guard/conformance");

    /** rules file + template -> rule -> status, as recorded. */
    static Map<String, Map<String, String>> expectations() throws Exception {
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] field = line.split("\t");
            expected.computeIfAbsent(field[0] + " " + field[1], k -> new LinkedHashMap<>()).put(field[2], field[3]);
        }
        return expected;
    }

    /** Our statuses for one pair: rule -> status. */
    static Map<String, String> ours(String rulesFile, String template) throws Exception {
        GuardRules rules = GuardRules.load(List.of(CORPUS.resolve("rules").resolve(rulesFile)));
        Map<String, String> statuses = new LinkedHashMap<>();
        for (GuardRuleResult result : rules.evaluate(TemplateReader.keepingNulls(io.jenkins.plugins.securepipeline.template.ReaderLimits.DEFAULT).read(CORPUS.resolve("templates")
                .resolve(template)))) {
            statuses.put(result.rule(), result.status().name());
        }
        return statuses;
    }

    @Test
    void everyRuleAgreesWithCfnGuardOnEveryTemplate() throws Exception {
        Map<String, Map<String, String>> expected = expectations();
        List<String> disagreements = new ArrayList<>();
        int pairs = 0;
        for (Map.Entry<String, Map<String, String>> entry : expected.entrySet()) {
            String[] pair = entry.getKey().split(" ");
            if ("ERROR".equals(entry.getValue().get("*"))) {
                // cfn-guard stopped evaluating this pair (a function could not convert its input): so must we
                pairs++;
                try {
                    disagreements.add(entry.getKey() + ": cfn-guard ERROR, ours " + ours(pair[0], pair[1]));
                } catch (GuardRuleException agrees) {
                    // cfn-guard refused this pair too
                }
                continue;
            }
            Map<String, String> ours = ours(pair[0], pair[1]);
            for (Map.Entry<String, String> rule : entry.getValue().entrySet()) {
                pairs++;
                String got = ours.get(rule.getKey());
                if (!rule.getValue().equals(got)) {
                    disagreements.add(entry.getKey() + " " + rule.getKey() + ": cfn-guard " + rule.getValue()
                            + ", ours " + got);
                }
            }
            assertEquals(entry.getValue().keySet(), ours.keySet(), "the same rules are reported for " + entry.getKey());
        }
        assertTrue(pairs > 500, "the corpus was read");
        assertEquals(List.of(), disagreements, disagreements.size() + " of " + pairs + " rule/template pairs differ");
    }
}

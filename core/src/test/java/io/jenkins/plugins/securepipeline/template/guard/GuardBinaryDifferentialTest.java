package io.jenkins.plugins.securepipeline.template.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the real cfn-guard (3.1.1, from the npm package {@code @cdklabs/cdk-validator-cfnguard}) over the corpus and
 * compares every rule's status with ours, so the recorded expectations cannot drift from the binary. The binary is
 * found through the {@code CFN_GUARD} environment variable or {@code /tmp/cfnguard/node_modules/...}; without it
 * the test is skipped with a message (CI without npm still passes; GuardConformanceTest still runs).
 */
class GuardBinaryDifferentialTest {
    private static final String NPM_PATH =
            "node_modules/@cdklabs/cdk-validator-cfnguard/bin/ubuntu/x86_64/cfn-guard";

    static Path binary() {
        String configured = System.getenv("CFN_GUARD");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of("/tmp/cfnguard").resolve(NPM_PATH);
    }

    @Test
    void cfnGuardAndThisEngineAgreeOnTheCorpus() throws Exception {
        Path binary = binary();
        assumeTrue(Files.isExecutable(binary), "cfn-guard not found at " + binary + " (set CFN_GUARD, or run: mkdir -p"
                + " /tmp/cfnguard && cd /tmp/cfnguard && npm install @cdklabs/cdk-validator-cfnguard); skipped");
        Path corpus = GuardConformanceTest.CORPUS;
        List<Path> ruleFiles;
        List<Path> templates;
        try (Stream<Path> r = Files.list(corpus.resolve("rules")); Stream<Path> t = Files.list(corpus.resolve("templates"))) {
            ruleFiles = r.sorted().toList();
            templates = t.sorted().toList();
        }
        List<String> disagreements = new ArrayList<>();
        int pairs = 0;
        for (Path rules : ruleFiles) {
            for (Path template : templates) {
                Map<String, String> theirs = cfnGuard(binary, rules, template);
                if (theirs == null) {
                    // cfn-guard stopped on this pair (an input a function cannot convert): ours must stop too
                    pairs++;
                    try {
                        disagreements.add(rules.getFileName() + " " + template.getFileName() + ": cfn-guard error,"
                                + " ours " + GuardConformanceTest.ours(rules.getFileName().toString(),
                                        template.getFileName().toString()));
                    } catch (GuardRuleException agrees) {
                        // both refused the pair
                    }
                    continue;
                }
                Map<String, String> ours = new TreeMap<>(GuardConformanceTest.ours(rules.getFileName().toString(),
                        template.getFileName().toString()));
                for (Map.Entry<String, String> rule : theirs.entrySet()) {
                    pairs++;
                    if (!rule.getValue().equals(ours.get(rule.getKey()))) {
                        disagreements.add(rules.getFileName() + " " + template.getFileName() + " " + rule.getKey()
                                + ": cfn-guard " + rule.getValue() + ", ours " + ours.get(rule.getKey()));
                    }
                }
                assertEquals(theirs.keySet(), ours.keySet(), rules + " over " + template);
            }
        }
        System.out.println("cfn-guard differential: " + (pairs - disagreements.size()) + " of " + pairs
                + " rule/template statuses agree");
        assertEquals(List.of(), disagreements);
    }

    /**
     * rule -> status from {@code cfn-guard validate -o json}; the default rule is named "default" as ours is; null
     * when cfn-guard stopped with an error instead of a report.
     */
    private static Map<String, String> cfnGuard(Path binary, Path rules, Path template) throws IOException,
            InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), "validate", "-r", rules.toString(), "-d",
                template.toString(), "-o", "json", "--show-summary", "none")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("cfn-guard did not finish");
        }
        JsonNode report;
        try {
            report = new ObjectMapper().readTree(new String(output, StandardCharsets.UTF_8));
        } catch (IOException notJson) {
            return null;
        }
        if (report == null || !report.isObject()) {
            return null;
        }
        String defaultName = rules.getFileName() + "/default";
        Map<String, String> statuses = new TreeMap<>();
        for (JsonNode failed : report.path("not_compliant")) {
            statuses.put(name(failed.path("Rule").path("name").asText(), defaultName), "FAIL");
        }
        for (JsonNode passed : report.path("compliant")) {
            statuses.put(name(passed.asText(), defaultName), "PASS");
        }
        for (JsonNode skipped : report.path("not_applicable")) {
            statuses.put(name(skipped.asText(), defaultName), "SKIP");
        }
        return statuses;
    }

    private static String name(String reported, String defaultName) {
        return reported.equals(defaultName) ? "default" : reported;
    }
}

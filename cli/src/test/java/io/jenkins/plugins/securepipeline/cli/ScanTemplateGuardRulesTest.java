package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan-template --rules}: an organisation's Guard rules in the same report as the built-in rules. */
class ScanTemplateGuardRulesTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static final String TEMPLATE = String.join("\n",
            "Resources:",
            "  Data:",
            "    Type: AWS::SQS::Queue",
            "    Properties:",
            "      KmsMasterKeyId: alias/aws/sqs",
            "  Jobs:",
            "    Type: AWS::SQS::Queue",
            "    Properties:",
            "      QueueName: jobs",
            "");

    private static final String RULES = String.join("\n",
            "let queues = Resources.*[ Type == 'AWS::SQS::Queue' ]",
            "rule SQS_ENCRYPTED when %queues !empty {",
            "  %queues.Properties.KmsMasterKeyId exists",
            "  << Queues must be encrypted with KMS >>",
            "}",
            "rule NO_TOPICS {",
            "  Resources.*[ Type == 'AWS::SNS::Topic' ].Properties.KmsMasterKeyId exists",
            "}",
            "");

    private int run(String... args) {
        return CapturedRun.execute(SecurePipelineCommand.newCommandLine(), out, err, args);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void failedGuardRuleIsAFindingWithResourcePathAndCustomMessage() throws Exception {
        Path template = write("stack.yaml", TEMPLATE);
        Path rules = write("rules/org.guard", RULES);
        assertThat(run("scan-template", "--rules", rules.toString(), template.toString()))
                .as(out + "" + err).isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).contains("BLOCKING HIGH org.guard/SQS_ENCRYPTED Jobs (AWS::SQS::Queue): Guard rule"
                + " org.guard/SQS_ENCRYPTED failed at /Resources/Jobs/Properties/KmsMasterKeyId: Queues must be encrypted"
                + " with KMS");
        assertThat(out.toString()).doesNotContain("Data (AWS::SQS::Queue): Guard");
    }

    @Test
    void jsonListsEachGuardRuleStatusPerTemplate() throws Exception {
        Path template = write("stack.yaml", TEMPLATE);
        write("rules/org.guard", RULES);
        write("rules/more/extra.ruleset", "rule QUEUES_NAMED {\n  Resources.*[ Type == 'AWS::SQS::Queue' ].Properties"
                + " exists\n}\n");
        Path report = dir.resolve("report.json");
        assertThat(run("scan-template", "--format", "json", "--output", report.toString(), "--rules",
                dir.resolve("rules").toString(), "--guard-severity", "low", template.toString()))
                .as(out + "" + err).isEqualTo(ExitCodes.OK);
        JsonNode first = new ObjectMapper().readTree(report.toFile()).get("templates").get(0);
        assertThat(first.get("guard").toString()).isEqualTo("[{\"rule\":\"extra.ruleset/QUEUES_NAMED\",\"status\":"
                + "\"PASS\"},{\"rule\":\"org.guard/SQS_ENCRYPTED\",\"status\":\"FAIL\"},{\"rule\":\"org.guard/NO_TOPICS\","
                + "\"status\":\"SKIP\"}]");
        JsonNode guardFinding = null;
        for (JsonNode finding : first.get("findings")) {
            if (finding.get("ruleId").asText().equals("org.guard/SQS_ENCRYPTED")) {
                guardFinding = finding;
            }
        }
        assertThat(guardFinding).isNotNull();
        assertThat(guardFinding.get("severity").asText()).isEqualTo("LOW");
        assertThat(guardFinding.get("resource").asText()).isEqualTo("Jobs");
        assertThat(guardFinding.get("line").asInt()).isEqualTo(9);
    }

    @Test
    void thePolicyFileSetsGuardSeveritiesByRuleIdGlobTheLastMatchWinning() throws Exception {
        Path template = write("stack.yaml", TEMPLATE);
        Path rules = write("rules/org.guard", RULES);
        Path policy = write("policy.yaml", "guardSeverities:\n  \"org.guard/*\": low\n  \"org.guard/SQS_*\": critical\n");
        assertThat(run("scan-template", "--policy", policy.toString(), "--rules", rules.toString(),
                "--guard-severity", "medium", template.toString())).as(out + "" + err).isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).contains("BLOCKING CRITICAL org.guard/SQS_ENCRYPTED Jobs");

        Path lower = write("lower.yaml", "guardSeverities:\n  \"org.guard/SQS_*\": critical\n  \"org.guard/*\": low\n");
        out.getBuffer().setLength(0);
        assertThat(run("scan-template", "--policy", lower.toString(), "--rules", rules.toString(),
                template.toString())).as(out + "" + err).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("LOW org.guard/SQS_ENCRYPTED Jobs");

        Path other = write("other.yaml", "guardSeverities:\n  \"team.guard/*\": low\n");
        out.getBuffer().setLength(0);
        assertThat(run("scan-template", "--policy", other.toString(), "--rules", rules.toString(),
                "--guard-severity", "medium", "--fail-on", "critical", template.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("MEDIUM org.guard/SQS_ENCRYPTED Jobs");

        Path bad = write("bad-policy.yaml", "guardSeverities:\n  \"org.guard/*\": severe\n");
        assertThat(run("scan-template", "--policy", bad.toString(), "--rules", rules.toString(),
                template.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void aBrokenRuleFileStopsTheScanNamingFileLineAndConstruct() throws Exception {
        Path template = write("stack.yaml", TEMPLATE);
        Path rules = write("bad.guard", "rule A {\n  let x = parse_epoch(Resources.A)\n}\n");
        assertThat(run("scan-template", "--rules", rules.toString(), template.toString()))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("bad.guard:2:11: the built-in function parse_epoch() is not supported");
    }

    @Test
    void aRuleErrorFoundWhileEvaluatingFailsThatTemplate() throws Exception {
        Path template = write("stack.yaml", TEMPLATE);
        Path rules = write("typo.guard", "rule A {\n  %queus exists\n}\n");
        assertThat(run("scan-template", "--rules", rules.toString(), template.toString()))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(out.toString()).contains("Guard rule error: typo.guard:2:3: unknown variable %queus");
    }

    @Test
    void aDirectoryWithoutRuleFilesIsAnError() throws Exception {
        Path template = write("stack.yaml", TEMPLATE);
        Files.createDirectories(dir.resolve("empty"));
        assertThat(run("scan-template", "--rules", dir.resolve("empty").toString(), template.toString()))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("no Guard rule files");
    }
}

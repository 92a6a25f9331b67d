package io.jenkins.plugins.securepipeline.template.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateScanner;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class TemplateReportFormatsTest {
    @TempDir
    Path dir;
    private ScanResult result;
    private Path template;

    @BeforeEach
    void scan() throws Exception {
        template = dir.resolve("stack.yaml");
        Files.writeString(template, String.join("\n", "Resources:",
                "  Bucket:", "    Type: AWS::S3::Bucket",
                "    Metadata: {cfn_nag: {rules_to_suppress: [{id: W35, reason: 'log <bucket> & co'}]}}",
                "    Properties: {AccessControl: PublicReadWrite}", ""));
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "Resources:\n  A: [\n");
        result = new TemplateScanner().scan(List.of(template, broken), Severity.HIGH);
    }

    @Test
    void jsonFollowsTheContractedSchema() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(result));
        JsonNode first = root.get("templates").get(0);
        assertThat(first.get("path").asText()).isEqualTo(template.toString());
        assertThat(first.get("error").isNull()).isTrue();
        JsonNode finding = first.get("findings").findValuesAsText("ruleId").contains("ASP-S3-003")
                ? findRule(first.get("findings"), "ASP-S3-003") : null;
        assertThat(finding).isNotNull();
        assertThat(finding.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(finding.get("resource").asText()).isEqualTo("Bucket");
        assertThat(finding.get("resourceType").asText()).isEqualTo("AWS::S3::Bucket");
        assertThat(finding.get("line").asInt()).isEqualTo(5);
        assertThat(finding.get("message").asText()).isNotBlank();
        assertThat(finding.get("references").get("cfn_nag").get(0).asText()).isEqualTo("F14");
        assertThat(finding.get("references").get("checkov").get(0).asText()).isEqualTo("CKV_AWS_57");
        assertThat(finding.get("references").get("cdk_nag").isArray()).isTrue();
        assertThat(finding.get("suppressed").asBoolean()).isFalse();
        assertThat(findRule(first.get("findings"), "ASP-S3-005").get("suppressed").asBoolean()).isTrue();
        assertThat(root.get("templates").get(1).get("error").asText()).startsWith(dir.resolve("broken.yaml") + ":");
        JsonNode summary = root.get("summary");
        assertThat(summary.get("errors").asInt()).isEqualTo(1);
        assertThat(summary.get("blocking").asLong()).isEqualTo(result.blockingCount()).isPositive();
        assertThat(summary.get("failOn").asText()).isEqualTo("high");
    }

    private static JsonNode findRule(JsonNode findings, String id) {
        for (JsonNode f : findings) {
            if (f.get("ruleId").asText().equals(id)) {
                return f;
            }
        }
        return null;
    }

    @Test
    void sarifHasRealLevelsRuleMetadataRegionsAndSuppressions() throws Exception {
        JsonNode root = new ObjectMapper().readTree(SarifReport.render(result, "1.2.3"));
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = root.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertThat(rules.size()).isGreaterThanOrEqualTo(60);
        JsonNode critical = null;
        JsonNode suppressed = null;
        for (JsonNode r : run.get("results")) {
            if (r.get("ruleId").asText().equals("ASP-S3-003")) {
                critical = r;
            }
            if (r.has("suppressions")) {
                suppressed = r;
            }
            JsonNode rule = rules.get(r.get("ruleIndex").asInt());
            assertThat(rule.get("id").asText()).isEqualTo(r.get("ruleId").asText());
        }
        assertThat(critical.get("level").asText()).isEqualTo("error");
        JsonNode region = critical.get("locations").get(0).get("physicalLocation").get("region");
        assertThat(region.get("startLine").asInt()).isEqualTo(5);
        assertThat(suppressed.get("suppressions").get(0).get("justification").asText()).contains("log <bucket> & co");
        assertThat(suppressed.get("level").asText()).isEqualTo("note"); // ASP-S3-005 is LOW
        assertThat(SarifReport.level(Severity.MEDIUM)).isEqualTo("warning");
        assertThat(run.get("invocations").get(0).get("executionSuccessful").asBoolean()).isFalse();
        assertThat(rules.get(0).get("properties").get("security-severity").asText()).isNotBlank();
    }

    @Test
    void junitXmlIsWellFormedWithFailuresSkipsAndErrors() throws Exception {
        String xml = JunitReport.render(result);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo((int) result.blockingCount());
        assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(1);
    }

    @Test
    void textNamesFileLineAndColumnAndSummarises() {
        String text = TextReport.render(result);
        assertThat(text).contains(template + ":5:").contains("BLOCKING CRITICAL ASP-S3-003 Bucket (AWS::S3::Bucket)")
                .contains("[suppressed by cfn_nag W35: log <bucket> & co]")
                .contains("ERROR " + dir.resolve("broken.yaml") + ":")
                .contains("1 template(s) scanned, 1 unreadable");
    }
}

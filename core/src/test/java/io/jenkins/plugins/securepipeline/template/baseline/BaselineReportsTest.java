package io.jenkins.plugins.securepipeline.template.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateScanner;
import io.jenkins.plugins.securepipeline.template.report.ReportFormat;
import io.jenkins.plugins.securepipeline.template.report.TextReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every report shows baselined findings, marked, and counts them apart from suppressed ones. The baseline here
 * accepts the bucket's findings but not the security group's SSH finding, and holds one entry that matches nothing.
 */
class BaselineReportsTest {
    @TempDir
    Path dir;
    private ScanResult result;

    @BeforeEach
    void scan() throws Exception {
        Path template = dir.resolve("stack.yaml");
        Files.writeString(template, String.join("\n", "Resources:",
                "  Logs:", "    Type: AWS::S3::Bucket",
                "    Metadata: {aws-secure-pipeline: {suppress: [{id: ASP-S3-005, reason: this is the log bucket}]}}",
                "    Properties: {AccessControl: PublicRead}",
                "  Web:", "    Type: AWS::EC2::SecurityGroup",
                "    Properties:", "      GroupDescription: web", "      SecurityGroupIngress:",
                "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0, Description: ssh}", ""));
        ScanResult scanned = new TemplateScanner().scan(List.of(template), Severity.HIGH);
        BaselinePaths paths = BaselinePaths.besideFile(dir.resolve("baseline.json"));
        List<BaselineEntry> entries = new ArrayList<>(Baseline.of(scanned, paths, "t").entries());
        entries.removeIf(e -> e.rule().equals("ASP-EC2-002"));
        entries.add(new BaselineEntry("ASP-S3-003", "stack.yaml", "Logs", "fixed long ago", "CRITICAL"));
        result = new Baseline("t", entries).apply(scanned, paths, "ci/baseline.json");
        assertThat(result.suppressedCount()).isEqualTo(1);
        assertThat(result.baselinedCount()).isEqualTo(8);
        assertThat(result.blockingCount()).isEqualTo(1);
    }

    @Test
    void textMarksThemAndTheSummaryCountsThemApart() {
        String text = TextReport.render(result);
        assertThat(text).contains("HIGH ASP-S3-002 Logs (AWS::S3::Bucket): The bucket ACL PublicRead opens the bucket"
                + " to anyone on the internet [baseline]\n    fix: ");
        assertThat(text).contains("BLOCKING HIGH ASP-EC2-002 Web").doesNotContain("BLOCKING HIGH ASP-S3-002");
        assertThat(text).contains("[suppressed by aws-secure-pipeline ASP-S3-005: this is the log bucket]");
        assertThat(TextReport.summary(result)).isEqualTo("1 template(s) scanned, 0 unreadable, 0 other file(s) skipped;"
                + " findings: 0 critical, 1 high, 0 medium, 0 low, 1 suppressed, 8 baselined; 1 blocking (fail on high);"
                + " 1 baseline entry no longer found");
    }

    @Test
    void withoutABaselineTheSummaryIsAsBefore() throws Exception {
        ScanResult plain = new TemplateScanner().scan(List.of(dir.resolve("stack.yaml")), Severity.HIGH);
        assertThat(TextReport.summary(plain)).doesNotContain("baseline").endsWith("1 suppressed; 3 blocking (fail on high)");
    }

    @Test
    void jsonHasAFieldPerFindingAndTheBaselineInTheSummary() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ReportFormat.JSON.render(result, "v"));
        for (JsonNode finding : root.at("/templates/0/findings")) {
            boolean ssh = finding.get("ruleId").asText().equals("ASP-EC2-002");
            boolean suppressed = finding.get("suppressed").asBoolean();
            assertThat(finding.get("baselined").asBoolean()).as(finding.toString()).isEqualTo(!ssh && !suppressed);
            assertThat(finding.get("blocking").asBoolean()).isEqualTo(ssh);
        }
        JsonNode summary = root.get("summary");
        assertThat(summary.get("suppressed").asInt()).isEqualTo(1);
        assertThat(summary.get("baselined").asInt()).isEqualTo(8);
        assertThat(summary.get("blocking").asInt()).isEqualTo(1);
        assertThat(summary.at("/bySeverity/HIGH").asInt()).isEqualTo(1);
        assertThat(summary.get("baseline").toString()).isEqualTo(
                "{\"file\":\"ci/baseline.json\",\"entries\":9,\"matched\":8,\"noLongerFound\":1}");
    }

    @Test
    void sarifSuppressesThemExternallyAndGivesTheirBaselineState() throws Exception {
        JsonNode run = new ObjectMapper().readTree(ReportFormat.SARIF.render(result, "v")).at("/runs/0");
        int external = 0;
        for (JsonNode r : run.get("results")) {
            String rule = r.get("ruleId").asText();
            JsonNode suppressions = r.get("suppressions");
            if (rule.equals("ASP-EC2-002")) {
                assertThat(suppressions).isNull();
                assertThat(r.get("baselineState").asText()).isEqualTo("new");
            } else if (rule.equals("ASP-S3-005")) {
                assertThat(suppressions.at("/0/kind").asText()).isEqualTo("inSource");
                assertThat(r.get("baselineState")).isNull();
            } else {
                assertThat(suppressions.get(0).toString()).isEqualTo("{\"kind\":\"external\",\"status\":\"accepted\","
                        + "\"justification\":\"recorded in the baseline ci/baseline.json\"}");
                assertThat(r.get("baselineState").asText()).isEqualTo("unchanged");
                external++;
            }
        }
        assertThat(external).isEqualTo(8);
        assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isTrue();
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/level").asText()).isEqualTo("note");
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText())
                .isEqualTo("1 baseline entry no longer found (ci/baseline.json)");
    }

    @Test
    void junitSkipsThemSayingWhy() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                ReportFormat.JUNIT.render(result, "v").getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("9");
        NodeList skipped = xml.getElementsByTagName("skipped");
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < skipped.getLength(); i++) {
            messages.add(((Element) skipped.item(i)).getAttribute("message"));
        }
        assertThat(messages).filteredOn(m -> m.equals("baseline: recorded in ci/baseline.json")).hasSize(8);
        assertThat(messages).contains("suppressed by aws-secure-pipeline ASP-S3-005: this is the log bucket");
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
    }
}

package io.jenkins.plugins.securepipeline.template.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.ReaderLimits;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateScanner;
import io.jenkins.plugins.securepipeline.template.guard.GuardRules;
import io.jenkins.plugins.securepipeline.template.guard.GuardScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline accepts the findings it recorded after edits elsewhere, and nothing else. */
class BaselineTest {
    private static final String LOGS = String.join("\n",
            "  Logs:",
            "    Type: AWS::S3::Bucket",
            "    Properties:",
            "      AccessControl: PublicRead", "");
    private static final String WEB = String.join("\n",
            "  Web:",
            "    Type: AWS::EC2::SecurityGroup",
            "    Properties:",
            "      GroupDescription: web",
            "      SecurityGroupIngress:",
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0, Description: ssh}", "");

    @TempDir
    Path dir;
    private Path template;
    private BaselinePaths paths;
    private Baseline baseline;
    private ScanResult original;

    @BeforeEach
    void recordTheBaseline() throws Exception {
        template = dir.resolve("infra/stack.yaml");
        Files.createDirectories(template.getParent());
        Files.writeString(template, "Resources:\n" + LOGS + WEB);
        paths = BaselinePaths.besideFile(dir.resolve("baseline.json"));
        original = scan();
        assertThat(original.blockingCount()).isEqualTo(3);
        baseline = Baseline.of(original, paths, "test");
    }

    private ScanResult scan() throws Exception {
        return new TemplateScanner().scan(List.of(template), Severity.HIGH);
    }

    private ScanResult applied(String text) throws Exception {
        Files.writeString(template, text);
        return baseline.apply(scan(), paths, "baseline.json");
    }

    private static List<Finding> findings(ScanResult result) {
        return result.templates().stream().flatMap(t -> t.findings().stream()).toList();
    }

    private static List<String> unbaselined(ScanResult result) {
        return findings(result).stream().filter(f -> !f.baselined()).map(f -> f.ruleId() + " " + f.resource())
                .collect(Collectors.toList());
    }

    @Test
    void recordsEveryUnsuppressedFindingRelativeToTheBaselineFile() {
        assertThat(baseline.entries()).hasSize(findings(original).size()).hasSize(10);
        assertThat(baseline.entries()).allSatisfy(e -> assertThat(e.file()).isEqualTo("infra/stack.yaml"));
        assertThat(baseline.entries()).anySatisfy(e -> {
            assertThat(e.rule()).isEqualTo("ASP-EC2-002");
            assertThat(e.resource()).isEqualTo("Web");
            assertThat(e.message()).isEqualTo("SSH (port 22) is reachable from 0.0.0.0/0");
            assertThat(e.severity()).isEqualTo("HIGH");
        });
    }

    @Test
    void theSameTemplateIsAcceptedAndStillReported() throws Exception {
        ScanResult result = applied(Files.readString(template));
        assertThat(result.blockingCount()).isZero();
        assertThat(result.findingCount()).isEqualTo(10);
        assertThat(result.baselinedCount()).isEqualTo(10);
        assertThat(result.countsBySeverity().values()).allMatch(n -> n == 0);
        assertThat(result.baseline()).isEqualTo(new ScanResult.BaselineStatus("baseline.json", 10, 10, 0));
        assertThat(findings(result)).allSatisfy(f -> assertThat(f.baseline()).isEqualTo("baseline.json"));
    }

    @Test
    void findingsTheCallerDoesNotLetBeWaivedStayOpenAndTheirEntriesCountAsUnmatched() throws Exception {
        ScanResult result = baseline.apply(scan(), paths, "baseline.json", f -> !f.ruleId().equals("ASP-EC2-002"));
        assertThat(unbaselined(result)).containsExactly("ASP-EC2-002 Web");
        assertThat(result.blockingCount()).isEqualTo(1);
        assertThat(result.baseline()).isEqualTo(new ScanResult.BaselineStatus("baseline.json", 10, 9, 1));
    }

    @Test
    void survivesLinesInsertedAbove() throws Exception {
        ScanResult result = applied("# a comment\nAWSTemplateFormatVersion: '2010-09-09'\nDescription: |\n  one\n  two\n"
                + "Resources:\n" + LOGS + WEB);
        assertThat(findings(result).get(0).line()).isNotEqualTo(findings(original).get(0).line());
        assertThat(unbaselined(result)).isEmpty();
        assertThat(result.blockingCount()).isZero();
    }

    @Test
    void survivesReorderedResources() throws Exception {
        ScanResult result = applied("Resources:\n" + WEB + LOGS);
        assertThat(unbaselined(result)).isEmpty();
        assertThat(result.baseline().noLongerFound()).isZero();
    }

    @Test
    void survivesAnotherResourceAddedAboveButItsFindingsAreNew() throws Exception {
        String queue = "  Jobs:\n    Type: AWS::SNS::Topic\n";
        ScanResult result = applied("Resources:\n" + queue + LOGS + WEB);
        assertThat(unbaselined(result)).isNotEmpty().allSatisfy(f -> assertThat(f).endsWith(" Jobs"));
        assertThat(findings(result).stream().filter(f -> !f.resource().equals("Jobs"))).allMatch(Finding::baselined);
    }

    @Test
    void aNewResourceWithAnAcceptedProblemBlocks() throws Exception {
        String copy = WEB.replace("  Web:", "  Admin:");
        ScanResult result = applied("Resources:\n" + LOGS + WEB + copy);
        assertThat(unbaselined(result)).contains("ASP-EC2-002 Admin");
        assertThat(result.blockingCount()).isEqualTo(1);
    }

    @Test
    void survivesAnotherResourceRemovedAndCountsItsEntriesAsNoLongerFound() throws Exception {
        ScanResult result = applied("Resources:\n" + WEB);
        assertThat(unbaselined(result)).isEmpty();
        assertThat(result.baseline().matched()).isEqualTo(3);
        assertThat(result.baseline().noLongerFound()).isEqualTo(7);
    }

    @Test
    void aChangedPropertyIsANewFinding() throws Exception {
        ScanResult result = applied("Resources:\n" + LOGS + WEB.replace("CidrIp: 0.0.0.0/0", "CidrIpv6: '::/0'"));
        assertThat(unbaselined(result)).contains("ASP-EC2-002 Web");
        assertThat(result.blockingCount()).isEqualTo(1);
        assertThat(result.baseline().noLongerFound()).isEqualTo(2); // the 0.0.0.0/0 findings
    }

    @Test
    void aRecordedFindingAcceptsAtMostAsManyFindingsAsItWasRecorded() throws Exception {
        String second = "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0, Description: again}\n";
        ScanResult result = applied("Resources:\n" + LOGS + WEB + second);
        assertThat(unbaselined(result)).containsExactlyInAnyOrder("ASP-EC2-001 Web", "ASP-EC2-002 Web");
        assertThat(result.blockingCount()).isEqualTo(1);

        Files.writeString(template, "Resources:\n" + LOGS + WEB + second);
        Baseline both = Baseline.of(scan(), paths, "test");
        assertThat(both.apply(scan(), paths, "b").blockingCount()).isZero();
    }

    @Test
    void findingsSuppressedInTheTemplateAreNotRecordedNorMatched() throws Exception {
        Files.writeString(template, "Resources:\n" + LOGS.replace("    Properties:",
                "    Metadata: {aws-secure-pipeline: {suppress: [{id: ASP-S3-002, reason: public web site}]}}\n"
                        + "    Properties:") + WEB);
        ScanResult scanned = scan();
        Baseline recorded = Baseline.of(scanned, paths, "test");
        assertThat(recorded.entries()).noneMatch(e -> e.rule().equals("ASP-S3-002")).hasSize(9);
        ScanResult result = recorded.apply(scanned, paths, "b");
        Finding suppressed = findings(result).stream().filter(f -> f.ruleId().equals("ASP-S3-002")).findFirst().orElseThrow();
        assertThat(suppressed.suppressed()).isTrue();
        assertThat(suppressed.baselined()).isFalse();
        assertThat(result.suppressedCount()).isEqualTo(1);
        assertThat(result.baselinedCount()).isEqualTo(9);
    }

    @Test
    void anUnreadableTemplateIsNeverRecordedAndItsEntriesAreNotNoLongerFound() throws Exception {
        Files.writeString(template, "Resources:\n  A: [\n");
        ScanResult broken = scan();
        assertThat(broken.errorCount()).isEqualTo(1);
        assertThat(Baseline.of(broken, paths, "test").entries()).isEmpty();
        ScanResult result = baseline.apply(broken, paths, "b");
        assertThat(result.errorCount()).isEqualTo(1);
        assertThat(result.baseline().noLongerFound()).isZero();
    }

    @Test
    void guardFindingsAreRecordedAndSurviveLinesInsertedAbove() throws Exception {
        GuardRules rules = GuardRules.parse("org.guard", "let buckets = Resources.*[ Type == 'AWS::S3::Bucket' ]\n"
                + "rule BUCKET_VERSIONED when %buckets !empty {\n"
                + "  %buckets.Properties.VersioningConfiguration.Status == 'Enabled'\n}\n");
        GuardScan guard = new GuardScan(rules, Severity.HIGH, ReaderLimits.DEFAULT);
        Files.writeString(template, "Resources:\n" + LOGS + WEB);
        ScanResult withGuard = guard.apply(scan()).result();
        assertThat(findings(withGuard)).anyMatch(f -> f.ruleId().equals("org.guard/BUCKET_VERSIONED"));
        Baseline recorded = Baseline.of(withGuard, paths, "test");
        assertThat(recorded.entries()).anySatisfy(e -> assertThat(e.message())
                .startsWith("Guard rule org.guard/BUCKET_VERSIONED failed at /Resources/Logs/Properties/"));

        Files.writeString(template, "Description: moved down\nResources:\n" + WEB + LOGS);
        ScanResult again = recorded.apply(guard.apply(scan()).result(), paths, "b");
        assertThat(unbaselined(again)).isEmpty();
        assertThat(again.blockingCount()).isZero();
    }

    @Test
    void theSameCheckoutMatchesFromAnotherAbsolutePathAndHoweverTheTemplateIsNamed() throws Exception {
        Path other = dir.resolve("elsewhere/checkout");
        Files.createDirectories(other.resolve("infra"));
        Files.copy(template, other.resolve("infra/stack.yaml"));
        BaselinePaths there = BaselinePaths.besideFile(other.resolve("baseline.json"));
        ScanResult copied = new TemplateScanner().scan(List.of(other.resolve("infra/../infra/./stack.yaml")), Severity.HIGH);
        assertThat(unbaselined(baseline.apply(copied, there, "b"))).isEmpty();

        ScanResult byDirectory = new TemplateScanner().scan(List.of(other), Severity.HIGH);
        assertThat(unbaselined(baseline.apply(byDirectory, there, "b"))).isEmpty();

        Path link = Files.createSymbolicLink(dir.resolve("link"), other);
        ScanResult throughLink = new TemplateScanner().scan(List.of(link.resolve("infra")), Severity.HIGH);
        assertThat(unbaselined(baseline.apply(throughLink, there, "b"))).isEmpty();
    }

    @Test
    void anotherFileWithTheSameFindingsIsNotAccepted() throws Exception {
        Path copy = dir.resolve("infra/copy.yaml");
        Files.copy(template, copy);
        ScanResult result = baseline.apply(new TemplateScanner().scan(List.of(template, copy), Severity.HIGH), paths, "b");
        assertThat(result.blockingCount()).isEqualTo(3);
        assertThat(result.baselinedCount()).isEqualTo(10);
    }

    @Test
    void workspacePathsAreRecordedRelativeToTheBaselineFile() {
        BaselinePaths root = BaselinePaths.inWorkspace("baseline.json");
        assertThat(root.recorded("infra/stack.yaml")).isEqualTo("infra/stack.yaml");
        BaselinePaths nested = BaselinePaths.inWorkspace("ci/scan/baseline.json");
        assertThat(nested.recorded("infra/stack.yaml")).isEqualTo("../../infra/stack.yaml");
        assertThat(nested.recorded("ci/scan/t.yaml")).isEqualTo("t.yaml");
        assertThat(BaselinePaths.inWorkspace("./infra/b.json").recorded("infra\\sub/./t.yaml")).isEqualTo("sub/t.yaml");
    }

    @Test
    void theCommandLineAndTheWorkspaceRecordTheSamePath() throws Exception {
        Path ci = Files.createDirectories(dir.resolve("ci"));
        BaselinePaths cli = BaselinePaths.besideFile(ci.resolve("baseline.json"));
        BaselinePaths workspace = BaselinePaths.inWorkspace("ci/baseline.json");
        assertThat(cli.recorded(template.toString())).isEqualTo(workspace.recorded("infra/stack.yaml"))
                .isEqualTo("../infra/stack.yaml");
    }
}

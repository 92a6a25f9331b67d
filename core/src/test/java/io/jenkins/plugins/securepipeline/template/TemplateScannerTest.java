package io.jenkins.plugins.securepipeline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateScannerTest {
    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static List<Finding> findings(ScanResult result, String ruleId) {
        return result.templates().stream().flatMap(t -> t.findings().stream()).filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void peerAndOwnSuppressionsMarkFindingsButKeepThem() throws Exception {
        Path file = write("s.yaml", "Resources:",
                "  A:", "    Type: AWS::S3::Bucket", "    Metadata:", "      cfn_nag:", "        rules_to_suppress:",
                "          - {id: W41, reason: encrypted by default since 2023}",
                "  B:", "    Type: AWS::S3::Bucket", "    Metadata:", "      checkov:", "        skip:",
                "          - {id: CKV_AWS_19, comment: default encryption}",
                "  C:", "    Type: AWS::S3::Bucket", "    Metadata:", "      cdk_nag:", "        rules_to_suppress:",
                "          - {id: AwsSolutions-S1, reason: log bucket}",
                "  D:", "    Type: AWS::S3::Bucket", "    Metadata:", "      aws-secure-pipeline:", "        suppress:",
                "          - {id: ASP-S3-001, reason: test bucket}", "          - {id: ASP-S3-006}",
                "  E:", "    Type: AWS::S3::Bucket");
        ScanResult result = new TemplateScanner().scan(List.of(file), Severity.LOW);
        assertThat(findings(result, "ASP-S3-001")).extracting(Finding::resource, Finding::suppressed).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("A", true), org.assertj.core.groups.Tuple.tuple("B", true),
                org.assertj.core.groups.Tuple.tuple("C", false), org.assertj.core.groups.Tuple.tuple("D", true),
                org.assertj.core.groups.Tuple.tuple("E", false));
        assertThat(findings(result, "ASP-S3-005")).filteredOn(f -> f.resource().equals("C")).singleElement()
                .satisfies(f -> assertThat(f.suppression()).isEqualTo("cdk_nag AwsSolutions-S1: log bucket"));
        assertThat(findings(result, "ASP-S3-001")).filteredOn(f -> f.resource().equals("A")).singleElement()
                .satisfies(f -> assertThat(f.suppression()).isEqualTo("cfn_nag W41: encrypted by default since 2023"));
        // The suppression without reason still applies, and is itself reported.
        assertThat(findings(result, "ASP-S3-006")).filteredOn(f -> f.resource().equals("D")).singleElement()
                .satisfies(f -> assertThat(f.suppressed()).isTrue());
        assertThat(findings(result, "ASP-SUP-001")).extracting(Finding::resource).containsExactly("D");
        assertThat(result.blocks(findings(result, "ASP-S3-001").get(0))).isFalse();
    }

    @Test
    void thresholdDecidesWhatBlocks() throws Exception {
        Path file = write("t.yaml", "Resources:", "  B:", "    Type: AWS::S3::Bucket", "    Properties: {AccessControl: PublicRead}");
        TemplateScanner scanner = new TemplateScanner();
        assertThat(scanner.scan(List.of(file), Severity.HIGH).blockingCount()).isEqualTo(2); // ACL + Block Public Access
        assertThat(scanner.scan(List.of(file), Severity.CRITICAL).blockingCount()).isZero();
        assertThat(scanner.scan(List.of(file), null).blockingCount()).isZero();
        assertThat(scanner.scan(List.of(file), Severity.LOW).blockingCount()).isGreaterThan(2);
    }

    @Test
    void policyDisablesRulesAndOverridesSeverity() throws Exception {
        Path file = write("t.yaml", "Resources:", "  B:", "    Type: AWS::S3::Bucket", "    Properties: {AccessControl: PublicRead}");
        Path policyFile = write("policy.yaml", "threshold: medium", "disabledRules: [ASP-S3-004]",
                "severityOverrides: {ASP-S3-002: critical}");
        ScanPolicy policy = ScanPolicy.read(policyFile);
        assertThat(policy.threshold()).isEqualTo(Severity.MEDIUM);
        ScanResult result = new TemplateScanner(ReaderLimits.DEFAULT, ParameterValues.NONE, policy)
                .scan(List.of(file), Severity.HIGH);
        assertThat(findings(result, "ASP-S3-004")).isEmpty();
        assertThat(findings(result, "ASP-S3-002")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void policyTyposAreErrors() throws Exception {
        assertThatThrownBy(() -> ScanPolicy.read(write("p1.yaml", "disabledRules: [ASP-S3-999]")))
                .hasMessageEndingWith("p1.yaml:1:17: unknown rule ID ASP-S3-999");
        assertThatThrownBy(() -> ScanPolicy.read(write("p2.yaml", "disable: [ASP-S3-001]")))
                .hasMessageContaining("unknown policy key 'disable'");
        assertThatThrownBy(() -> ScanPolicy.read(write("p3.yaml", "threshold: severe")))
                .hasMessageContaining("unknown severity 'severe'");
    }

    @Test
    void parametersFromAFileChangeFindings() throws Exception {
        Path file = write("p.yaml", "Parameters:", "  Acl: {Type: String, Default: Private}", "Resources:",
                "  B:", "    Type: AWS::S3::Bucket", "    Properties: {AccessControl: !Ref Acl}");
        assertThat(findings(new TemplateScanner().scan(List.of(file), Severity.LOW), "ASP-S3-002")).isEmpty();
        TemplateScanner withValues = new TemplateScanner(ReaderLimits.DEFAULT,
                new ParameterValues(Map.of("Acl", "PublicRead")), ScanPolicy.DEFAULT);
        assertThat(findings(withValues.scan(List.of(file), Severity.LOW), "ASP-S3-002")).hasSize(1);
    }

    @Test
    void riskyParameterDefaultIsCaught() throws Exception {
        Path file = write("d.yaml", "Parameters:", "  Cidr: {Type: String, Default: 0.0.0.0/0}", "Resources:",
                "  G:", "    Type: AWS::EC2::SecurityGroup", "    Properties:", "      GroupDescription: g",
                "      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr, Description: ssh}]");
        assertThat(findings(new TemplateScanner().scan(List.of(file), Severity.LOW), "ASP-EC2-002")).hasSize(1);
    }

    @Test
    void localNestedStacksAreScannedUnderTheirOwnPath() throws Exception {
        write("nested/child.yaml", "Resources:", "  B:", "    Type: AWS::S3::Bucket", "    Properties: {AccessControl: PublicReadWrite}");
        Path parent = write("parent.yaml", "Resources:",
                "  Child:", "    Type: AWS::CloudFormation::Stack", "    Properties: {TemplateURL: nested/child.yaml}",
                "  App:", "    Type: AWS::Serverless::Application", "    Properties: {Location: ./missing.yaml}",
                "  Remote:", "    Type: AWS::CloudFormation::Stack", "    Properties: {TemplateURL: 'https://s3.amazonaws.com/b/t.yaml'}");
        ScanResult result = new TemplateScanner().scan(List.of(parent), Severity.HIGH);
        assertThat(result.templates()).extracting(TemplateReport::path).containsExactly(
                parent.toString(), dir.resolve("nested/child.yaml").toString(), dir.resolve("missing.yaml").toString());
        assertThat(result.templates().get(1).findings()).extracting(Finding::ruleId).contains("ASP-S3-003");
        assertThat(result.templates().get(2).error()).contains("nested stack template not found");
    }

    @Test
    void nestedStacksOutsideTheScannedPathsAreErrorsNotReads() throws Exception {
        write("outside/secret.yaml", "Resources:", "  B:", "    Type: AWS::S3::Bucket");
        Path scanned = dir.resolve("scanned");
        Files.createDirectories(scanned);
        Files.createSymbolicLink(scanned.resolve("link.yaml"), dir.resolve("outside/secret.yaml"));
        Path parent = write("scanned/parent.yaml", "Resources:",
                "  Up:", "    Type: AWS::CloudFormation::Stack", "    Properties: {TemplateURL: ../outside/secret.yaml}",
                "  Linked:", "    Type: AWS::Serverless::Application", "    Properties: {Location: link.yaml}");

        ScanResult result = new TemplateScanner().scan(List.of(parent), Severity.HIGH);

        assertThat(result.templates()).extracting(TemplateReport::error).containsExactly(null,
                dir.resolve("outside/secret.yaml") + ": nested stack template is outside the scanned paths; add its"
                        + " directory to the scan to check it",
                scanned.resolve("link.yaml") + ": nested stack template is outside the scanned paths; add its"
                        + " directory to the scan to check it");
        assertThat(result.errorCount()).isEqualTo(2);
    }

    @Test
    void directoriesAreWalkedAndNonTemplatesCounted() throws Exception {
        write("a/stack.yaml", "Resources:", "  Q:", "    Type: AWS::SQS::Queue");
        write("a/config.json", "{\"name\": \"not a template\"}");
        write("a/k8s.yml", "kind: Pod", "---", "kind: Service");
        write("a/readme.txt", "Resources: ignored by extension");
        write("a/.git/x.yaml", "Resources: {}");
        ScanResult result = new TemplateScanner().scan(List.of(dir.resolve("a")), Severity.HIGH);
        assertThat(result.templates()).extracting(TemplateReport::path).containsExactly(dir.resolve("a/stack.yaml").toString());
        assertThat(result.skipped()).isEqualTo(2);
        assertThatThrownBy(() -> new TemplateScanner().scan(List.of(dir.resolve("nope")), Severity.HIGH))
                .hasMessageContaining("no such file or directory");
    }

    @Test
    void iamWildcardRulesKnowStarOnlyActionsAndIgnoreDeny() throws Exception {
        Path file = write("iam.yaml", "Resources:", "  P:", "    Type: AWS::IAM::ManagedPolicy", "    Properties:",
                "      PolicyDocument:", "        Statement:",
                "          - {Effect: Allow, Action: ['ec2:DescribeInstances', 'sts:GetCallerIdentity'], Resource: '*'}",
                "          - {Effect: Deny, Action: 'iam:PassRole', Resource: '*'}",
                "          - {Effect: Allow, Action: 'iam:Pass*', Resource: '*'}",
                "          - {Effect: Allow, Action: !Ref AWS::NoValue, Resource: '*'}");
        ScanResult result = new TemplateScanner().scan(List.of(file), Severity.LOW);
        assertThat(findings(result, "ASP-IAM-003")).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(9));
        assertThat(findings(result, "ASP-IAM-002")).singleElement().satisfies(f -> assertThat(f.message()).contains("iam:Pass*")
                .doesNotContain("ec2:DescribeInstances"));
    }

    @Test
    void samFunctionPoliciesAreChecked() throws Exception {
        Path file = write("sam.yaml", "Transform: AWS::Serverless-2016-10-31", "Resources:", "  Fn:",
                "    Type: AWS::Serverless::Function",
                "    Properties: {Handler: h, Runtime: python3.12, Policies: [AdministratorAccess, {Statement: [{Effect: Allow, Action: '*', Resource: '*'}]}]}");
        ScanResult result = new TemplateScanner().scan(List.of(file), Severity.LOW);
        assertThat(findings(result, "ASP-IAM-001")).hasSize(1);
        assertThat(findings(result, "ASP-IAM-008")).hasSize(1);
    }

    @Test
    void unknownPropertiesAreNotTakenAsMissing() throws Exception {
        Path file = write("u.yaml", "Parameters:", "  Sse: {Type: String}", "Resources:",
                "  T:", "    Type: AWS::DynamoDB::Table", "    Properties:", "      SSESpecification: !Ref Sse",
                "      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}",
                "  B:", "    Type: AWS::S3::Bucket", "    Properties: !Transform {Name: SomeMacro}");
        ScanResult result = new TemplateScanner().scan(List.of(file), Severity.LOW);
        assertThat(findings(result, "ASP-DDB-001")).isEmpty();
        // B's properties come from a macro: no property rule judges them, but the transform itself is reported.
        assertThat(result.templates().get(0).findings()).filteredOn(f -> f.resource().equals("B"))
                .extracting(Finding::ruleId).containsOnly("ASP-CFN-001");
    }

    @Test
    void aStandaloneIngressRuleIsReportedAgainstItselfAndItsGroup() throws Exception {
        Path file = write("sg.yaml", "Resources:", "  G:", "    Type: AWS::EC2::SecurityGroup",
                "    Properties: {GroupDescription: g}",
                "  Ssh:", "    Type: AWS::EC2::SecurityGroupIngress",
                "    Metadata: {cfn_nag: {rules_to_suppress: [{id: W9, reason: bastion}]}}",
                "    Properties: {GroupId: !Ref G, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}");
        ScanResult result = new TemplateScanner().scan(List.of(file), Severity.LOW);
        assertThat(findings(result, "ASP-EC2-002")).extracting(Finding::resource, Finding::line)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Ssh", 8),
                        org.assertj.core.groups.Tuple.tuple("G", 8));
        assertThat(findings(result, "ASP-EC2-002")).filteredOn(f -> f.resource().equals("G"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("AWS::EC2::SecurityGroupIngress Ssh"));
        // A suppression on either resource covers both reports (here cfn_nag's W9 on the rule resource).
        assertThat(findings(result, "ASP-EC2-001")).hasSize(2).allMatch(Finding::suppressed);
    }

    @Test
    void aTemplateWideMacroIsReportedAndCanBeAcceptedInTheTemplateMetadata() throws Exception {
        Path open = write("macro.yaml", "Transform: [AWS::Serverless-2016-10-31, Company::Macro]", "Resources:",
                "  Q:", "    Type: AWS::SQS::Queue");
        ScanResult result = new TemplateScanner().scan(List.of(open), Severity.HIGH);
        assertThat(findings(result, "ASP-CFN-001")).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("Transform");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).contains("Company::Macro");
            assertThat(result.blocks(f)).isTrue();
        });
        Path accepted = write("accepted.yaml", "Transform: Company::Macro",
                "Metadata: {aws-secure-pipeline: {suppress: [{id: ASP-CFN-001, reason: processed template scanned at deploy}]}}",
                "Resources:", "  Q:", "    Type: AWS::SQS::Queue");
        ScanResult suppressed = new TemplateScanner().scan(List.of(accepted), Severity.HIGH);
        assertThat(findings(suppressed, "ASP-CFN-001")).singleElement().satisfies(f -> {
            assertThat(f.suppressed()).isTrue();
            assertThat(suppressed.blocks(f)).isFalse();
        });
        ScanPolicy disabled = new ScanPolicy(java.util.Set.of("ASP-CFN-001"), java.util.Map.of(), null);
        ScanResult off = new TemplateScanner(ReaderLimits.DEFAULT, ParameterValues.NONE, disabled)
                .scan(List.of(open), Severity.HIGH);
        assertThat(findings(off, "ASP-CFN-001")).isEmpty();
    }

    @Test
    void aTemplateListedAndReachedAsNestedStackIsReportedOnce() throws Exception {
        write("d/child.yaml", "Resources:", "  Q:", "    Type: AWS::SQS::Queue");
        write("d/parent.yaml", "Resources:", "  C:", "    Type: AWS::CloudFormation::Stack",
                "    Properties: {TemplateURL: child.yaml}");
        ScanResult result = new TemplateScanner().scan(List.of(dir.resolve("d")), Severity.HIGH);
        assertThat(result.templates()).extracting(TemplateReport::path).containsExactly(
                dir.resolve("d/child.yaml").toString(), dir.resolve("d/parent.yaml").toString());
    }
}

package io.jenkins.plugins.securepipeline.template.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateScanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared pieces behind the rules added for peer coverage: ValueRule, sensitive IAM actions, secret text. */
class PeerRuleSupportTest {
    @TempDir
    Path dir;

    private List<String> ruleIds(String resources) throws Exception {
        Path file = dir.resolve("t" + System.nanoTime() + ".yaml");
        Files.writeString(file, "AWSTemplateFormatVersion: '2010-09-09'\n"
                + "Parameters:\n  Mode: {Type: String}\n"
                + "Resources:\n" + resources, StandardCharsets.UTF_8);
        ScanResult result = new TemplateScanner().scan(List.of(file), Severity.LOW);
        assertThat(result.templates().get(0).error()).isNull();
        return result.templates().get(0).findings().stream().map(Finding::ruleId).toList();
    }

    private static String resource(String type, String properties) {
        return "  Thing:\n    Type: " + type + "\n    Properties: " + properties + "\n";
    }

    @Test
    void enumerationsAreComparedIgnoringCase() throws Exception {
        assertThat(ruleIds(resource("AWS::Transfer::Server", "{EndpointType: public}"))).contains("ASP-TRF-001");
        assertThat(ruleIds(resource("AWS::Transfer::Server", "{EndpointType: vpc}"))).doesNotContain("ASP-TRF-001");
        assertThat(ruleIds(resource("AWS::QLDB::Ledger", "{PermissionsMode: allow_all}"))).contains("ASP-QLDB-001");
    }

    @Test
    void unknownValuesPassAndMissingValuesFailOnlyWhenTheDefaultIsUnsafe() throws Exception {
        assertThat(ruleIds(resource("AWS::Transfer::Server", "{EndpointType: !Ref Mode}"))).doesNotContain("ASP-TRF-001");
        assertThat(ruleIds(resource("AWS::Transfer::Server", "{Protocols: [SFTP]}"))).as("absent means PUBLIC")
                .contains("ASP-TRF-001");
        assertThat(ruleIds(resource("AWS::QLDB::Ledger", "{PermissionsMode: STANDARD}"))).as("absent means protected")
                .doesNotContain("ASP-QLDB-002");
        assertThat(ruleIds(resource("AWS::Neptune::DBCluster", "{BackupRetentionPeriod: !Ref Mode}")))
                .doesNotContain("ASP-NEP-003");
    }

    @Test
    void writeActionsAreRecognisedByVerbIncludingWildcards() {
        IamWriteOnEverythingRule rule = new IamWriteOnEverythingRule();
        assertThat(rule.sensitive("s3:PutObject")).isTrue();
        assertThat(rule.sensitive("s3:Put*")).isTrue();
        assertThat(rule.sensitive("dynamodb:*")).isTrue();
        assertThat(rule.sensitive("*")).isTrue();
        assertThat(rule.sensitive("s3:Get*")).isFalse();
        assertThat(rule.sensitive("ec2:DescribeInstances")).isFalse();
        assertThat(rule.sensitive("ecs:RegisterTaskDefinition")).as("only accepts Resource *").isFalse();
    }

    @Test
    void privilegeEscalationNeedsPassRoleForTheCombinedActions() throws Exception {
        String role = "{Roles: [r], PolicyName: p, PolicyDocument: {Statement: [{Effect: Allow, Action: %s, Resource: \"*\"}]}}";
        assertThat(ruleIds(resource("AWS::IAM::Policy", role.formatted("ec2:RunInstances")))).doesNotContain("ASP-IAM-019");
        assertThat(ruleIds(resource("AWS::IAM::Policy", role.formatted("[ec2:RunInstances, \"iam:Pass*\"]"))))
                .contains("ASP-IAM-019");
        assertThat(ruleIds(resource("AWS::IAM::Policy", role.formatted("iam:AttachRolePolicy")))).contains("ASP-IAM-019");
    }

    @Test
    void secretTextLooksAtNamesAndValues() {
        assertThat(SecretText.secretName("DB_PASSWORD")).isTrue();
        assertThat(SecretText.secretName("apiKey")).isTrue();
        assertThat(SecretText.secretName("DB_SECRET_ARN")).as("a reference to a secret").isFalse();
        assertThat(SecretText.secretName("LOG_LEVEL")).isFalse();
        assertThat(SecretText.plausibleSecret("3600")).isFalse();
        assertThat(SecretText.plausibleSecret("true")).isFalse();
        assertThat(SecretText.plausibleSecret("s3cr3t-Pa55")).isTrue();
        assertThat(SecretText.looksLikeCredential("key AKIAABCDEFGHIJKLMNOP here")).isTrue();
        assertThat(SecretText.looksLikeCredential("-----BEGIN RSA PRIVATE KEY-----")).isTrue();
        assertThat(SecretText.looksLikeCredential("arn:aws:secretsmanager:eu-west-1:1:secret:x")).isFalse();
    }

    @Test
    void networkAclEntriesAreGroupedByAclAndDirection() throws Exception {
        String entries = """
                  Acl: {Type: AWS::EC2::NetworkAcl, Properties: {VpcId: v}}
                  In: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 10.0.0.0/8, PortRange: {From: 443, To: 443}}}
                  Out: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref Acl, Egress: true, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 10.0.0.0/8, PortRange: {From: 443, To: 443}}}
                """;
        assertThat(ruleIds(entries)).doesNotContain("ASP-EC2-020", "ASP-EC2-022");
        assertThat(ruleIds(entries.replace("Egress: true, ", ""))).contains("ASP-EC2-020", "ASP-EC2-022");
    }

    @Test
    void checksAcrossResourcesStayLinearOnLargeTemplates() {
        // 10,000 entries of one ACL (and as many buckets): pairwise checks took minutes here, indexes take a second.
        StringBuilder resources = new StringBuilder("  Acl: {Type: AWS::EC2::NetworkAcl, Properties: {VpcId: v}}\n");
        for (int i = 1; i <= 10_000; i++) {
            int number = i == 10_000 ? 1 : i;
            int port = i == 9_999 ? 9_998 : i;
            resources.append("  E").append(i).append(": {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref Acl,")
                    .append(" RuleNumber: ").append(number).append(", Protocol: 6, RuleAction: allow, CidrBlock: 10.0.0.0/8,")
                    .append(" PortRange: {From: ").append(port).append(", To: ").append(port).append("}}}\n")
                    .append("  B").append(i).append(": {Type: AWS::S3::Bucket}\n");
        }
        List<String> ids = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(90), () -> ruleIds(resources.toString()));
        assertThat(ids).filteredOn("ASP-EC2-020"::equals).as("E1 and E10000 share rule number 1").hasSize(2);
        assertThat(ids).filteredOn("ASP-EC2-022"::equals).as("E9998 and E9999 both use port 9998").hasSize(2);
        assertThat(ids).filteredOn("ASP-S3-010"::equals).hasSize(10_000);
    }
}

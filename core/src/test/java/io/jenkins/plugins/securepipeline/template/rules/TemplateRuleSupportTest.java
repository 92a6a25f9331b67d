package io.jenkins.plugins.securepipeline.template.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securepipeline.template.Severity;
import org.junit.jupiter.api.Test;

class TemplateRuleSupportTest {
    @Test
    void actionsThatOnlyAcceptResourceStar() {
        assertThat(ActionPattern.acceptsOnlyResourceStar("ec2:DescribeInstances")).isTrue();
        assertThat(ActionPattern.acceptsOnlyResourceStar("ec2:Describe*")).isTrue();
        assertThat(ActionPattern.acceptsOnlyResourceStar("STS:GetCallerIdentity")).isTrue();
        assertThat(ActionPattern.acceptsOnlyResourceStar("ec2:*")).as("ec2:* includes TerminateInstances").isFalse();
        assertThat(ActionPattern.acceptsOnlyResourceStar("s3:GetObject")).isFalse();
        assertThat(ActionPattern.acceptsOnlyResourceStar("*")).isFalse();
    }

    @Test
    void wildcardActionsCoverTheActionsTheyGrant() {
        assertThat(ActionPattern.covers("iam:Pass*", "iam:PassRole")).isTrue();
        assertThat(ActionPattern.covers("iam:*", "iam:PassRole")).isTrue();
        assertThat(ActionPattern.covers("iam:P?ssRole", "iam:PassRole")).isTrue();
        assertThat(ActionPattern.covers("iam:GetRole", "iam:PassRole")).isFalse();
        assertThat(ActionPattern.covers("s3:*", "iam:PassRole")).isFalse();
    }

    @Test
    void referencesAreSortedByPeerAndValidated() {
        References refs = References.of("W35", "CKV_AWS_18", "AwsSolutions-S1", "F14");
        assertThat(refs.cfnNag()).containsExactly("W35", "F14");
        assertThat(refs.checkov()).containsExactly("CKV_AWS_18");
        assertThat(refs.cdkNag()).containsExactly("AwsSolutions-S1");
        assertThat(refs.contains("CKV_AWS_18")).isTrue();
        assertThatThrownBy(() -> References.of("S3-ENCRYPTION")).hasMessageContaining("not a peer rule ID");
    }

    @Test
    void ruleIdsAndSeveritiesAreChecked() {
        assertThatThrownBy(() -> new RuleInfo("S3-1", Severity.LOW, "t", java.util.List.of("x"), "r", References.NONE))
                .hasMessageContaining("rule IDs look like ASP-S3-001");
        assertThat(Severity.parse(" High ")).isEqualTo(Severity.HIGH);
        assertThatThrownBy(() -> Severity.parse("urgent")).hasMessageContaining("expected low, medium, high or critical");
    }
}

package io.jenkins.plugins.securepipeline.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControllerIdentityPolicyTest {
    private static final ControllerIdentityPolicyRule RELEASES_SIGN = new ControllerIdentityPolicyRule("releases sign",
            "platform/release-*", Set.of(AwsPurpose.KMS));
    private static final ControllerIdentityPolicyRule ALL_READ_IMAGES = new ControllerIdentityPolicyRule("images",
            "**", Set.of(AwsPurpose.ECR));

    @Test
    void noRulesAllowNothing() {
        PolicyDecision decision = new ControllerIdentityPolicy(List.of()).decide("team/app", AwsPurpose.ECR);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("team/app", "ECR", "none is configured");
    }

    @Test
    void aRuleAllowsOnlyItsPurposesForItsJobs() {
        ControllerIdentityPolicy policy = new ControllerIdentityPolicy(List.of(RELEASES_SIGN));

        assertThat(policy.decide("platform/release-web", AwsPurpose.KMS).allowed()).isTrue();
        assertThat(policy.decide("platform/release-web", AwsPurpose.KMS).ruleName()).contains("releases sign");
        assertThat(policy.decide("platform/release-web", AwsPurpose.ECR).allowed()).isFalse();
        assertThat(policy.decide("platform/build-web", AwsPurpose.KMS).allowed()).isFalse();
        // One folder level per *: a job in a sub-folder is not matched by platform/release-*.
        assertThat(policy.decide("platform/release-x/nested", AwsPurpose.KMS).allowed()).isFalse();
    }

    @Test
    void theFirstMatchingRuleIsNamed() {
        ControllerIdentityPolicy policy = new ControllerIdentityPolicy(List.of(RELEASES_SIGN, ALL_READ_IMAGES));

        PolicyDecision decision = policy.decide("a/b/c", AwsPurpose.ECR);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reason()).contains("'images'", "a/b/c");
    }

    @Test
    void anUnknownJobIsRefused() {
        assertThat(new ControllerIdentityPolicy(List.of(ALL_READ_IMAGES)).decide(" ", AwsPurpose.ECR).allowed()).isFalse();
    }

    @Test
    void incompleteRulesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new ControllerIdentityPolicyRule("r", "**", Set.of()))
                .isInstanceOf(InvalidRoleRequestException.class).hasMessageContaining("purposes");
        assertThatThrownBy(() -> new ControllerIdentityPolicyRule("r", " ", Set.of(AwsPurpose.ECR)))
                .hasMessageContaining("jobPattern");
        assertThatThrownBy(() -> new ControllerIdentityPolicyRule(null, "**", Set.of(AwsPurpose.ECR)))
                .hasMessageContaining("name");
    }

    @Test
    void purposesParseCaseInsensitivelyAndRefuseTheRest() {
        assertThat(AwsPurpose.parse("purposes", " kms ")).isEqualTo(AwsPurpose.KMS);
        assertThatThrownBy(() -> AwsPurpose.parse("purposes", "sts")).hasMessageContaining("purposes")
                .hasMessageContaining("'sts'");
    }
}
